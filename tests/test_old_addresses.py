"""Old addresses (pages.old_addresses): the previous websites' addresses lead
to their pages here, in the right language.

- eip-vietnam.org (English) and khucongnghiepsinhthai-vietnam.vn (Vietnamese):
  any request for those names is sent (301) to the same path here, the
  Vietnamese website's under /vi/;
- the demo's known addresses (facts.md) are Wagtail redirects to their pages
  (301), which follow a page when it moves;
- an old-style address nobody mapped leads (302) to its section in its
  language, which says why; any other unknown address is a 404;
- staff add, import and export the mappings in Wagtail's Redirects, and each
  page's edit view lists its old addresses.
"""

import io
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core import checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.users.models import UserProfile

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from pages.models import StandardPage
from parks.models import ParkIndexPage

from .editorial import client_for
from .factories import build, section

pytestmark = pytest.mark.django_db

NEW = "eip-vietnam.example"  # the new site's name in these tests (WAGTAILADMIN_BASE_URL)
BASE = f"https://{NEW}"
ENGLISH_HOSTS = ("eip-vietnam.org", "www.eip-vietnam.org")
VIETNAMESE_HOSTS = ("khucongnghiepsinhthai-vietnam.vn", "www.khucongnghiepsinhthai-vietnam.vn")

# The demo's items the original websites' addresses lead to (facts.md, "old addresses").
DEMO = {
    "/article/81": (NewsPage, "en", "Stakeholders consulted on Hiep Phuoc's eco-industrial transition"),
    "/article/74": (NewsPage, "en", "Hiep Phuoc: 300 cleaner-production solutions identified in four years"),
    "/event/48": (EventPage, "en", "Capacity-building workshop in Da Nang"),
}
VIETNAMESE_DEMO = {
    "/event/15": (
        EventPage,
        "vi",
        "Tập huấn về sử dụng hiệu quả tài nguyên, sản xuất sạch hơn và cộng sinh công nghiệp",
    ),
}
NOTES = {
    "en": "The link you followed leads to a page of our previous website, and we do not know its new address.",
    "vi": "Liên kết bạn vừa mở dẫn tới một trang của website cũ và chúng tôi chưa xác định được địa chỉ mới của "
    "trang đó.",
}


@pytest.fixture(autouse=True)
def _new_site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, NEW]  # the old names are not there


def follow(client, url, host="testserver", secure=False):
    """GET ``url`` and each Location after it: [(status, Location or URL)], and the last answer."""
    chain = []
    for _hop in range(6):
        parts = urlsplit(url)
        host, secure = parts.netloc or host, (parts.scheme == "https") if parts.scheme else secure
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path, HTTP_HOST=host, secure=secure)
        if response.status_code not in (301, 302):
            chain.append((response.status_code, url))
            return chain, response
        url = response["Location"]
        chain.append((response.status_code, url))
    raise AssertionError(f"too many redirects: {chain}")


def the_page(model, language, title):
    return model.objects.live().get(locale__language_code=language, title=title)


def note_in(response):
    found = re.search(r'<p class="old-address-note" role="note">(.+?)</p>', response.content.decode(), re.DOTALL)
    return unescape(found.group(1)) if found else None


# --- the demo's old addresses ---------------------------------------------------------------


@pytest.mark.parametrize("host", ENGLISH_HOSTS)
@pytest.mark.parametrize("old_path", DEMO)
def test_each_old_address_of_the_english_website_leads_to_its_english_page(client, host, old_path):
    model, language, title = DEMO[old_path]
    page = the_page(model, language, title)
    chain, response = follow(client, f"http://{host}{old_path}")
    assert chain == [(301, f"{BASE}{old_path}"), (301, page.url), (200, page.url)]
    html = response.content.decode()
    assert '<html lang="en">' in html and unescape(html).count(title) >= 1


@pytest.mark.parametrize("host", VIETNAMESE_HOSTS)
@pytest.mark.parametrize("old_path", VIETNAMESE_DEMO)
def test_each_old_address_of_the_vietnamese_website_leads_to_its_vietnamese_page(client, host, old_path):
    model, language, title = VIETNAMESE_DEMO[old_path]
    page = the_page(model, language, title)
    assert page.url.startswith("/vi/")
    chain, response = follow(client, f"http://{host}{old_path}")
    assert chain == [(301, f"{BASE}/vi{old_path}"), (301, page.url), (200, page.url)]
    html = unescape(response.content.decode())
    assert '<html lang="vi">' in html and title in html


@pytest.mark.parametrize("old_path", DEMO)
def test_an_old_path_on_the_new_site_itself_leads_to_its_page(client, old_path):
    """Where the new site takes over an old name, the paths alone are enough."""
    page = the_page(*DEMO[old_path])
    chain, _response = follow(client, old_path)
    assert chain == [(301, page.url), (200, page.url)]


