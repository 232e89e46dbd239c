"""The Vietnamese tree follows English: create, move, reorder, copy, unpublish, delete;
and an untranslated page is never passed off as Vietnamese."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment

from pages.models import StandardPage

from .editorial import client_for, translation_of, twin
from .factories import build
from .fixtures import get_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    return client_for(user)


def create_in_admin(client, parent, title, slug):
    url = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", parent.pk))
    data = {"title": title, "slug": slug, "intro": f"{title}.", "body-count": "0", "action-publish": "publish"}
    data.update({"corrections-TOTAL_FORMS": "0", "corrections-INITIAL_FORMS": "0"})  # the inline "Corrections"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:1000]
    return StandardPage.objects.get(locale=parent.locale, slug=slug)


def test_moving_an_english_page_moves_its_translation(admin_client, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    destination = build(StandardPage, vietnamese="translated")
    response = admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    assert response.status_code == 302
    assert twin(page, vietnamese).get_parent().pk == twin(destination, vietnamese).pk
    assert get_page(admin_client, twin(page, vietnamese).url).count("<h1") == 1


def test_moving_a_vietnamese_page_leaves_english_alone(admin_client, english, vietnamese):
    english_page = build(StandardPage, vietnamese="translated")
    page = twin(english_page, vietnamese)
    destination = twin(build(StandardPage, vietnamese="translated"), vietnamese)
    admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    assert Page.objects.get(pk=page.pk).get_parent().pk == destination.pk
    assert twin(page, english).get_parent().pk == english_page.get_parent().pk


def test_reordering_english_siblings_reorders_the_vietnamese_menu(admin_client, vietnamese):
    parent = build(StandardPage, vietnamese="translated")
    # One translated sibling and one alias: both kinds of twin follow.
    build(StandardPage, parent, vietnamese="translated")
    last = build(StandardPage, parent)
    url = reverse("wagtailadmin_pages:set_page_position", args=[last.pk]) + "?position=0"
    assert admin_client.post(url).status_code == 200
    english_order = [page.translation_key for page in parent.get_children()]
    vietnamese_order = [page.translation_key for page in twin(parent, vietnamese).get_children()]
    assert english_order[0] == last.translation_key
    assert vietnamese_order == english_order


def test_a_copied_english_page_gets_its_vietnamese_alias(admin_client, english, vietnamese):
    parent = build(StandardPage, vietnamese="translated")
    page = build(StandardPage, vietnamese="translated")
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": f"{page.title} (copy)", "new_slug": "a-copy", "new_parent_page": parent.pk},
    )
    assert response.status_code == 302
    copy = StandardPage.objects.get(locale=english, slug="a-copy")
    alias = twin(copy, vietnamese)
    assert alias.alias_of_id == copy.pk
    assert alias.get_parent().pk == twin(parent, vietnamese).pk


def test_unpublishing_english_unpublishes_the_translation(admin_client, client, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    vietnamese_url = twin(page, vietnamese).url
    assert client.get(vietnamese_url).status_code == 200
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    assert not twin(page, vietnamese).live
    assert client.get(vietnamese_url).status_code == 404


def test_deleting_english_deletes_the_translation(admin_client):
    page = build(StandardPage, vietnamese="translated")
    key = page.translation_key
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=key).exists()


def test_an_untranslated_page_says_so_in_vietnamese(admin_client, client, vietnamese):
    # Created in the admin, as an editor would: the tree sync gives it its alias.
    parent = build(StandardPage, vietnamese="translated")
    page = create_in_admin(admin_client, parent, "Field notes", "field-notes")
    alias = twin(page, vietnamese)
    assert alias.alias_of_id == page.pk
    html = get_page(client, alias.url)
    assert "Trang này chưa có bản tiếng Việt." in html
    assert '<main id="main-content" tabindex="-1" lang="en">' in html
    assert 'hreflang="vi"' not in html.split("</head>")[0]
    canonical = html.split('<link rel="canonical" href="')[1].split('"')[0]
    assert canonical.endswith(page.url)
    # The English page and a translated Vietnamese page carry no such note.
    assert "not yet available" not in get_page(client, page.url)
    assert "chưa có bản tiếng Việt" not in get_page(client, twin(parent, vietnamese).url)


def test_a_page_being_translated_stays_marked_until_its_strings_are(
    admin_client, client, vietnamese, django_capture_on_commit_callbacks
):
    page = build(StandardPage)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"locales": [vietnamese.pk]})
    converted = twin(page, vietnamese)
    assert converted.alias_of_id is None and converted.live
    assert "Trang này chưa có bản tiếng Việt." in get_page(client, converted.url)

    translation = translation_of(page, vietnamese)
    for segment in StringSegment.objects.filter(source=translation.source):
        segment.string.translations.create(
            locale=vietnamese, context=segment.context, data=f"[vi] {segment.string.data}"
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    html = get_page(client, twin(page, vietnamese).url)
    assert "chưa có bản tiếng Việt" not in html
    assert 'hreflang="vi"' in html.split("</head>")[0]
