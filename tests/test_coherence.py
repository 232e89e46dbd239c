"""Every worker and every server shows what editors did, at once.

Real gunicorn servers with production settings (several workers, each with its
own memory), on a seeded site of their own. Each test first proves that every
worker holds the old page (the "gone" check can fail), then makes the change
the way an editor or an operator does (the admin over HTTP, a management
command, a restore) and asks every worker many times.
"""

import json
import subprocess
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path

import pytest

from tests.servers import REDIS_URL, Browser, Site, TcpProxy, fetch, require_redis
from tests.test_contact import VALID

WORKERS = 3
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "eipvn.settings.production",
    "SECRET_KEY": "coherence-test-only-not-a-secret-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "PAGE_CACHE": "true",
    "REDIS_URL": "",
}
FACTS = """
import json
from wagtail.models import Locale
from news.models import NewsIndexPage, NewsPage
from pages.models import StandardPage, TeamPage
from pages.origin import is_source
vi = Locale.objects.get(language_code="vi")
def urls(page):
    return {"id": page.pk, "title": page.title, "en": page.url, "vi": page.get_translation(vi).url}
about = StandardPage.objects.get(locale__language_code="en", slug="about")
news = NewsIndexPage.objects.get(locale__language_code="en")
print(json.dumps({
    "team": urls(TeamPage.objects.get(locale__language_code="en")),
    "about_pages": [urls(p.specific) for p in about.get_children().live().exclude(slug="project-team")],
    # English originals: unpublishing one unpublishes its Vietnamese twin (a translation never drags its source).
    "articles": [urls(p) for p in NewsPage.objects.live().filter(locale__language_code="en").order_by("-date")
                 if is_source(p)],
    "news": urls(news),
}))
"""


@pytest.fixture(scope="module")
def site():
    """A seeded site of its own: these tests change its content for good."""
    site = Site("coherence")
    site.env.update(PRODUCTION)
    try:
        site.seed()
        site.manage("collectstatic", "--noinput")
        output = site.manage("shell", "-c", FACTS, stdout=subprocess.PIPE, text=True).stdout
        site.facts = json.loads(output.strip().splitlines()[-1])
        site.editor = f"editor-{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
        site.manage(
            "createsuperuser", "--noinput", "--username", site.editor[0], "--email", "editor@example.org",
            env={"DJANGO_SUPERUSER_PASSWORD": site.editor[1]},
        )  # fmt: skip
        yield site
    finally:
        site.remove()


def cache_states(urls, times, **headers):
    """(status, X-Cache) of each answer, ``times`` rounds over ``urls``."""
    answers = []
    for _ in range(times):
        for url in urls:
            status, answer, _body = fetch(url, follow=False, **headers)
            answers.append((url, status, answer.get("X-Cache")))
    return answers


