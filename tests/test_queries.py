"""Query budget: with a warm cache the shell costs a handful of queries, and the
count does not grow with the number of pages in the menu."""

import pytest

from pages.models import StandardPage

from .conftest import warm_queries

pytestmark = pytest.mark.django_db

BUDGET = 12


@pytest.mark.parametrize(
    "url", ["/en/", "/vi/", "/en/about/introduction/", "/vi/gioi-thieu/ket-qua-du-an/", "/vi/gioi-thieu/nhom-du-an/"]
)
def test_shell_pages_stay_within_the_query_budget(client, url):
    assert warm_queries(client, url) <= BUDGET


def test_query_count_does_not_grow_with_menu_pages(client, english):
    before = {url: warm_queries(client, url) for url in ("/en/", "/en/about/introduction/")}
    about = StandardPage.objects.get(locale=english, slug="about")
    for number in range(15):
        child = StandardPage(title=f"Menu page {number}", slug=f"menu-page-{number}", show_in_menus=True)
        about.add_child(instance=child)
        child.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert "Menu page 14" in html
    after = {url: warm_queries(client, url) for url in before}
    assert after == before
