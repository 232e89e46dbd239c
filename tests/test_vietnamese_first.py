"""A page written first in Vietnamese (pages.origin): the English tree follows it
as the Vietnamese tree follows an English page, and its English alias never
pretends to be English until a translation is published."""

import csv
import datetime
import io
import json
import re
from html import escape as html_escape
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringSegment
from wagtail_localize.operations import translate_object

from news.models import NewsCategoryPage, NewsIndexPage, NewsPage
from pages import origin
from pages.editorial.tree_sync import twin_new_page
from pages.models import RelatedAgency, StandardPage
from pages.themes.models import Theme
from pages.updates.tests.test_updates import send, subscribed
from publications.models import PublicationPage

from .editorial import client_for, translation_of, twin
from .factories import build, section, translate_page
from .fixtures import get_page, sitemaps
from .servers import _FormParser

pytestmark = pytest.mark.django_db

TITLE = "Đà Nẵng khởi động chương trình cộng sinh công nghiệp"
INTRO = "Các doanh nghiệp tại KCN Hòa Khánh cùng tìm cách dùng chung nước và năng lượng."
ENGLISH = {
    "title": "Da Nang starts an industrial symbiosis programme",
    "intro": "Companies in Hoa Khanh look at sharing water and energy.",
}


def create_in_admin(client, model, parent, **values):
    """As an editor does: the add form's own fields, filled in and published."""
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    parser = _FormParser("page-edit-form")
    parser.feed(get_page(client, url))
    data = {**parser.fields, **values, "action-publish": "action-publish"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return model.objects.get(locale=parent.locale, slug=values["slug"])


@pytest.fixture
def vietnamese_article(moderator, vietnamese):
    category = section(NewsCategoryPage, "vi")
    date = timezone.localtime().replace(microsecond=0) - datetime.timedelta(hours=1)
    return create_in_admin(
        client_for(moderator),
        NewsPage,
        category,
        title=TITLE,
        slug="da-nang-khoi-dong-chuong-trinh-cong-sinh",
        intro=INTRO,
        date=date.strftime("%Y-%m-%d %H:%M"),
    )


def canonical(head):
    """The path of the page's canonical address."""
    return urlsplit(re.search(r'<link rel="canonical" href="([^"]+)"', head).group(1)).path


def alternates(head):
    """{hreflang: path} of the page's alternates."""
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head)
    return {code: urlsplit(url).path for code, url in found}


def head_and_main(html):
    main = re.search(r"<main[^>]*>", html).group(0)
    return html.split("</head>", 1)[0], main


def test_a_vietnamese_page_made_in_the_admin_gets_an_english_alias(vietnamese_article, english):
    assert origin.is_source(vietnamese_article)
    alias = twin(vietnamese_article, english)
    assert alias.alias_of_id == vietnamese_article.pk and alias.live
    assert alias.get_parent().pk == twin(vietnamese_article.get_parent(), english).pk
    assert not origin.is_source(alias)
    assert origin.source_locale_id(alias) == vietnamese_article.locale_id


def test_its_english_alias_says_it_is_vietnamese_and_points_at_the_source(client, vietnamese_article, english):
    alias = twin(vietnamese_article, english)
    html = unescape(get_page(client, alias.url))
    head, main = head_and_main(html)
    assert '<html lang="en"' in html and 'lang="vi"' in main
    assert "This page is not yet available in English." in html
    assert f'<span aria-current="page" lang="vi">{TITLE}</span>' in html  # the breadcrumb's last item
    assert "It is shown in Vietnamese until its translation is published." in html
    assert canonical(head) == vietnamese_article.url
    assert "hreflang" not in head  # one real language: no alternates
    # The Vietnamese page is the source: no note, its own canonical, its own language.
    source_html = unescape(get_page(client, vietnamese_article.url))
    source_head, source_main = head_and_main(source_html)
    assert "not yet available" not in source_html and "chưa có bản" not in source_html
    assert canonical(source_head) == vietnamese_article.url
    assert 'lang="' not in source_main
    # The switcher leads from each to the other.
    assert f'href="{alias.url}"' in source_html and f'href="{vietnamese_article.url}"' in html


def test_once_translated_into_english_both_are_real(client, vietnamese_article, english):
    translate_page(vietnamese_article, ENGLISH, locale=english)
    translated = twin(vietnamese_article, english)
    assert translated.alias_of_id is None and origin.is_source(vietnamese_article)
    html = unescape(get_page(client, translated.url))
    head, main = head_and_main(html)
    assert "Da Nang starts an industrial symbiosis programme" in html and "not yet available" not in html
    assert 'lang="' not in main
    assert canonical(head) == translated.url
    assert alternates(head)["vi"] == vietnamese_article.url
    assert alternates(head)["en"] == translated.url
    assert alternates(head)["x-default"] == translated.url


def test_a_translation_into_english_starts_from_the_vietnamese_source(vietnamese_article, english):
    translate_page(vietnamese_article, ENGLISH, locale=english)
    segments = StringSegment.objects.filter(source__object_id=vietnamese_article.translation_key)
    assert segments.filter(string__data=TITLE).exists()
    assert translation_of(vietnamese_article, english).source.locale_id == vietnamese_article.locale_id


