"""`make lighthouse`: Lighthouse's four scores for the home page and a listing
and a detail page of every section, in both languages.

Seeds a throw-away database (tests/servers.py), collects static files and runs
gunicorn with production settings (DEBUG off, page cache on, https redirect off
for 127.0.0.1, uploads served by Django as a one-machine demo would), with the
Wagtail site pointed at that address so canonical and hreflang URLs resolve.
Lighthouse (tests/npm, pinned, `npm ci`) drives Debian's Chromium with
its default mobile settings. Fails when performance is below 98 or
accessibility, best practices or SEO below 100, and names the audits that cost
points. Not part of `make test`: it takes minutes.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench import PRODUCTION
from tests.servers import ROOT, Site, free_port

LIGHTHOUSE = ROOT / "tests" / "npm" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
MINIMUM = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
URLS = [
    "/en/",
    "/vi/",
    "/en/about/",
    "/vi/gioi-thieu/",
    "/en/about/introduction/",
    "/vi/gioi-thieu/gioi-thieu-du-an/",
    "/en/events/",
    "/vi/su-kien/",
    "/en/events/training/training-eip-criteria-upcoming/",
    "/vi/su-kien/tham-quan-thuc-te/khao-sat-khanh-phu-deep-c-2023/",
    "/en/eip-demonstration/",
    "/vi/mo-hinh-kcn-sinh-thai/",
    "/en/eip-demonstration/hiep-phuoc-industrial-park/",
    "/vi/mo-hinh-kcn-sinh-thai/kcn-hoa-khanh/",
    "/en/publications/",
    "/vi/bao-cao-va-an-pham/",
    "/en/publications/toolkit/unido-implementation-handbook-eip-2017/",
    "/vi/bao-cao-va-an-pham/van-ban-phap-luat/nghi-dinh-35-2022-nd-cp/",
    "/en/news/",
    "/vi/tin-tuc/",
    "/en/news/project-news/stakeholders-consulted-on-hiep-phuocs-eco-industrial-transition/",
    "/vi/tin-tuc/tin-trong-nuoc/thong-tu-moi-huong-dan-phat-trien-khu-cong-nghiep-sinh-thai/",
    "/en/contact-us/",
    "/vi/lien-he/",
]
POINT_SITE_AT = """
import os
from wagtail.models import Site
Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=int(os.environ["SITE_PORT"]))
"""


def audit(url, workdir, attempts=3):
    report = Path(workdir) / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    for attempt in range(1, attempts + 1):
        # Lighthouse now and then fails to record a trace (NO_NAVSTART); that says
        # nothing about the page, so the run is repeated a bounded number of times.
        result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, timeout=180)
        if result.returncode == 0:
            break
        if attempt == attempts:
            raise subprocess.CalledProcessError(result.returncode, command)
    data = json.loads(report.read_text())
    scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
    lost = sorted(
        audit_id
        for category in data["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and (data["audits"][audit_id]["score"] or 0) < 1
        and data["audits"][audit_id]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
    )
    return scores, lost


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make lighthouse` (it runs npm ci in tests/npm).")
    site = Site("lighthouse")
    site.env.update({**PRODUCTION, "SERVE_MEDIA": "true"})
    failures = []
    try:
        print("seeding a throw-away database …", flush=True)
        site.seed()
        site.manage("collectstatic", "--noinput")
        port = free_port()
        site.manage("shell", "-c", POINT_SITE_AT, env={"SITE_PORT": str(port)})
        with site.server(workers=2, port=port, PAGE_CACHE="true") as base, tempfile.TemporaryDirectory() as workdir:
            print(f"\n{'page':72} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}")
            for path in URLS:
                scores, lost = audit(base + path, workdir)
                low = [name for name, minimum in MINIMUM.items() if scores.get(name, 0) < minimum]
                note = f"  lost points: {', '.join(lost)}" if low else ""
                print(
                    f"{path[:72]:72} {scores['performance']:5} {scores['accessibility']:5} "
                    f"{scores['best-practices']:5} {scores['seo']:5}{note}",
                    flush=True,
                )
                if low:
                    failures.append(path)
    finally:
        site.remove()
    if failures:
        sys.exit(f"\nbelow the minimum ({MINIMUM}): {len(failures)} page(s)")
    print("\nevery page meets the minimum")


if __name__ == "__main__":
    main()
