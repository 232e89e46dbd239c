"""Publishing a page makes the image renditions its visitors will need."""

import io
import logging

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from news.models import NewsPage
from pages.models import StandardPage

from .factories import build

pytestmark = pytest.mark.django_db


def new_picture(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (40, 120, 80)).save(buffer, format="JPEG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


def renditions_of(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def publish_with_a_new_picture(capture_on_commit, title):
    article = build(NewsPage)
    picture = new_picture(title)
    article.lead_image = picture
    with capture_on_commit(execute=True):
        article.save_revision().publish()
    return article, picture


def test_publishing_prepares_the_renditions_of_the_page_and_its_listing(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PREPARE_RENDITIONS_ON_PUBLISH = True
    article, picture = publish_with_a_new_picture(django_capture_on_commit_callbacks, "Fresh lead picture")
    prepared = renditions_of(picture)
    assert prepared, "publishing made no rendition"

    client.get(article.url)
    client.get(article.get_parent().url)
    assert renditions_of(picture) == prepared  # visitors made none of their own


def test_nothing_is_prepared_when_switched_off(settings, django_capture_on_commit_callbacks):
    settings.PREPARE_RENDITIONS_ON_PUBLISH = False
    _article, picture = publish_with_a_new_picture(django_capture_on_commit_callbacks, "Unprepared picture")
    assert renditions_of(picture) == set()


def test_publishing_a_page_under_no_site_yet_logs_no_error(settings, caplog, django_capture_on_commit_callbacks):
    """seed_demo publishes the home page before the site points at it: rendering
    it then (page.url is None) logged "Internal Server Error: /" on every first run."""
    settings.PREPARE_RENDITIONS_ON_PUBLISH = True
    page = build(StandardPage, Page.get_first_root_node(), title="Not under a site yet", publish=False, vietnamese=None)
    assert page.url is None
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []
