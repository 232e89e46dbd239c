"""Pages say when they changed (pages.changes): "Last updated" on every page,
in its language, is its last real content change, and the sitemap's
``lastmod``, its JSON-LD ``dateModified`` and the API's ``meta.last_updated``
say the same; a republish or a translation sync leaves it, an edit moves it.
A dated correction shows on the page, in the news feed, in the Data page's
"What changed" and in one e-mail to each subscriber of the page's topic; a
publication's replaced file stays downloadable under "Earlier versions"."""

import datetime
import re
from html import unescape

import pytest
from defusedxml import ElementTree as ET
from django.core import mail
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from news.models import NewsIndexPage, NewsPage
from pages.models import Correction, StandardPage
from pages.opendata.models import DataPage
from pages.updates import sender
from pages.updates.tests.test_updates import subscribed
from parks.models import ParkPage
from publications.models import PublicationPage

from .editorial import client_for, twin
from .factories import build, section, translate_page
from .fixtures import get_page, json_ld, sitemap_parts
from .servers import _FormParser

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LAST_UPDATED = {"en": "Last updated:", "vi": "Cập nhật lần cuối:"}


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def in_language(language, value):
    with translation.override(language):
        return date_format(timezone.localtime(value) if isinstance(value, datetime.datetime) else value)


def sitemap(client):
    """{path: lastmod} of every page the sitemap lists."""
    return {
        re.sub(r"^https?://[^/]+", "", url.findtext(f"{SITEMAP}loc")): url.findtext(f"{SITEMAP}lastmod")
        for part in sitemap_parts(client)
        for url in ET.fromstring(get_page(client, part)).findall(f"{SITEMAP}url")
    }


def shown_on(html, language):
    """The moment the page's "Last updated" line names, checked to be in its language."""
    found = re.search(r'<p class="last-updated">([^<]*)<time datetime="([^"]+)">([^<]+)</time></p>', html)
    assert found, "no “Last updated” on the page"
    label, value, text = found.groups()
    assert label.strip() == LAST_UPDATED[language]
    assert text == in_language(language, datetime.datetime.fromisoformat(value))
    return value


def everywhere(client, page, listed=None):
    """The page's last update as its page, its JSON-LD, the sitemap and the API
    give it, after checking that they agree; as an aware datetime."""
    html = get_page(client, page.url)
    value = shown_on(html, page.locale.language_code)
    assert json_ld(html, "WebPage")["dateModified"] == value
    if isinstance(page.specific, NewsPage):
        assert json_ld(html, "NewsArticle")["dateModified"] == value
    assert (listed if listed is not None else sitemap(client))[page.url] == value
    api = client.get(f"/api/v2/pages/{page.pk}/")
    assert api.status_code == 200 and api.json()["meta"]["last_updated"] == value
    return datetime.datetime.fromisoformat(value)


def sync_and_publish(page, moderator):
    """“Sync translated pages” in the admin with “Publish” ticked, as a Moderator does."""
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client_for(moderator).post(url, {"publish_translations": "on"}).status_code == 302


