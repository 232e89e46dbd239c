"""Query budget: with a warm cache the shell costs a handful of queries, and the
count does not grow with the number of pages in the menu."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import StandardPage

pytestmark = pytest.mark.django_db

BUDGET = 12


def _warm_queries(client, url):
    assert client.get(url).status_code == 200  # warms menu, footer, renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/en/", "/vi/", "/en/about/introduction/", "/vi/gioi-thieu/ket-qua-du-an/", "/vi/gioi-thieu/nhom-du-an/"]
)
def test_shell_pages_stay_within_the_query_budget(client, url):
    assert _warm_queries(client, url) <= BUDGET


def test_query_count_does_not_grow_with_menu_pages(client, english):
    before = {url: _warm_queries(client, url) for url in ("/en/", "/en/about/introduction/")}
    about = StandardPage.objects.get(locale=english, slug="about")
    for number in range(15):
        child = StandardPage(title=f"Menu page {number}", slug=f"menu-page-{number}", show_in_menus=True)
        about.add_child(instance=child)
        child.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Menu page 14" in html
    after = {url: _warm_queries(client, url) for url in before}
    assert after == before
