"""Publications: the library, per-language files, downloads, uploads, albums and videos."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from publications.models import DocumentDownloads, PublicationCategoryPage, PublicationIndexPage, PublicationPage

from .conftest import get_page
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db

LIBRARY = {"en": "/en/publications/", "vi": "/vi/bao-cao-va-an-pham/"}


def titles(html):
    return [unescape(t) for t in re.findall(r'<li class="library-item">\s*<h2><a href="[^"]+">([^<]+)</a>', html)]


def publication(language, slug_en):
    page = PublicationPage.objects.get(locale__language_code="en", slug=slug_en)
    if language == "en":
        return page
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


@pytest.mark.parametrize("language", ["en", "vi"])
def test_library_lists_publications_newest_first_with_file_details(client, language):
    html = get_page(client, LIBRARY[language])
    expected = (
        PublicationPage.objects.live().filter(locale__language_code=language).order_by("-publication_date", "-pk")
    )
    assert expected.count() >= 12
    assert titles(html) == [p.title for p in expected[:10]]
    assert re.search(r'<span class="file-meta">PDF, \d+[.,]\d\xa0KB</span>', html)
    assert 'href="/documents/' in html
    assert ("12 documents" if language == "en" else "12 tài liệu") in html


def test_library_sorting_filters_and_search(client, english):
    oldest = titles(get_page(client, LIBRARY["en"] + "?sort=oldest"))
    assert oldest[0] == "Decision approving the eco-industrial park initiative project"
    html = get_page(client, LIBRARY["en"] + "?category=law-regulations")
    assert len(titles(html)) == 4
    html = get_page(client, LIBRARY["en"] + "?year=2019")
    assert set(titles(html)) == {
        p.title for p in PublicationPage.objects.filter(locale=english, publication_date__year=2019)
    }
    only_vi = get_page(client, LIBRARY["en"] + "?language=vi")
    assert set(titles(only_vi)) == {
        p.title for p in PublicationPage.objects.filter(locale=english, file_vi__isnull=False)
    }
    found = titles(get_page(client, LIBRARY["en"] + "?q=decree+35"))
    assert found == ["Decree on the management of industrial parks and economic zones (2022)"]
    vi_found = titles(get_page(client, LIBRARY["vi"] + "?q=Nghị+định+35"))
    assert vi_found == ["Nghị định quy định về quản lý khu công nghiệp và khu kinh tế (2022)"]
    from parks.models import ParkPage

    amata = ParkPage.objects.get(locale=english, slug="amata-industrial-park")
    assert len(titles(get_page(client, f"{LIBRARY['en']}?park={amata.pk}"))) == 1


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
    response = client.get(LIBRARY["en"] + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split('class="site-footer"')[0].split("</head>")[1]


def test_category_page_lists_only_its_publications(client, english):
    toolkit = PublicationCategoryPage.objects.get(locale=english, slug="toolkit")
    assert set(titles(get_page(client, toolkit.url))) == {p.title for p in PublicationPage.objects.child_of(toolkit)}


def test_vietnamese_page_offers_its_own_file_first(client):
    en = publication("en", "decree-35-2022-nd-cp")
    vi = publication("vi", "decree-35-2022-nd-cp")
    assert en.file_vi_id == vi.file_vi_id and en.file_en_id == vi.file_en_id
    vi_html = get_page(client, vi.url)
    links = re.findall(r'<a class="file-link" href="([^"]+)" hreflang="(en|vi)"', vi_html)
    assert links[0] == (vi.file_vi.url, "vi")
    en_links = re.findall(r'<a class="file-link" href="([^"]+)" hreflang="(en|vi)"', get_page(client, en.url))
    assert en_links[0] == (en.file_en.url, "en")


def test_single_edition_says_which_language_it_is_in(client):
    assert "This document is available in English only." in get_page(
        client, publication("en", "terminal-evaluation-eip-viet-nam-2019").url
    )
    assert "Tài liệu này chỉ có bản tiếng Việt." in get_page(client, publication("vi", "decision-1526-qd-ttg-2014").url)


def test_download_headers_and_counting(client):
    document = publication("en", "decree-35-2022-nd-cp").file_en
    assert not DocumentDownloads.objects.filter(document=document).exists()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="decree-35-2022-nd-cp-en.pdf"'
    b"".join(response.streaming_content)
    assert DocumentDownloads.objects.get(document=document).count == 1
    head = client.head(document.url)
    assert head.status_code == 200
    assert DocumentDownloads.objects.get(document=document).count == 1
    client.get(document.url)
    assert DocumentDownloads.objects.get(document=document).count == 2


def test_editors_see_download_counts_but_cannot_change_them(client):
    document = publication("en", "decree-35-2022-nd-cp").file_en
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
    from publications.models import PhotoAlbumPage

    album = PhotoAlbumPage.objects.live().filter(locale__language_code=language).first()
    html = get_page(client, album.url)
    assert html.count('class="lightbox-link"') == len(album.photos) >= 3
    assert 'loading="lazy"' in html and "<picture>" in html and "srcset=" in html
    assert "data-label-close" in html


def test_video_page_loads_no_third_party_content_before_play(client, monkeypatch):
    from publications.models import VideoPage

    video = VideoPage.objects.live().filter(locale__language_code="en").first()
    html = get_page(client, video.url)
    body = html.split("</head>")[1]
    assert "<iframe" not in body.replace("<template", "")
    assert f'href="{video.video_url.replace("&", "&amp;")}"' in body or video.video_url in unescape(body)


def test_home_shows_latest_publications(client):
    html = get_page(client, "/en/")
    section = html[html.index('id="home-publications-heading"') :]
    latest = PublicationPage.objects.live().filter(locale__language_code="en").order_by("-publication_date")[:3]
    for page in latest:
        assert page.title.replace("'", "&#x27;") in section


def test_library_costs_the_same_queries_with_more_publications(client, english):
    index = PublicationIndexPage.objects.get(locale=english)
    reports = PublicationCategoryPage.objects.get(locale=english, slug="project-information-reports")
    document = get_document_model().objects.first()
    urls = [index.url, reports.url, index.url + "?q=report&language=en&sort=oldest"]

    def add_reports(numbers):
        for number in numbers:
            page = PublicationPage(
                title=f"Extra report {number}",
                slug=f"extra-report-{number}",
                publication_type="report",
                publication_date=datetime.date(2020, 1, 1),
                file_en=document,
            )
            reports.add_child(instance=page)
            page.save_revision().publish()

    # Every listing has more than one page before and after (a single page
    # needs no count query), so only the number of publications differs.
    add_reports(range(15))
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    add_reports(range(15, 60))
    after = {url: cold_and_warm(client, url) for url in urls}
    # Cold as well as warm: an N+1 must show while the caches refill.
    assert after == before


def test_hosted_video_player_waits_inside_a_template_until_play(client, monkeypatch):
    from publications.models import VideoPage

    monkeypatch.setattr(
        "wagtail.embeds.format.embed_to_frontend_html",
        lambda url, *args, **kwargs: '<iframe src="https://player.example/embed/1" title="Video"></iframe>',
    )
    video = VideoPage.objects.live().filter(locale__language_code="vi").first()
    video.video_url = "https://www.youtube.com/watch?v=abcdefghijk"  # players come from YouTube and Vimeo only
    video.save_revision().publish()
    html = get_page(client, video.url)
    template = re.search(r"<template data-video-embed>(.*?)</template>", html, re.DOTALL).group(1)
    assert "<iframe" in template
    assert html.count("<iframe") == 1  # only inside the inert template
    assert "data-video-play hidden" in html and "Phát video" in html


def test_uploaded_video_plays_in_the_browsers_player(client):
    from publications.models import VideoPage

    video = VideoPage.objects.live().filter(locale__language_code="en").first()
    video.video_file.save("clip.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save_revision().publish()
    html = get_page(client, video.url)
    assert '<video class="video-player" controls preload="none"' in html
    assert 'type="video/mp4"' in html and "data-video-embed" not in html


def test_replacing_a_file_shows_at_once(client):
    page = publication("en", "decree-35-2022-nd-cp")
    get_page(client, page.url)  # cache what surrounds the page
    document = page.file_en
    document.title = "Renamed decree file"
    document.file.save("decree-35-renamed.pdf", ContentFile(b"%PDF-1.4 new"), save=False)
    document._set_document_file_metadata()
    document.save()
    assert "decree-35-renamed" in get_page(client, page.url)