def warm_every_worker(bases, paths, workers=WORKERS, shared=False):
    """Ask until each worker of each server answers every path from its cache.

    With each worker's own memory, a worker's first answer to a path is its
    only miss: once a path has had ``workers`` misses per server, every worker
    holds it. With a shared cache, one miss is all there is. Requests go out
    ``workers`` at a time: an idle kernel may hand one-at-a-time requests to
    the same worker again and again, but a busy worker cannot take the next.
    Bounded in time, not in count: the server answers as soon as one worker
    has loaded the site, and on a busy machine another may take seconds more
    to load it, while the ready ones answer hundreds of hits meanwhile."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for path in paths:
            for base in bases:
                misses, asked = 0, 0
                expected = 1 if shared else workers
                deadline = time.monotonic() + 90
                while misses < expected or asked < 3 * workers:
                    answers = pool.map(lambda url: fetch(url, follow=False), [base + path] * workers)
                    for status, answer, _body in answers:
                        assert status == 200, f"{base}{path} answered {status}"
                        misses += answer.get("X-Cache") == "miss"
                        asked += 1
                    assert time.monotonic() < deadline, f"{path}: only {misses} of {expected} workers stored it"
                    if misses < expected:
                        time.sleep(0.05)  # leave a loading worker its turn at the socket
                if shared:
                    break  # the other servers read the same entry


def asks_for_login(status, location):
    return status == 302 and "/login/" in location


def check_every_answer(bases, path, times, judge, **headers):
    wrong = []
    for _ in range(times):
        for base in bases:
            status, answer, body = fetch(base + path, follow=False, **headers)
            if not judge(status, answer, body):
                wrong.append((base, status, answer.get("X-Cache")))
    assert not wrong, f"{len(wrong)} stale answers for {path}: {wrong[:5]}"


def make_private(browser, page_id):
    status, body = browser.request(f"/admin/pages/{page_id}/privacy/", {"restriction_type": "login"})
    assert status == 200 and "set_privacy_done" in body, body[:300]


def unpublish(browser, page_id):
    status, _body = browser.request(f"/admin/pages/{page_id}/unpublish/", {"include_descendants": "on"})
    assert status == 200


def rename(browser, page_id, title):
    path = f"/admin/pages/{page_id}/edit/"
    fields = browser.form_fields(path, "page-edit-form")
    fields["title"] = [title]
    fields["action-publish"] = ["action-publish"]
    status, body = browser.request(path, fields)
    assert status == 200 and "errorlist" not in body, "publishing the renamed page failed"


DEPLOYMENTS = {
    # One machine, several workers, no Redis: each worker keeps its own copies.
    "own-memory": {"servers": 1, "redis": False},
    # Two servers on one database, no Redis: nothing but the database is shared.
    "two-servers": {"servers": 2, "redis": False},
    # Every worker of two servers shares Redis.
    "redis": {"servers": 2, "redis": True},
    # Redis unreachable while the editor acts, back afterwards.
    "redis-cut": {"servers": 1, "redis": True, "cut": True},
}


@pytest.mark.parametrize("deployment", DEPLOYMENTS)
def test_every_worker_follows_privacy_unpublishing_and_renaming_at_once(site, deployment, request):
    setup = DEPLOYMENTS[deployment]
    number = list(DEPLOYMENTS).index(deployment)
    env = {}
    proxy = None
    if setup["redis"]:
        require_redis()
        proxy = TcpProxy("127.0.0.1", int(REDIS_URL.rsplit(":", 1)[1].split("/")[0]))
        request.addfinalizer(proxy.close)
        env = {"REDIS_URL": f"redis://127.0.0.1:{proxy.port}/5", "CACHE_KEY_PREFIX": f"t{uuid.uuid4().hex}"}
    private = site.facts["team"] if number == 0 else site.facts["about_pages"][number - 1]
    article = site.facts["articles"][number]
    news = site.facts["news"]
    with contextlib_servers(site, setup["servers"], env) as bases:
        warm_every_worker(
            bases, [private["en"], private["vi"], article["en"], news["en"], "/en/"], shared=setup["redis"]
        )
        assert escape(article["title"]) in fetch(bases[0] + news["en"])[2]

        editor = Browser(bases[-1])
        editor.sign_in(*site.editor)
        if setup.get("cut"):
            proxy.cut()
        make_private(editor, private["id"])
        unpublish(editor, article["id"])
        new_label = f"News and stories {number}"
        rename(editor, news["id"], new_label)
        if setup.get("cut"):
            proxy.restore()

        for language in ("en", "vi"):
            for headers in ({}, {"Cookie": "theme=dark"}):
                check_every_answer(
                    bases,
                    private[language],
                    30,
                    lambda status, answer, _body: asks_for_login(status, answer.get("Location", "")),
                    **headers,
                )
        check_every_answer(bases, article["en"], 15, lambda status, *_: status == 404)
        check_every_answer(bases, article["vi"], 15, lambda status, *_: status == 404)
        check_every_answer(bases, news["en"], 15, lambda status, _a, body: escape(article["title"]) not in body)
        check_every_answer(bases, "/en/", 15, lambda status, _a, body: f">{new_label}<" in body)


class contextlib_servers:  # noqa: N801 - used as a context manager
    """``count`` gunicorn servers of ``WORKERS`` workers on the site, each its own port."""

    def __init__(self, site, count, env):
        self.site, self.count, self.env = site, count, env

    def __enter__(self):
        self._contexts = [self.site.server(workers=WORKERS, **self.env) for _ in range(self.count)]
        return [context.__enter__() for context in self._contexts]

    def __exit__(self, *exc_info):
        for context in reversed(self._contexts):
            context.__exit__(*exc_info)


# --- changes made outside the admin ----------------------------------------------


SCHEDULE = """
import datetime
from django.utils import timezone
from news.models import NewsPage
page = NewsPage.objects.get(pk={id})
page.title = {title!r}
page.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(seconds={seconds}))
"""
SET_LIVE = """
from wagtail.models import Page
page = Page.objects.get(pk={id}).specific
page.save_revision().publish() if {live} else page.unpublish()
"""


def test_a_scheduled_publish_by_the_management_command_reaches_every_worker(site):
    article = site.facts["articles"][4]
    new_title = f"Scheduled headline {uuid.uuid4().hex[:6]}"
    go_live_in = 3
    site.manage("shell", "-c", SCHEDULE.format(id=article["id"], title=new_title, seconds=go_live_in))
    scheduled_at = time.monotonic()
    # Requests leave scheduled publishing to the command (run_jobs runs it every minute).
    with site.server(workers=WORKERS) as base:
        warm_every_worker([base], [article["en"], site.facts["news"]["en"]])
        time.sleep(max(0, go_live_in + 1 - (time.monotonic() - scheduled_at)))
        assert escape(new_title) not in fetch(base + article["en"])[2]
        pending = site.manage("publish_scheduled", "--dryrun", stdout=subprocess.PIPE, text=True).stdout
        assert new_title in pending, f"due, and not yet published:\n{pending}"
        site.manage("publish_scheduled")
        check_every_answer([base], article["en"], 20, lambda status, _a, body: escape(new_title) in body)
        check_every_answer([base], site.facts["news"]["en"], 20, lambda status, _a, body: escape(new_title) in body)


def test_a_restored_backup_reaches_every_worker(site):
    article = site.facts["articles"][5]
    backups = Path(site.workdir) / "coherence-backups"
    site.manage("shell", "-c", SET_LIVE.format(id=article["id"], live=False))
    site.manage("backup", "--into", str(backups))
    site.manage("shell", "-c", SET_LIVE.format(id=article["id"], live=True))
    (folder,) = backups.iterdir()
    with site.server(workers=WORKERS) as base:
        warm_every_worker([base], [article["en"], site.facts["news"]["en"]])
        assert escape(article["title"]) in fetch(base + site.facts["news"]["en"])[2]
        site.manage("restore", str(folder))
        check_every_answer([base], article["en"], 20, lambda status, *_: status == 404)
        check_every_answer(
            [base], site.facts["news"]["en"], 20, lambda status, _a, body: escape(article["title"]) not in body
        )


# --- limits counted where every worker sees them -----------------------------------


def test_the_contact_limit_and_the_login_lockout_hold_across_workers(site):
    with site.server(workers=WORKERS) as base:
        visitor = Browser(base)
        answers = []
        for number in range(7):
            visitor.request("/en/contact-us/")  # a fresh form and CSRF cookie each time
            form = {**VALID["en"], "message": f"Hello {number}", "website": ""}
            answers.append(visitor.request("/en/contact-us/", form)[0])
        assert answers[:5] == [200] * 5
        assert answers[5:] == [429, 429], f"the sixth message in an hour went through: {answers}"

        username, password = f"owner-{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
        site.manage(
            "createsuperuser", "--noinput", "--username", username, "--email", "owner@example.org",
            env={"DJANGO_SUPERUSER_PASSWORD": password},
        )  # fmt: skip
        statuses = []
        for _ in range(5):
            intruder = Browser(base)  # a new connection, so any worker may answer
            intruder.request("/admin/login/")
            statuses.append(intruder.request("/admin/login/", {"username": username, "password": "wrong"})[0])
        owner = Browser(base)
        owner.request("/admin/login/")
        status, _body = owner.request("/admin/login/", {"username": username, "password": password})
        assert status == 429, f"five failures across workers did not lock the account ({statuses}, then {status})"