def test_moving_unpublishing_and_deleting_a_vietnamese_source_carry_its_english_twin(
    moderator, vietnamese_article, english, vietnamese
):
    client = client_for(moderator)
    destination = section(NewsCategoryPage, "vi").get_next_siblings().type(NewsCategoryPage).first()
    assert destination is not None
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[vietnamese_article.pk, destination.pk]))
    assert response.status_code == 302
    assert twin(vietnamese_article, english).get_parent().pk == twin(destination, english).pk
    translate_page(vietnamese_article, ENGLISH, locale=english)
    response = client.post(
        reverse("wagtailadmin_pages:unpublish", args=[vietnamese_article.pk]), {"include_descendants": "on"}
    )
    assert response.status_code == 302
    assert not twin(vietnamese_article, english).live
    response = client.post(reverse("wagtailadmin_pages:delete", args=[vietnamese_article.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=vietnamese_article.translation_key).exists()


def test_an_english_translation_never_drags_its_vietnamese_source(moderator, vietnamese_article, english):
    translate_page(vietnamese_article, ENGLISH, locale=english)
    translated = twin(vietnamese_article, english)
    client = client_for(moderator)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[translated.pk]))
    assert response.status_code == 302
    assert not Page.objects.get(pk=translated.pk).live
    assert Page.objects.get(pk=vietnamese_article.pk).live


def test_an_english_page_is_still_the_source_of_its_vietnamese_twin(vietnamese):
    page = build(StandardPage)
    alias = twin(page, vietnamese)
    assert origin.is_source(page) and not origin.is_source(alias)
    assert origin.source_locale_id(alias) == page.locale_id


def surfaces(client, article_en):
    """What the English site shows of the article: its listing card, the feed,
    search, the sitemap and the API."""
    listing = unescape(get_page(client, article_en.get_parent().url))
    card = re.search(
        rf'<li class="card news-card"[^>]*>(?:(?!</li>).)*{re.escape(article_en.url)}.*?</li>', listing, re.S
    )
    feed = client.get(section(NewsIndexPage).url + "feed/rss/").content.decode()
    found = unescape(get_page(client, "/en/search/?q=symbiosis+programme"))
    sitemap = sitemaps(client)
    api = json.loads(client.get(f"/api/v2/pages/{article_en.pk}/").content)
    return {
        "card": card.group(0) if card else "",
        "in feed": article_en.url in feed,
        "in search": article_en.url in found,
        "in sitemap": article_en.url in sitemap,
        "api": (api["meta"]["source_language"], api["meta"]["alias_of"] is not None),
    }