def test_an_old_host_keeps_the_query_string_and_sends_everything_away(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # plain http to an old name: straight to the new site, no detour
    response = client.get("/event/15?utm_source=newsletter&a=%C3%A1", HTTP_HOST="khucongnghiepsinhthai-vietnam.vn")
    assert (response.status_code, response["Location"]) == (301, f"{BASE}/vi/event/15?utm_source=newsletter&a=%C3%A1")
    # Nothing else is served on an old name: the admin, a form, a page already in a language.
    assert client.get("/admin/", HTTP_HOST="eip-vietnam.org")["Location"] == f"{BASE}/admin/"
    posted = client.post("/en/contact-us/", {"name": "x"}, HTTP_HOST="eip-vietnam.org:443")
    assert (posted.status_code, posted["Location"]) == (301, f"{BASE}/en/contact-us/")
    assert client.get("/en/", HTTP_HOST="www.khucongnghiepsinhthai-vietnam.vn")["Location"] == f"{BASE}/en/"
    assert client.get("/", HTTP_HOST="khucongnghiepsinhthai-vietnam.vn")["Location"] == f"{BASE}/vi/"
    # A name that is neither old nor allowed is still refused.
    assert client.get("/en/", HTTP_HOST="eip-vietnam.org.attacker.example").status_code == 400


# --- old addresses nobody mapped -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "old_path", "language"),
    [("eip-vietnam.org", "/article/60", "en"), ("khucongnghiepsinhthai-vietnam.vn", "/article/60", "vi")],
)
def test_an_unknown_old_article_leads_to_the_news_with_a_note_in_its_language(client, host, old_path, language):
    news = section(NewsIndexPage, language)
    chain, response = follow(client, f"http://{host}{old_path}")
    assert [status for status, _url in chain] == [301, 302, 200]
    assert chain[-1][1] == f"{news.url}?old-site=news"
    expected = {"en": "Here is the latest news.", "vi": "Dưới đây là các tin tức mới nhất."}[language]
    assert note_in(response) == f"{NOTES[language]} {expected}"
    assert f'<html lang="{language}">' in response.content.decode()
    # The same page without the parameter says nothing of the sort.
    plain = client.get(news.url, HTTP_HOST=NEW)
    assert plain.status_code == 200 and note_in(plain) is None


@pytest.mark.parametrize(
    ("old_path", "model", "key", "language", "sentence"),
    [
        # Which park each number was is not known (facts.md): to the parks.
        ("/demonstration-detail/4", ParkIndexPage, "parks", "en", "Here are the demonstration parks."),
        ("/vi/demonstration-detail/4/", ParkIndexPage, "parks", "vi", "Dưới đây là các khu công nghiệp thí điểm."),
        ("/event/9999", EventIndexPage, "events", "en", "Here are the project's events."),
        ("/vi/event/48", EventIndexPage, "events", "vi", "Dưới đây là các sự kiện của dự án."),
        # The project page: About, which describes the project.
        ("/project", StandardPage, "about", "en", "This section describes the project."),
        ("/vi/project", StandardPage, "about", "vi", "Mục này giới thiệu về dự án."),
    ],
)
def test_other_unknown_old_addresses_lead_to_their_section(client, old_path, model, key, language, sentence):
    target = f"{section(model, language).url}?old-site={key}"
    chain, response = follow(client, old_path)
    assert chain == [(302, target), (200, target)]
    assert note_in(response) == f"{NOTES[language]} {sentence}"


def test_the_fallback_is_temporary_and_never_kept(client):
    response = client.get("/article/68")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/vi/khong-co-trang-nay/", "/en/article/abc/", "/articles/81/"])
def test_an_unrelated_unknown_address_is_still_a_404(client, path):
    chain, response = follow(client, path)
    assert response.status_code == 404
    assert not any("old-site" in url for _status, url in chain)


def test_the_note_shows_only_for_its_section_and_never_repeats_what_is_typed(client):
    news = section(NewsIndexPage, "en").url
    for value in ("events", "<script>alert(1)</script>", ""):
        response = client.get(news, {"old-site": value})
        assert response.status_code == 200 and note_in(response) is None, value
        assert "<script>alert(1)</script>" not in response.content.decode()
    about = section(StandardPage, "en").url
    assert note_in(client.get(about, {"old-site": "news"})) is None


def test_the_note_is_never_served_from_the_page_cache_to_another_visitor(settings):
    settings.PAGE_CACHE = True
    news = section(NewsIndexPage, "vi").url
    reader, other = Client(), Client()
    # The plain listing is kept, and stays plain.
    assert reader.get(news)["X-Cache"] == "miss"
    assert reader.get(news)["X-Cache"] == "hit"
    sent_here = reader.get(news, {"old-site": "news"})
    assert sent_here["X-Cache"] == "bypass" and note_in(sent_here)
    for _visit in range(2):
        later = other.get(news)
        assert later["X-Cache"] == "hit" and note_in(later) is None
    # Nor is the answer with the note kept for the next one who follows an old link.
    assert other.get(news, {"old-site": "news"})["X-Cache"] == "bypass"


# --- staff manage the mappings -----------------------------------------------------------------


