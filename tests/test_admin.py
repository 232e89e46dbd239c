"""What an editor and a translator do in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from pages.models import RelatedAgency, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    client.force_login(user)
    return client


def test_admin_login_page_is_outside_the_language_prefix(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200


def test_creating_an_english_page_creates_its_vietnamese_twin(editor_client, english, vietnamese):
    about = StandardPage.objects.get(locale=english, slug="about")
    url = reverse("wagtailadmin_pages:add", args=("pages", "standardpage", about.pk))
    response = editor_client.post(
        url,
        {
            "title": "Field notes",
            "slug": "field-notes",
            "intro": "Notes from the parks.",
            "body-count": "0",
            "corrections-TOTAL_FORMS": "0",
            "corrections-INITIAL_FORMS": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(locale=english, slug="field-notes")
    twin = page.get_translation(vietnamese)
    assert twin.alias_of_id == page.pk
    assert twin.get_parent().specific.slug == "gioi-thieu"


def test_translated_page_opens_in_the_wagtail_localize_editor(editor_client, vietnamese):
    page = StandardPage.objects.get(locale=vietnamese, slug="gioi-thieu-du-an")
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()


def test_translated_snippet_opens_in_the_wagtail_localize_editor(editor_client, vietnamese):
    agency = RelatedAgency.objects.filter(locale=vietnamese).first()
    url = reverse(agency.snippet_viewset.get_url_name("edit"), args=(agency.pk,))
    response = editor_client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "js-translation-editor" in body


def test_snippet_listing_shows_partners_agencies_and_team(editor_client):
    for model in ("partner", "relatedagency", "teammember"):
        response = editor_client.get(reverse(f"wagtailsnippets_pages_{model}:list"))
        assert response.status_code == 200
