"""The admin as content grows: its search ranks in one query and shows each
role what it showed before; the explorer's rows ask nothing of ours one by one.
(Timings: `make bench-admin`. The Translations report and the dashboard:
tests/test_editorial_translations.py.)"""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from modelsearch.backends.database import SearchBackend as wagtails_own
from wagtail.models import Page

from news.models import NewsCategoryPage, NewsPage
from pages.search.admin_backend import SearchBackend as ours

from .editorial import client_for
from .factories import build, section
from .fixtures import get_page
from .queries import warm_queries

pytestmark = pytest.mark.django_db

ROLES = ["editor", "vi_editor", "translator", "en_translator", "moderator"]


@pytest.mark.parametrize("words", ["industrial", "park", "eco industrial", "nam"])
def test_admin_search_ranks_counts_and_facets_as_wagtails_own_backend(words):
    found = []
    for backend in (wagtails_own({}), ours({})):
        results = backend.autocomplete(words, Page.objects.filter(depth__gt=1))
        found.append(
            (
                results.count(),
                [page.pk for page in results[:20]],
                [page.pk for page in results[20:40]],
                dict(results.facet("content_type_id")),
                [page.pk for page in backend.search(words, Page.objects.all())[:10]],
            )
        )
    assert found[0] == found[1]
    assert found[0][0] > 5, "the words are common in the demo"


def _rows(html):
    """The ids of the pages listed, whatever the role may do with them."""
    return set(re.findall(r'id="page_(\d+)_title"', html))


@pytest.mark.parametrize("role", ROLES)
def test_admin_search_shows_each_role_the_pages_it_may_explore(request, role, superuser_client):
    build(NewsPage, title="Wombat symbiosis in Hai Phong")
    client = client_for(request.getfixturevalue(role))
    url = reverse("wagtailadmin_pages:search") + "?q=wombat"
    html = get_page(client, url)
    assert "Wombat symbiosis in Hai Phong" in html
    # Every role may see every page in the admin (pages/editorial/languages.py): the same as a superuser.
    assert _rows(html) == _rows(get_page(superuser_client, url))


def test_admin_search_shows_nothing_to_staff_without_page_permissions(client):
    from django.contrib.auth.models import Permission

    build(NewsPage, title="Wombat symbiosis in Hai Phong")
    user = User.objects.create_user("nobody", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:search") + "?q=wombat")
    assert "Wombat" not in response.content.decode()


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    return client


LOCALIZE_ROW, WAGTAIL_ROW = 4, 2


def test_explorer_asks_nothing_of_ours_row_by_row(translator):
    """Our review button's question comes with the listing's query. The rows'
    cost that is left is wagtail-localize's own "Translate" and "Sync" buttons
    (LOCALIZE_ROW queries a row) and Wagtail's own check, for a user who may
    not publish, that a page has no live descendants before offering to delete or
    unpublish it (WAGTAIL_ROW), which this test names so that it shows if it changes."""
    category = section(NewsCategoryPage, "vi")
    client = client_for(translator)
    url = reverse("wagtailadmin_explore", args=[category.pk])
    before = warm_queries(client, url)
    english = section(NewsCategoryPage)
    for n in range(3):
        build(NewsPage, english, vietnamese="translated", title=f"Grown {n}", vi={"title": f"Thêm {n}"})
    assert warm_queries(client, url) - before <= 3 * (LOCALIZE_ROW + WAGTAIL_ROW)
    # The button is still offered on a translation's row.
    assert "Submit translation for review" in get_page(client, url)
