"""`make audit`: known vulnerabilities in the pinned packages (pip-audit).

pip-audit installs requirements-dev.txt (which includes requirements.txt) into
a throw-away virtualenv, so every package that ships is checked at the version
it resolves to, and asks a vulnerability service about each one: PyPI's JSON
API by default (AUDIT_SERVICE=osv for OSV's).

The service may not answer: CI machines reach the package registries only,
and a registry mirror that serves packages need not serve PyPI's per-version
JSON, where the advisories are. pip-audit then skips those packages and still
prints "No known vulnerabilities found", a false all-clear. This report names
what was not audited instead, and says so in capitals.

Exit status: 1 when a package has a known vulnerability (bump its pin and run
the tests) or pip-audit fails for another reason (requirements that do not
install); 0 otherwise, also when the service could not be reached: an offline
CI run reports that clearly rather than failing. AUDIT_REQUIRED=1 turns
"not audited" into a failure, for a machine that has the internet.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements-dev.txt"
# Signs in pip-audit's error output that the service, not our pins, failed.
UNREACHABLE = ("ConnectionError", "NameResolutionError", "Max retries exceeded", "ReadTimeout", "ServiceError")


def run_pip_audit(service, report):
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(REQUIREMENTS),
        "--vulnerability-service",
        service,
        "--format",
        "json",
        "--output",
        str(report),
        "--progress-spinner",
        "off",
    ]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)  # noqa: S603


def not_audited(required, reason):
    print(f"NOT AUDITED: {reason}")
    if required:
        print("AUDIT_REQUIRED=1: failing.")
        return 1
    print("Not a failure here (set AUDIT_REQUIRED=1 where the vulnerability service is reachable).")
    return 0


def main():
    service = os.environ.get("AUDIT_SERVICE", "pypi")
    required = os.environ.get("AUDIT_REQUIRED") == "1"
    with tempfile.TemporaryDirectory(prefix="eipvn-audit-") as workdir:
        report = Path(workdir) / "audit.json"
        result = run_pip_audit(service, report)
        if not report.exists():
            errors = (result.stderr or result.stdout).strip()
            print(errors[-2000:])
            if any(sign in errors for sign in UNREACHABLE):
                return not_audited(required, f"the {service} vulnerability service could not be reached.")
            print(f"pip-audit failed (exit status {result.returncode}).")
            return 1
        dependencies = json.loads(report.read_text())["dependencies"]

    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    audited = len(dependencies) - len(skipped)
    print(f"pip-audit ({service}): {audited} of {len(dependencies)} packages audited.")
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            print(f"VULNERABLE {dep['name']}=={dep['version']}: {vuln['id']} (fixed in {fixed})")
    if vulnerable:
        return 1
    if skipped:
        names = ", ".join(sorted(dep["name"] for dep in skipped))
        return not_audited(required, f"the {service} service had no answer for {len(skipped)} packages: {names}.")
    print("No known vulnerabilities in the pinned packages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
