"""The shipped deployment files and checks: what nginx lets through to the
site, and what `make audit` calls a pass.

The nginx site is parsed here (no nginx on CI machines) and each address is
given the location nginx would pick for it: the longest matching prefix.
pip-audit's answers are stubbed: its service is not reachable from here."""

import json
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

NGINX = Path(settings.BASE_DIR) / "eipvn" / "deploy" / "nginx-eipvn.conf"
NGINX_DEFAULT_BODY = 1024 * 1024  # client_max_body_size when nothing sets it
UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
# A small form's worth: the contact form and the admin's ordinary forms.
SMALL = 2 * 1024 * 1024


def tokens(text):
    text = re.sub(r"#[^\n]*", "", text)
    return re.findall(r'"[^"]*"|\'[^\']*\'|[{};]|[^\s{};]+', text)


def parse(items):
    """Blocks as [(name, args, children or None)]."""
    tree, args = [], []
    while items:
        token = items.pop(0)
        if token == ";":
            tree.append((args[0], args[1:], None))
            args = []
        elif token == "{":
            tree.append((args[0], args[1:], parse(items)))
            args = []
        elif token == "}":
            return tree
        else:
            args.append(token)
    return tree


def https_server():
    servers = [block for name, _args, block in parse(tokens(NGINX.read_text())) if name == "server"]
    return next(block for block in servers if any(name == "listen" and "ssl" in a for name, a, _c in block))


def size(value):
    number, unit = re.fullmatch(r"(\d+)([kmgKMG]?)", value).groups()
    return int(number) * UNITS[unit.lower()]


def directive(server, path, wanted):
    """The arguments of directive ``wanted`` nginx applies to a request for
    ``path`` (its location's, else its server's), or None."""
    locations = [(args, block) for name, args, block in server if name == "location"]
    assert all(len(args) == 1 for args, _block in locations), "only prefix locations are understood here"
    matching = [(args[0], block) for args, block in locations if path.startswith(args[0])]
    _prefix, location = max(matching, key=lambda item: len(item[0]), default=("", []))
    for directives in (location, server):
        for name, args, _children in directives:
            if name == wanted:
                return args
    return None


def body_limit(server, path):
    """client_max_body_size nginx applies to a request for ``path``."""
    args = directive(server, path, "client_max_body_size")
    return size(args[0]) if args else NGINX_DEFAULT_BODY


@pytest.mark.parametrize(
    "path",
    ["/", "/en/contact-us/", "/vi/lien-he/", "/en/search/", "/admin/login/", "/admin/two-step/", "/documents/1/a.pdf"],
)
def test_nginx_takes_only_small_bodies_outside_the_admin_uploads(path):
    assert body_limit(https_server(), path) <= SMALL