def test_every_english_surface_tells_a_vietnamese_article_until_it_is_translated(
    client, settings, vietnamese_article, english
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    alias = twin(vietnamese_article, english)
    before = surfaces(client, alias)
    assert 'lang="vi"' in before["card"] and "In Vietnamese" in before["card"]
    assert TITLE in before["card"]
    assert not before["in feed"] and not before["in search"] and not before["in sitemap"]
    assert before["api"] == ("vi", True)

    subscribed("english-news@example.org", topics=("news",))
    translate_page(vietnamese_article, ENGLISH, locale=english)
    after = surfaces(client, twin(vietnamese_article, english))
    assert after["card"] and 'lang="vi"' not in after["card"] and "In Vietnamese" not in after["card"]
    assert ENGLISH["title"] in after["card"]
    assert after["in feed"] and after["in search"] and after["in sitemap"]
    assert after["api"] == ("vi", False)
    # Announced in English once its English version is published.
    send()
    (message,) = mail.outbox
    assert message.to == ["english-news@example.org"] and ENGLISH["title"] in message.subject


def report_rows(client, query):
    response = client.get(reverse("pages_editorial:translations_report") + f"?{query}&export=csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]


def test_the_translations_report_follows_a_vietnamese_page_and_snippet_towards_english(
    moderator, vietnamese_article, english, vietnamese
):
    client = client_for(moderator)
    topic = Theme.objects.create(locale=vietnamese, name="Năng lượng tái tạo", slug="nang-luong-tai-tao")
    rows = {row[2]: row for row in report_rows(client, "direction=vi-en")}
    assert rows[TITLE][3:6] == ["vi", "en", "Not translated (Vietnamese shown)"]
    assert rows["Năng lượng tái tạo"][3:6] == ["vi", "en", "Missing"]
    # English sources stay in the other direction only.
    assert all(row[3:5] == ["vi", "en"] for row in rows.values())
    assert TITLE not in {row[2] for row in report_rows(client, "direction=en-vi")}

    translate_page(vietnamese_article, ENGLISH, locale=english)
    translate_object(topic, [english])
    rows = {row[2]: row for row in report_rows(client, "direction=vi-en")}
    assert rows[TITLE][5] == "Current"
    assert rows["Năng lượng tái tạo"][5] in ("Partly translated", "Current")
    html = get_page(client, reverse("pages_editorial:translations_report") + "?direction=vi-en")
    assert "Vietnamese → English" in html and TITLE in html
    dashboard = get_page(client, reverse("wagtailadmin_home"))
    assert "Vietnamese → English" in dashboard and "English → Vietnamese" in dashboard


def test_a_laws_english_page_says_it_is_an_unofficial_translation(client):
    decree = PublicationPage.objects.get(locale__language_code="vi", slug="nghi-dinh-35-2022-nd-cp")
    english = PublicationPage.objects.get(translation_key=decree.translation_key, locale__language_code="en")
    note = "Unofficial translation: only the Vietnamese text of this document has legal force."
    assert note in unescape(get_page(client, english.url))
    assert "Bản dịch không chính thức" not in unescape(get_page(client, decree.url))
    report = PublicationPage.objects.filter(locale__language_code="en").exclude(publication_type="law").first()
    assert note not in unescape(get_page(client, report.url))


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_datasets_say_which_language_each_row_was_written_in(client, language):
    news = json.loads(client.get(f"/{language}/data/news.json").getvalue())["rows"]
    by_source = {row["source_language"] for row in news if row["source"]}  # the country's news
    assert by_source == {"vi"}
    assert {row["source_language"] for row in news if not row["source"]} == {"en"}
    publications = json.loads(client.get(f"/{language}/data/publications.json").getvalue())["rows"]
    assert {row["source_language"] for row in publications if row["type_code"] == "law"} == {"vi"}
    assert {row["source_language"] for row in publications if row["type_code"] != "law"} == {"en"}


def test_an_untranslated_page_in_the_menu_and_breadcrumbs_says_its_language(client, english, vietnamese):
    section_vi = build(StandardPage, vietnamese=None, title="Hỏi đáp", slug="hoi-dap", show_in_menus=True,
                       parent=twin(section(StandardPage), vietnamese).get_parent())  # fmt: skip
    twin_new_page(section_vi)  # as the admin's create view does (after_create_page)
    child = build(StandardPage, parent=section_vi, vietnamese=None, title="Câu hỏi thường gặp", slug="cau-hoi")
    twin_new_page(child)
    english_child = twin(child, english)
    html = get_page(client, english_child.url)
    menu = html.split('<ul class="menu">', 1)[1].split("</ul>\n</nav>", 1)[0] if '<ul class="menu">' in html else ""
    assert 'lang="vi">Hỏi đáp</a>' in menu
    assert f'href="{twin(section_vi, english).url}" lang="vi">Hỏi đáp</a>' in html  # its breadcrumb


def test_a_snippet_written_in_vietnamese_shows_in_english_until_translated(client, vietnamese, english):
    names = [html_escape(agency.name) for agency in RelatedAgency.objects.filter(locale=english)]
    before = get_page(client, "/en/").split("<footer", 1)[1]
    RelatedAgency.objects.create(
        locale=vietnamese, short_name="Bắc Ninh", name="Ban Quản lý các KCN tỉnh Bắc Ninh", url="https://example.org/bn"
    )
    after = get_page(client, "/en/").split("<footer", 1)[1]
    assert "Ban Quản lý các KCN tỉnh Bắc Ninh" not in before and "Ban Quản lý các KCN tỉnh Bắc Ninh" in after
    # Marked as Vietnamese for screen readers and browsers; the English ones are not marked.
    assert re.search(r'<li lang="vi"><a href="https://example.org/bn"', after)
    assert after.count('<li lang="vi">') == 1
    # The English agencies are shown as before, in English.
    assert [after.count(name) for name in names] == [before.count(name) for name in names]


def test_a_translation_started_but_not_done_still_says_it_is_vietnamese(client, moderator, vietnamese_article, english):
    from pages.editorial.localize_views import translate_page_as_draft
    from pages.models import SearchEntry
    from pages.search.index import index_page

    # Starting the English translation turns the alias into a page of its own, still all in Vietnamese.
    translate_page_as_draft(vietnamese_article, [english], moderator)
    started = twin(vietnamese_article, english)
    assert started.alias_of_id is None and started.live and started.title == TITLE
    shown = surfaces(client, started)
    assert 'lang="vi"' in shown["card"] and "In Vietnamese" in shown["card"]
    assert not shown["in feed"] and not shown["in sitemap"]
    index_page(started)  # as any re-save does
    assert not SearchEntry.objects.filter(page_id=started.pk).exists()
    assert started.url not in get_page(client, "/en/search/?q=da+nang+khoi+dong")
    head, main = head_and_main(get_page(client, started.url))
    assert 'lang="vi"' in main and canonical(head) == vietnamese_article.url
    assert "en" not in alternates(head)

    # Once its English text is published, it is English everywhere.
    translate_page(vietnamese_article, ENGLISH, locale=english)
    shown = surfaces(client, twin(vietnamese_article, english))
    assert 'lang="vi"' not in shown["card"] and shown["in feed"] and shown["in sitemap"] and shown["in search"]
