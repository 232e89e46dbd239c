"""The admin as content grows: its search ranks in one query and shows each
role what it showed before; the explorer's rows ask nothing of ours one by one.
(Timings: `make bench-admin`. The Translations report and the dashboard:
tests/test_editorial_translations.py.)"""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from modelsearch.backends.database import SearchBackend as wagtails_own
from wagtail import hooks
from wagtail.admin.views.pages.listing import IndexView
from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks

from news.models import NewsCategoryPage, NewsPage
from pages.editorial import explorer_rows
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


WAGTAIL_ROW = 2


def test_explorer_asks_nothing_of_ours_row_by_row(translator):
    """Our review button's question and wagtail-localize's "Translate" and
    "Sync" buttons' come with the listing's query. What is left is Wagtail's
    own check, for a user who may not publish, that a page has no live
    descendants before offering to delete or unpublish it (WAGTAIL_ROW), which
    this test names so that it shows if it changes."""
    category = section(NewsCategoryPage, "vi")
    client = client_for(translator)
    url = reverse("wagtailadmin_explore", args=[category.pk])
    before = warm_queries(client, url)
    english = section(NewsCategoryPage)
    for n in range(3):
        build(NewsPage, english, vietnamese="translated", title=f"Grown {n}", vi={"title": f"Thêm {n}"})
    assert warm_queries(client, url) - before <= 3 * WAGTAIL_ROW
    # The button is still offered on a translation's row.
    assert "Submit translation for review" in get_page(client, url)


BUTTONS = "register_page_listing_more_buttons"


def _as_wagtail_lists(monkeypatch):
    """The explorer as Wagtail and wagtail-localize list it on their own: every
    row loaded with its annotations, wagtail-localize's buttons asking their queries."""
    monkeypatch.setattr(explorer_rows, "slice_first", lambda pages: pages)
    own = [
        (localize_hooks.page_listing_more_buttons, order) if fn is explorer_rows.localize_buttons else (fn, order)
        for fn, order in hooks._hooks[BUTTONS]
    ]
    monkeypatch.setitem(hooks._hooks, BUTTONS, own)


def _without_tokens(html):
    """The page without its CSRF tokens (new on every answer)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"CSRF_TOKEN": "[^"]+"', "", html)


@pytest.mark.parametrize("role", ["superuser", "moderator", "translator", "vi_editor"])
def test_explorer_pages_show_the_rows_and_buttons_wagtail_shows(request, monkeypatch, role, superuser_client):
    """A category of sources, translations, aliases and drafts, three rows a
    page: every page of the listing, in each order, is the same HTML as
    Wagtail's and wagtail-localize's own (the same rows, in the same order,
    with the same buttons)."""
    english = section(NewsCategoryPage)
    build(NewsPage, english, vietnamese="translated", title="Translated one", vi={"title": "Đã dịch"})
    build(NewsPage, english, vietnamese="alias", title="Alias one")
    build(NewsPage, english, vietnamese=None, title="Untranslated one")
    build(NewsPage, english, vietnamese="alias", publish=False, title="Draft one")
    monkeypatch.setattr(IndexView, "paginate_by", 3)
    client = superuser_client if role == "superuser" else client_for(request.getfixturevalue(role))
    url = reverse("wagtailadmin_explore", args=[english.pk])
    visits = [f"{url}?p={p}&ordering={o}" for o in ("", "title", "-latest_revision_created_at") for p in (1, 2, 3)]
    ours = [_without_tokens(get_page(client, visit)) for visit in visits]
    _as_wagtail_lists(monkeypatch)
    assert ours == [_without_tokens(get_page(client, visit)) for visit in visits]
    assert "Sync translated pages" in "".join(ours) or role in ("translator", "vi_editor")
    assert "Translate this page" in "".join(ours) or role in ("translator", "vi_editor")
