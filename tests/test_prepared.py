"""Queries prepared once per process (pages.prepared) give what the ORM gives.

Search's list of matches is written once per number of words and run with the
words, the language and the time of each search. Here the same builder
(``pages.search.views.matches``) runs both ways, with real values through the
ORM and with slots through ``Prepared``, and the rows must be equal: on SQLite
and on PostgreSQL (CI runs the suite on both), with words holding LIKE's own
characters, and with the time deciding what is public.
"""

import datetime

import pytest
from django.db.models import CharField, DateTimeField, IntegerField
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from news.models import NewsPage
from pages.models import SearchEntry
from pages.prepared import Prepared, Slot
from pages.search import text_index
from pages.search.folding import query_words
from pages.search.views import _matches_query, _shown_query, match_values, matches
from pages.visibility import restricted_paths
from publications.models import PublicationPage

from .factories import build
from .fixtures import get_page

pytestmark = pytest.mark.django_db

WORD = "quorblat"  # in the test items only


@pytest.fixture
def items():
    now = timezone.now()
    return {
        "old": build(NewsPage, title=f"{WORD} water report", date=now - datetime.timedelta(days=30)),
        "new": build(NewsPage, title=f"Water {WORD} plan", date=now - datetime.timedelta(days=1)),
        "ahead": build(NewsPage, title=f"{WORD} water ahead", date=now + datetime.timedelta(days=5)),
        "publication": build(PublicationPage, title=f"{WORD} guide", intro="Saving water 100% in a_b parks."),
    }


def both_ways(words, at=None, restricted=None):
    """The rows of ``matches`` for ``words``, in their rank order: (through
    the ORM reading every entry, prepared as a search runs it: through the
    text index where the database has one)."""
    locale_id = Locale.objects.get(language_code="en").pk
    narrowed = text_index.narrows()
    values = match_values(locale_id, words, narrowed)
    if at is not None:
        values["now"] = at
    restricted = tuple(restricted_paths()) if restricted is None else restricted
    by_orm = matches(
        locale_id,
        values["now"],
        [f" {word} " for word in words],
        phrase=values.get("phrase"),
        restricted=restricted,
    )
    return list(by_orm), _matches_query(len(words), restricted, narrowed).rows(**values)


@pytest.mark.parametrize("query", [WORD, f"{WORD} water", f"water {WORD}", f"{WORD} guide parks", "nothingmatches"])
def test_search_matches_are_the_rows_the_orm_finds(items, query):
    by_orm, prepared = both_ways(query_words(query))
    assert prepared == by_orm
    if query != "nothingmatches":
        assert prepared, "the comparison needs matches to mean something"


def test_the_time_given_decides_what_is_public(items):
    ahead = items["ahead"]
    now_rows, _ = both_ways([WORD])
    assert ahead.pk not in [row[0] for row in now_rows], "an article dated ahead is not found before its date"
    by_orm, prepared = both_ways([WORD], at=ahead.date + datetime.timedelta(minutes=1))
    assert prepared == by_orm
    assert ahead.pk in [row[0] for row in prepared], "it is found once the time given passes its date"


def test_dates_come_back_as_the_orm_gives_them(items):
    (row,) = _shown_query(1).rows(pk0=items["new"].pk)  # (pk, kind, title, text, date)
    assert isinstance(row[4], datetime.datetime) and timezone.is_aware(row[4])
    assert row[4] == NewsPage.objects.get(pk=items["new"].pk).date


def test_matches_come_ranked_both_ways(items):
    """The phrase in a title, then every word in a title, then the rest: the
    same order through the ORM and prepared (through the index)."""
    by_orm, prepared = both_ways([WORD, "water"])
    assert prepared == by_orm
    assert [row[0] for row in prepared] == [items["old"].pk, items["new"].pk, items["publication"].pk]


@pytest.mark.parametrize("text", ["100%", "a_b", "100% in a_b"])
def test_a_slot_holding_likes_own_characters_matches_them_literally(items, text):
    query = SearchEntry.objects.filter(text__contains=Slot("text", CharField())).values_list("pk", flat=False)
    prepared = Prepared(query).rows(text=text)
    by_orm = list(SearchEntry.objects.filter(text__contains=text).values_list("pk"))
    assert sorted(prepared) == sorted(by_orm) == [(items["publication"].pk,)]
    assert Prepared(query).rows(text="100_") == [], "'_' in a value is not LIKE's any-character"


def test_every_slot_needs_its_value():
    prepared = Prepared(
        NewsPage.objects.filter(pk=Slot("pk", IntegerField()), date__lte=Slot("now", DateTimeField())).values_list("pk")
    )
    assert prepared.slots == {"pk", "now"}
    with pytest.raises(TypeError):
        prepared.rows(pk=1)
    with pytest.raises(TypeError):
        prepared.rows(pk=1, now=timezone.now(), extra=2)


def test_a_page_restricted_after_a_search_leaves_the_next_one(client, items):
    """The prepared SQL is kept per set of restricted paths: a restriction made
    once a search has been prepared changes the SQL the next search runs."""
    url = f"/en/search/?q={WORD}+guide"
    publication = items["publication"]
    assert f'href="{publication.url}"' in get_page(client, url)
    PageViewRestriction.objects.create(page=publication, restriction_type=PageViewRestriction.LOGIN)
    assert f'href="{publication.url}"' not in get_page(client, url)