def resave_in_the_admin(page, user):
    """The edit form sent back as it came, with “Publish”."""
    client = client_for(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    parser = _FormParser("page-edit-form")
    parser.feed(get_page(client, url))
    response = client.post(url, {**parser.fields, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]


# Every page, both languages ------------------------------------------------------


def test_every_page_type_shows_when_it_last_changed_as_the_sitemap_json_ld_and_api_do(client):
    deepest = {}
    for page in Page.objects.live().filter(depth__gte=2).specific().order_by("depth", "path"):
        deepest[(type(page).__name__, page.locale.language_code)] = page
    assert len(deepest) >= 40
    listed = sitemap(client)
    checked = 0
    for page in deepest.values():
        if page.url in listed:  # a real page (an untranslated alias is not in the sitemap)
            everywhere(client, page, listed)
            checked += 1
        else:
            shown_on(get_page(client, page.url), page.locale.language_code)
    assert checked >= 36


def test_a_republish_or_a_translation_sync_leaves_last_updated_and_an_edit_moves_it(
    client, moderator, vietnamese, time_machine
):
    start = timezone.now() + datetime.timedelta(days=10)
    time_machine.move_to(start)
    page = build(
        StandardPage,
        title="Water reuse at Hoa Khanh",
        intro="Companies reuse treated water.",
        vietnamese="translated",
        vi={"title": "Tái sử dụng nước tại Hòa Khánh", "intro": "Các doanh nghiệp tái sử dụng nước đã xử lý."},
    )
    vi_page = twin(page, vietnamese)
    english, vietnamese_ = everywhere(client, page), everywhere(client, vi_page)
    assert timezone.localdate(english) == timezone.localdate(start)

    # Two days later: published again in the admin and by code with nothing
    # changed, and the translations synced and published again.
    time_machine.move_to(start + datetime.timedelta(days=2))
    resave_in_the_admin(page, moderator)
    StandardPage.objects.get(pk=page.pk).save_revision().publish()
    republished = StandardPage.objects.get(pk=vi_page.pk).last_published_at
    sync_and_publish(page, moderator)
    assert StandardPage.objects.get(pk=vi_page.pk).last_published_at > republished  # the sync published it
    assert everywhere(client, page) == english
    assert everywhere(client, vi_page) == vietnamese_

    # Four days later the English is edited: English moves, Vietnamese waits for its translator.
    time_machine.move_to(start + datetime.timedelta(days=4))
    edited = StandardPage.objects.get(pk=page.pk)
    edited.intro = "Companies reuse treated water and waste heat."
    edited.save_revision().publish()
    assert timezone.localdate(everywhere(client, page)) == timezone.localdate(start + datetime.timedelta(days=4))
    assert everywhere(client, vi_page) == vietnamese_

    # A day later the translator's new words are published: Vietnamese moves too.
    time_machine.move_to(start + datetime.timedelta(days=5))
    translate_page(
        edited,
        {
            "title": "Tái sử dụng nước tại Hòa Khánh",
            "intro": "Các doanh nghiệp tái sử dụng nước đã xử lý và nhiệt thải.",
        },
    )
    moved = everywhere(client, vi_page)
    assert timezone.localdate(moved) == timezone.localdate(start + datetime.timedelta(days=5))
    assert in_language("vi", moved) in get_page(client, vi_page.url)


# Corrections ------------------------------------------------------------------

EN_TITLE, VI_TITLE = "Steam shared across the park", "Hơi nước dùng chung trong khu công nghiệp"
EN_TEXT = "The steam saved is 1,200 tonnes a year, not 12,000: a typing error."
VI_TEXT = "Lượng hơi nước tiết kiệm là 1.200 tấn mỗi năm, không phải 12.000: lỗi đánh máy."


def add_correction(page, date, text):
    page = type(page).objects.get(pk=page.pk)
    page.corrections.add(Correction(date=date, text=text))
    page.save_revision().publish()
    return page


def what_changed(html):
    return html[html.index('id="changes-heading"') :]


def test_a_correction_shows_on_the_page_in_the_feed_on_the_data_page_and_is_mailed_once(
    client, moderator, vietnamese, time_machine
):
    readers = {"en": subscribed("en-reader@example.org"), "vi": subscribed("vi-reader@example.org", language="vi")}
    article = build(NewsPage, title=EN_TITLE, vietnamese="translated", vi={"title": VI_TITLE})
    vi_article = twin(article, vietnamese)
    sender.run()  # the article's first publication
    mail.outbox.clear()

    time_machine.move_to(timezone.now() + datetime.timedelta(days=3))
    today = timezone.localdate()
    article = add_correction(article, today, EN_TEXT)
    translate_page(article, {"title": VI_TITLE}, more={article.intro: vi_article.intro, EN_TEXT: VI_TEXT})
    texts = {"en": (article, EN_TITLE, EN_TEXT, "Correction"), "vi": (vi_article, VI_TITLE, VI_TEXT, "Đính chính")}

    for language, (page, title, text, word) in texts.items():
        line = f"{word}, {in_language(language, today)}:"
        # On the page, and the page's last update is the correction's publication.
        html = unescape(get_page(client, page.url))
        notice = (
            rf'<div class="corrections" id="corrections" role="note">\s*<p><strong>{line}</strong> {re.escape(text)}'
        )
        assert re.search(notice, html)
        assert timezone.localdate(everywhere(client, page)) == today
        # In the feeds: an entry of its own, and in the article's entry.
        feeds = section(NewsIndexPage, language).url + "feed/"
        rss = ET.fromstring(client.get(feeds + "rss/").content).find("channel")
        items = {item.findtext("title"): item for item in rss.findall("item")}
        correction = items[f"{word}: {title}"]
        assert correction.findtext("description") == f"{line} {text}"
        assert correction.findtext("link").endswith(page.url + "#corrections")
        assert f"{line} {text}" in items[title].findtext("description")
        atom = ET.fromstring(client.get(feeds + "atom/").content)
        ns = "{http://www.w3.org/2005/Atom}"
        entry = next(entry for entry in atom.findall(f"{ns}entry") if entry.findtext(f"{ns}title") == title)
        assert datetime.datetime.fromisoformat(entry.findtext(f"{ns}updated")) == everywhere(client, page)
        # In the Data page's "What changed", under the news dataset.
        changes = unescape(what_changed(get_page(client, section(DataPage, language).url)))
        dataset = "News" if language == "en" else "Tin tức"
        assert re.search(rf"<strong>{dataset}</strong> — [^<]+<a [^>]+>{title}</a>: {re.escape(text)}", changes)

    # One e-mail to each reader, in their language; nothing more however often it is published again.
    assert sender.run().sent == 2
    for language, (page, title, text, word) in texts.items():
        (message,) = [m for m in mail.outbox if m.to == [readers[language].email]]
        subject = {"en": f"Corrected on EIP Viet Nam: {title}", "vi": f"Đã đính chính trên EIP Viet Nam: {title}"}
        assert message.subject == subject[language]
        assert f"{word}, {in_language(language, today)}:\n{text}" in message.body
        assert page.url + "#corrections" in message.body
    mail.outbox.clear()
    NewsPage.objects.get(pk=article.pk).save_revision().publish()
    sync_and_publish(article, moderator)
    assert sender.run().sent == 0 and mail.outbox == []


def test_a_correction_on_a_park_covers_its_figures_in_the_data_pages_what_changed(client, vietnamese):
    park = build(
        ParkPage,
        title="Green Valley park",
        vietnamese="translated",
        vi={"title": "KCN Thung Lũng Xanh"},
        corrections=[Correction(date=datetime.date(2026, 3, 12), text=EN_TEXT)],
        vi_texts={EN_TEXT: VI_TEXT},
    )
    expected = {
        "en": (
            "Park indicators, Eco-industrial park assessments, Company results",
            "Green Valley park",
            EN_TEXT,
            "12 March 2026",
        ),
        "vi": (
            "Chỉ số của các khu công nghiệp, Kết quả đánh giá khu công nghiệp sinh thái, Kết quả doanh nghiệp",
            "KCN Thung Lũng Xanh",
            VI_TEXT,
            "12 tháng 3 năm 2026",
        ),
    }
    for language, (datasets, title, text, date) in expected.items():
        changes = unescape(what_changed(get_page(client, section(DataPage, language).url)))
        link = rf'<a href="[^"]+#corrections">{title}</a>'
        assert re.search(rf"{date}</time>: <strong>{datasets}</strong> — [^<]+{link}: {re.escape(text)}", changes)
        page = park if language == "en" else twin(park, vietnamese)
        assert text in unescape(get_page(client, page.url))


# Publication files -------------------------------------------------------------


@pytest.fixture
def pdf():
    made = []

    def make(name):
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(b"%PDF-1.4 " + b"0" * 2048), save=False)
        document._set_document_file_metadata()
        document.save()
        made.append(document)
        return document

    yield make
    for document in made:
        document.file.delete(save=False)


def earlier_versions(html):
    found = re.search(r'<div class="earlier-versions">(.*?)</div>', html, re.DOTALL)
    return unescape(found.group(1)) if found else ""


def test_a_replaced_file_stays_downloadable_under_earlier_versions_with_its_date(
    client, moderator, vietnamese, pdf, time_machine
):
    first, second = pdf("water-audit-2025.pdf"), pdf("water-audit-2025-revised.pdf")
    publication = build(PublicationPage, title="Water audit 2025", file_en=first, vietnamese="translated",
                        vi={"title": "Kiểm toán nước 2025"})  # fmt: skip
    vi_publication = twin(publication, vietnamese)
    assert earlier_versions(get_page(client, publication.url)) == ""

    time_machine.move_to(timezone.now() + datetime.timedelta(days=7))
    replaced_on = timezone.localdate()
    edited = PublicationPage.objects.get(pk=publication.pk)
    edited.file_en = second
    edited.save_revision().publish()
    sync_and_publish(publication, moderator)  # the files are the same in both languages

    labels = {
        "en": ("Earlier versions", "English edition", "replaced on"),
        "vi": ("Phiên bản trước", "Bản tiếng Anh", "thay thế ngày"),
    }
    for page in (publication, vi_publication):
        language = page.locale.language_code
        html = get_page(client, page.url)
        heading, edition, replaced = labels[language]
        assert f'href="{second.url}"' in html.split('class="earlier-versions"')[0]  # the current file
        earlier = earlier_versions(html)
        assert heading in earlier and f'href="{first.url}"' in earlier and edition in earlier
        assert f"{replaced} {in_language(language, replaced_on)}" in earlier
        assert timezone.localdate(everywhere(client, page)) == replaced_on  # a new file is a change
    response = client.get(first.url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")

    # A document deleted from the library leaves no link behind.
    first.delete()
    for page in (publication, vi_publication):
        assert earlier_versions(get_page(client, page.url)) == ""