def test_a_redirect_added_in_the_admin_leads_an_old_address_to_its_page_and_follows_it(client, moderator):
    page = build(StandardPage, title="A page that was on the old website")
    old = "http://eip-vietnam.org/article/72"
    assert follow(client, old)[0][-1][1].endswith("?old-site=news")  # before: to the news
    admin = client_for(moderator)
    response = admin.post(
        reverse("wagtailredirects:add"),
        {"old_path": "/article/72", "site": "", "is_permanent": "on", "redirect_page": page.pk, "redirect_link": ""},
    )
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailredirects:index"))
    chain, _response = follow(client, old)
    assert chain == [(301, f"{BASE}/article/72"), (301, page.url), (200, page.url)]
    # The page moves (a new slug): the old address follows it.
    page.slug = "a-new-address"
    page.save_revision().publish()
    page.refresh_from_db()
    assert follow(client, old)[0][-2:] == [(301, page.url), (200, page.url)]
    assert page.url.endswith("/a-new-address/")


def test_redirects_are_exported_and_imported_as_csv(moderator):
    admin = client_for(moderator)
    exported = admin.get(reverse("wagtailredirects:index"), {"export": "csv"})
    assert exported.status_code == 200
    text = b"".join(exported.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == "From,To,Type,Site"
    assert "/article/81," in text and "/vi/event/15," in text
    # Import: a file with a header row, then "from" and "to" chosen among its columns.
    upload = SimpleUploadedFile("old.csv", b"from,to\n/article/68,https://eip-vietnam.example/en/news/\n")
    confirm = admin.post(reverse("wagtailredirects:start_import"), {"import_file": upload})
    assert confirm.status_code == 200
    hidden = dict(re.findall(r'name="(import_file_name|input_format)"[^>]*value="([^"]*)"', confirm.content.decode()))
    done = admin.post(
        reverse("wagtailredirects:process_import"),
        {**hidden, "from_index": "0", "to_index": "1", "permanent": "on", "site": ""},
    )
    assert done.status_code == 302
    imported = Redirect.objects.get(old_path="/article/68")
    assert (imported.redirect_link, imported.is_permanent) == ("https://eip-vietnam.example/en/news/", True)
    response = Client().get("/article/68")
    assert (response.status_code, response["Location"]) == (301, "https://eip-vietnam.example/en/news/")


def test_a_pages_edit_view_lists_its_old_addresses(moderator, editor):
    page = the_page(*DEMO["/article/81"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client_for(moderator).get(url).content.decode()
    assert "Old addresses" in html and "<code>/article/81</code>" in html
    redirect = Redirect.objects.get(old_path="/article/81")
    assert reverse("wagtailredirects:edit", args=[redirect.pk]) in html
    # An editor sees them too, without the links only Moderators may follow.
    html = client_for(editor).get(url).content.decode()
    assert "<code>/article/81</code>" in html
    assert reverse("wagtailredirects:edit", args=[redirect.pk]) not in html
    # A translation is edited in wagtail-localize's editor: its source lists its old
    # addresses too. In Vietnamese for those who use the admin in Vietnamese.
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "vi"
    profile.save()
    source = the_page(*VIETNAMESE_DEMO["/event/15"]).get_translation(page.locale)
    html = client_for(moderator).get(reverse("wagtailadmin_pages:edit", args=[source.pk])).content.decode()
    assert "Địa chỉ cũ" in html and "<code>/vi/event/15</code> (Tiếng Việt)" in html and "vĩnh viễn" in html
    # A page no old address leads to says so.
    bare = build(StandardPage)
    html = client_for(moderator).get(reverse("wagtailadmin_pages:edit", args=[bare.pk])).content.decode()
    assert "Chưa có địa chỉ cũ nào dẫn tới trang này hoặc các bản dịch của trang." in html


def test_seeding_again_keeps_a_mapping_staff_changed(client):
    from django.core.management import call_command

    page = build(StandardPage)
    Redirect.objects.filter(old_path="/article/81").update(redirect_page=page)
    call_command("seed_demo", stdout=io.StringIO())
    assert Redirect.objects.filter(old_path="/article/81").count() == 1
    assert Redirect.objects.get(old_path="/article/81").redirect_page_id == page.pk


# --- configuration ---------------------------------------------------------------------------------


def old_address_errors():
    return [error.id for error in checks.run_checks() if error.id.startswith("old_addresses.")]


def test_an_old_name_that_is_this_sites_own_is_refused_at_start_up(settings):
    assert old_address_errors() == []
    settings.WAGTAILADMIN_BASE_URL = "https://eip-vietnam.org"
    assert old_address_errors() == ["old_addresses.E001"]
    settings.WAGTAILADMIN_BASE_URL = BASE
    settings.ALLOWED_HOSTS = [NEW, ".khucongnghiepsinhthai-vietnam.vn"]
    assert old_address_errors() == ["old_addresses.E002", "old_addresses.E002"]
    settings.OLD_VIETNAMESE_HOSTS = []  # the site is served under that name now: it is not an old one
    assert old_address_errors() == []