@pytest.mark.parametrize(
    ("path", "largest_file"),
    [
        ("/admin/documents/multiple/add/", settings.DOCUMENT_MAX_UPLOAD_SIZE),
        ("/admin/documents/chooser/upload/", settings.DOCUMENT_MAX_UPLOAD_SIZE),
        ("/admin/documents/edit/3/", settings.DOCUMENT_MAX_UPLOAD_SIZE),
        ("/admin/images/multiple/add/", settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
        ("/admin/images/chooser/upload/", settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
        # A video file is uploaded in its page's form (publications.VideoPage).
        ("/admin/pages/add/publications/videopage/7/", settings.VIDEO_MAX_UPLOAD_SIZE),
        ("/admin/pages/8/edit/", settings.VIDEO_MAX_UPLOAD_SIZE),
        ("/admin/import/", settings.IMPORT_UPLOAD_MAX_SIZE),  # a spreadsheet (pages.importer)
    ],
)
def test_nginx_takes_the_admin_uploads_the_site_accepts(path, largest_file):
    limit = body_limit(https_server(), path)
    assert limit > largest_file, "room for the file and the rest of the form"
    assert limit <= largest_file + 16 * 1024 * 1024, "and not much more than the site accepts there"


def test_every_location_passes_to_the_site_or_serves_files():
    for name, args, block in https_server():
        if name == "location":
            directives = {child[0] for child in block}
            assert directives & {"proxy_pass", "alias", "return"}, f"location {args} answers nothing"


def test_nginx_never_serves_the_documents_folder():
    server = https_server()
    location = next(block for name, args, block in server if name == "location" and args == ["/media/documents/"])
    assert ("return", ["404"], None) in location


@pytest.mark.parametrize(
    "path",
    [
        "/en/updates/unsubscribe/3-0123456789abcdef0123456789abcdef/",
        "/en/updates/?email=lan%40example.org",
        "/en/events/workshops/a/register/cancel/3-0123456789abcdef0123456789abcdef/",
        "/admin/password_reset/confirm/MQ/cqz1xh-0123456789abcdef0123456789abcdef/",
        "/admin/pages/8/edit/",
    ],
)
def test_nginx_writes_no_access_log_of_what_gunicorn_logs_redacted(path):
    servers = [block for name, _args, block in parse(tokens(NGINX.read_text())) if name == "server"]
    for server in servers:  # https, and the plain http one that only redirects
        assert directive(server, path, "access_log") == ["off"], path


# --- make audit ------------------------------------------------------------------


def audit_with(monkeypatch, capsys, dependencies=None, stderr="", required=False):
    from tests import audit

    def fake_pip_audit(service, report):
        if dependencies is not None:
            report.write_text(json.dumps({"dependencies": dependencies, "fixes": []}))
        return subprocess.CompletedProcess([], 1 if stderr else 0, stdout="", stderr=stderr)

    monkeypatch.setattr(audit, "run_pip_audit", fake_pip_audit)
    monkeypatch.setenv("AUDIT_REQUIRED", "1" if required else "0")
    status = audit.main()
    return status, capsys.readouterr().out


CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}
SKIPPED = {"name": "wagtail", "skip_reason": "Dependency not found on PyPI and could not be audited: wagtail (8.0.1)"}
VULNERABLE = {
    "name": "pillow",
    "version": "13.0.0",
    "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["13.0.1"], "aliases": [], "description": ""}],
}


def test_audit_fails_on_a_known_vulnerability_and_names_the_fix(monkeypatch, capsys):
    status, out = audit_with(monkeypatch, capsys, [CLEAN, VULNERABLE])
    assert status == 1
    assert "VULNERABLE pillow==13.0.0: PYSEC-0000-1 (fixed in 13.0.1)" in out


def test_audit_passes_when_every_package_was_checked(monkeypatch, capsys):
    status, out = audit_with(monkeypatch, capsys, [CLEAN])
    assert (status, "NOT AUDITED" in out) == (0, False)


def test_audit_says_what_it_could_not_check_instead_of_an_all_clear(monkeypatch, capsys):
    status, out = audit_with(monkeypatch, capsys, [CLEAN, SKIPPED])
    assert status == 0
    assert "NOT AUDITED" in out and "wagtail" in out and "No known vulnerabilities" not in out
    assert audit_with(monkeypatch, capsys, [CLEAN, SKIPPED], required=True)[0] == 1


def test_an_unreachable_service_is_reported_not_failed(monkeypatch, capsys):
    error = "requests.exceptions.ConnectionError: Failed to resolve 'api.osv.dev'"
    status, out = audit_with(monkeypatch, capsys, stderr=error)
    assert status == 0 and "NOT AUDITED" in out
    assert audit_with(monkeypatch, capsys, stderr=error, required=True)[0] == 1
    assert audit_with(monkeypatch, capsys, stderr="ResolutionImpossible: no such version")[0] == 1


def test_ci_runs_the_audit_and_the_dev_requirements_pin_it():
    root = Path(settings.BASE_DIR)
    assert re.search(r"^pip-audit==[\d.]+$", (root / "requirements-dev.txt").read_text(), re.MULTILINE)
    assert re.search(r"^make audit$", (root / ".ci" / "run").read_text(), re.MULTILINE)
    assert re.search(r"^audit: .*## ", (root / "Makefile").read_text(), re.MULTILINE)
