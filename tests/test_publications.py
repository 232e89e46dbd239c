"""Publications: the library, per-language files, downloads, uploads, albums and videos."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Locale

from pages.models import HomePage
from parks.models import ParkPage
from publications.models import (
    DocumentDownloads,
    PhotoAlbumPage,
    PublicationCategoryPage,
    PublicationIndexPage,
    PublicationPage,
    PublicationPark,
    VideoPage,
)

from .editorial import twin
from .factories import build, section
from .fixtures import get_page
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db


def titles(html):
    return [unescape(t) for t in re.findall(r'<li class="library-item">\s*<h2><a href="[^"]+">([^<]+)</a>', html)]


@pytest.fixture
def pdf():
    """Makes a PDF document of about ``size`` bytes, its size known as an upload's is;
    the files go afterwards."""
    made = []

    def make(name, size=2048):
        document = get_document_model()(title=name)
        document.file.save(name, ContentFile(b"%PDF-1.4 " + b"0" * size), save=False)
        document._set_document_file_metadata()
        document.save()
        made.append(document)
        return document

    yield make
    for document in made:
        document.file.delete(save=False)


def library(language="en"):
    return section(PublicationIndexPage, language).url


def newest_first(pages):
    return [p.title for p in pages.order_by("-publication_date", "-pk")[:10]]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_library_lists_publications_newest_first_with_file_details(client, pdf, language):
    locale = Locale.objects.get(language_code=language)
    document = pdf("steam-guide-en.pdf")
    newest = build(
        PublicationPage,
        vietnamese="translated",
        title="Guide to steam exchange",
        vi={"title": "Hướng dẫn trao đổi hơi nước"},
        file_en=document,
    )
    html = get_page(client, library(language))
    expected = PublicationPage.objects.live().filter(locale=locale)
    assert titles(html)[0] == twin(newest, locale).title
    assert titles(html) == newest_first(expected)
    size = "2.0\xa0KB" if language == "en" else "2,0\xa0KB"
    assert f'<a class="file-link" href="{document.url}" hreflang="en">' in html
    assert f'<span class="file-meta">PDF, {size}</span>' in html
    count = expected.count()
    assert (f"{count} documents" if language == "en" else f"{count} tài liệu") in html
    # Each entry's type in the visitor's language; a law's page says it too.
    law = "Law or regulation" if language == "en" else "Văn bản pháp luật"
    assert f"<span>{law}</span>" in html
    page = expected.filter(publication_type=PublicationPage.Type.LAW).first()
    assert f"<dd>{law}</dd>" in get_page(client, page.url)


def test_library_sorting_filters_and_search(client, english, pdf):
    oldest = build(
        PublicationPage, title="The first eco-industrial park study", publication_date=datetime.date(1990, 1, 1)
    )
    assert titles(get_page(client, library() + "?sort=oldest"))[0] == oldest.title
    rules = build(PublicationCategoryPage, title="Regulations")
    in_category = {build(PublicationPage, rules, title=title).title for title in ("Steam decree", "Water circular")}
    assert set(titles(get_page(client, f"{library()}?category={rules.slug}"))) == in_category
    of_2011 = build(PublicationPage, title="A 2011 assessment", publication_date=datetime.date(2011, 6, 1))
    html = get_page(client, library() + "?year=2011")
    assert of_2011.title in titles(html)
    assert titles(html) == newest_first(PublicationPage.objects.filter(locale=english, publication_date__year=2011))
    in_vietnamese = build(PublicationPage, title="Vietnamese edition only", file_vi=pdf("vietnamese-only.pdf"))
    in_english = build(PublicationPage, title="English edition only", file_en=pdf("english-only.pdf"))
    only_vi = titles(get_page(client, library() + "?language=vi"))
    assert in_vietnamese.title in only_vi and in_english.title not in only_vi
    assert only_vi == newest_first(PublicationPage.objects.filter(locale=english, file_vi__isnull=False))
    build(
        PublicationPage,
        vietnamese="translated",
        title="Decree on steam exchange between companies",
        vi={"title": "Nghị định về trao đổi hơi nước giữa các doanh nghiệp"},
    )
    found = titles(get_page(client, library() + "?q=steam+exchange"))
    assert found == ["Decree on steam exchange between companies"]
    vi_found = titles(get_page(client, library("vi") + "?q=trao+đổi+hơi"))
    assert vi_found == ["Nghị định về trao đổi hơi nước giữa các doanh nghiệp"]
    park = build(ParkPage, title="Green Valley park")
    about = build(PublicationPage, title="Green Valley's symbiosis report", park_links=[PublicationPark(park=park)])
    assert titles(get_page(client, f"{library()}?park={park.pk}")) == [about.title]


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=999",
        "?year=20x",
        "?category=<script>",
        "?language=fr",
        "?sort=random",
        "?park=-1",
        "?q=%00%27%3B+DROP+TABLE",
        "?q=" + "x" * 500,
        "?q=%25%25",
        "?q=+++",
    ],
)
def test_junk_library_queries_never_break(client, query):
    response = client.get(library() + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split('class="site-footer"')[0].split("</head>")[1]


def test_category_page_lists_only_its_publications(client):
    toolkit = build(PublicationCategoryPage, title="Toolkit")
    own = {build(PublicationPage, toolkit, title=title).title for title in ("Symbiosis toolkit", "Water toolkit")}
    elsewhere = build(PublicationPage, title="Elsewhere").title
    listed = set(titles(get_page(client, toolkit.url)))
    assert listed == own == {p.title for p in PublicationPage.objects.child_of(toolkit)}
    assert elsewhere not in listed


def test_vietnamese_page_offers_its_own_file_first(client, pdf, vietnamese):
    en = build(
        PublicationPage,
        vietnamese="translated",
        title="Steam decree",
        vi={"title": "Nghị định về hơi nước"},
        file_en=pdf("steam-decree-en.pdf"),
        file_vi=pdf("steam-decree-vi.pdf"),
    )
    vi = twin(en, vietnamese)
    assert en.file_vi_id == vi.file_vi_id and en.file_en_id == vi.file_en_id
    vi_html = get_page(client, vi.url)
    links = re.findall(r'<a class="file-link" href="([^"]+)" hreflang="(en|vi)"', vi_html)
    assert links[0] == (vi.file_vi.url, "vi")
    en_links = re.findall(r'<a class="file-link" href="([^"]+)" hreflang="(en|vi)"', get_page(client, en.url))
    assert en_links[0] == (en.file_en.url, "en")


def test_single_edition_says_which_language_it_is_in(client, pdf, vietnamese):
    english_only = build(PublicationPage, file_en=pdf("english-edition.pdf"))
    assert "This document is available in English only." in get_page(client, english_only.url)
    vietnamese_only = build(PublicationPage, vietnamese="translated", file_vi=pdf("vietnamese-edition.pdf"))
    assert "Tài liệu này chỉ có bản tiếng Việt." in get_page(client, twin(vietnamese_only, vietnamese).url)


def test_download_headers_and_counting(client, pdf):
    document = build(PublicationPage, file_en=pdf("steam-decree-download-en.pdf")).file_en
    assert not DocumentDownloads.objects.filter(document=document).exists()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="steam-decree-download-en.pdf"'
    b"".join(response.streaming_content)
    assert DocumentDownloads.objects.get(document=document).count == 1
    head = client.head(document.url)
    assert head.status_code == 200
    assert DocumentDownloads.objects.get(document=document).count == 1
    client.get(document.url)
    assert DocumentDownloads.objects.get(document=document).count == 2


def test_editors_see_download_counts_but_cannot_change_them(client, pdf):
    document = build(PublicationPage, file_en=pdf("counted-download.pdf")).file_en
    client.get(document.url)
    client.force_login(get_user_model().objects.create_superuser("counts", "c@example.org", "pw-long-enough"))
    html = client.get(reverse("download_counts:index")).content.decode()
    assert document.title in html
    assert client.get(reverse("download_counts:add")).status_code in {302, 403}


def test_private_collection_documents_are_not_served_anonymously(client):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Internal note", collection=private, file=ContentFile(b"%PDF-1.4 secret", name="internal-note.pdf")
    )
    response = client.get(document.url)
    assert response.status_code in {302, 403}
    assert b"secret" not in b"".join(getattr(response, "streaming_content", [response.content]))
    assert not DocumentDownloads.objects.filter(document=document).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ", "File extension “exe” is not allowed"),
        ("notes.txt", b"hello", "File extension “txt” is not allowed"),
    ],
)
def test_disallowed_uploads_are_rejected_with_a_clear_message(client, name, content, message):
    client.force_login(get_user_model().objects.create_superuser("uploader", "u@example.org", "pw-long-enough"))
    before = get_document_model().objects.count()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Bad file",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert get_document_model().objects.count() == before


def test_oversized_upload_is_rejected(client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1000
    client.force_login(get_user_model().objects.create_superuser("big", "b@example.org", "pw-long-enough"))
    before = get_document_model().objects.count()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Big",
            "file": SimpleUploadedFile("big.pdf", b"%PDF-1.4" + b"0" * 5000),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert "the limit is" in response.content.decode()
    assert get_document_model().objects.count() == before


@pytest.mark.parametrize("language", ["en", "vi"])
def test_albums_render_a_lazy_responsive_grid(client, language):
    photos = [get_image_model().objects.create(title=f"Photo {n}", file=get_test_image_file()) for n in range(3)]
    album = twin(
        build(
            PhotoAlbumPage,
            vietnamese="translated",
            vi_texts={"A park": "Một khu công nghiệp", "Treated water reused": "Nước đã xử lý được tái sử dụng"},
            photos=[
                {
                    "type": "photo",
                    "value": {
                        "image": {"image": photo.pk, "alt_text": "A park", "decorative": False},
                        "caption": "Treated water reused",
                    },
                }
                for photo in photos
            ],
        ),
        Locale.objects.get(language_code=language),
    )
    html = get_page(client, album.url)
    assert html.count('class="lightbox-link"') == len(album.photos) >= 3
    assert 'loading="lazy"' in html and "<picture>" in html and "srcset=" in html
    assert "data-label-close" in html
    assert {"en": "Treated water reused", "vi": "Nước đã xử lý được tái sử dụng"}[language] in html


def test_video_page_loads_no_third_party_content_before_play(client, monkeypatch):
    video = build(VideoPage)
    html = get_page(client, video.url)
    body = html.split("</head>")[1]
    assert "<iframe" not in body.replace("<template", "")
    assert f'href="{video.video_url.replace("&", "&amp;")}"' in body or video.video_url in unescape(body)


def test_home_shows_latest_publications(client):
    today = timezone.localdate()
    ours = [build(PublicationPage, publication_date=today - datetime.timedelta(days=n)) for n in range(3)]
    html = get_page(client, section(HomePage).url)
    publications = html[html.index('id="home-publications-heading"') :]
    assert all(page.title in publications for page in ours)
    latest = PublicationPage.objects.live().filter(locale__language_code="en").order_by("-publication_date")[:3]
    for page in latest:
        assert page.title.replace("'", "&#x27;") in publications


def test_library_costs_the_same_queries_with_more_publications(client, pdf):
    index = section(PublicationIndexPage)
    reports = section(PublicationCategoryPage)
    document = pdf("extra-report.pdf")
    urls = [index.url, reports.url, index.url + "?q=report&language=en&sort=oldest"]

    def add_reports(numbers):
        for number in numbers:
            build(
                PublicationPage,
                reports,
                vietnamese=None,
                title=f"Extra report {number}",
                publication_type="report",
                publication_date=datetime.date(2020, 1, 1),
                file_en=document,
            )

    # Every listing has more than one page before and after (a single page
    # needs no count query), so only the number of publications differs.
    add_reports(range(15))
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    add_reports(range(15, 60))
    after = {url: cold_and_warm(client, url) for url in urls}
    # Cold as well as warm: an N+1 must show while the caches refill.
    assert after == before


def test_hosted_video_player_waits_inside_a_template_until_play(client, monkeypatch, vietnamese):
    monkeypatch.setattr(
        "wagtail.embeds.format.embed_to_frontend_html",
        lambda url, *args, **kwargs: '<iframe src="https://player.example/embed/1" title="Video"></iframe>',
    )
    # Players come from YouTube and Vimeo only.
    video = build(VideoPage, vietnamese="translated", video_url="https://www.youtube.com/watch?v=abcdefghijk")
    html = get_page(client, twin(video, vietnamese).url)
    template = re.search(r"<template data-video-embed>(.*?)</template>", html, re.DOTALL).group(1)
    assert "<iframe" in template
    assert html.count("<iframe") == 1  # only inside the inert template
    assert "data-video-play hidden" in html and "Phát video" in html


def test_uploaded_video_plays_in_the_browsers_player(client):
    video = build(VideoPage, video_file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="clip.mp4"))
    html = get_page(client, video.url)
    assert '<video class="video-player" controls preload="none"' in html
    assert 'type="video/mp4"' in html and "data-video-embed" not in html


def test_replacing_a_file_shows_at_once(client, pdf):
    page = build(PublicationPage, file_en=pdf("steam-decree-first.pdf"))
    get_page(client, page.url)  # cache what surrounds the page
    document = page.file_en
    document.title = "Renamed decree file"
    document.file.save("steam-decree-renamed.pdf", ContentFile(b"%PDF-1.4 new"), save=False)
    document._set_document_file_metadata()
    document.save()
    assert "steam-decree-renamed" in get_page(client, page.url)
