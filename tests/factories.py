"""Builders for every page type, so a test makes the pages it needs instead of
leaning on the demo's slugs and titles.

``build(NewsPage, title=…)`` adds a live English page under the first page of
the right parent type (found by type, never by slug) and gives it a Vietnamese
twin the way the site does:

- ``vietnamese="alias"`` (default): the untranslated alias wagtail-localize's
  tree sync makes when an editor creates a page;
- ``vietnamese="translated"``: a tracked wagtail-localize translation, published,
  with the Vietnamese texts given in ``vi`` (or the builder's own);
- ``vietnamese=None``: English only.

``section(Model, "vi")`` is the site's one page of a section type in a language
(the news index, the contact page…), so a test reaches the listing without
knowing its address.
"""

import datetime
import itertools
from decimal import Decimal

from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page

from events.models import EventCategoryPage, EventIndexPage, EventPage, UpcomingEventsPage
from news.models import NewsCategoryPage, NewsIndexPage, NewsPage
from pages.demo.translate import Glossary, translate
from pages.models import ContactPage, HomePage, NoticePage, StandardPage, TeamPage
from pages.opendata.models import DataPage
from pages.search.folding import transliterate_slug
from pages.themes.models import ThemesPage
from pages.updates.models import SubscribePage
from parks.models import (
    AssessmentComparisonPage,
    CaseStudyIndexPage,
    CaseStudyPage,
    CompanyResultsPage,
    ParkIndexPage,
    ParkPage,
)
from publications.models import (
    MediaGalleryPage,
    PhotoAlbumPage,
    PublicationCategoryPage,
    PublicationIndexPage,
    PublicationPage,
    VideoPage,
)
from tests.trainings.models import TrainingIndexPage, TrainingPage

_numbers = itertools.count(1)


def _today():
    return timezone.localdate()


# What each type needs beyond a title, as (English, Vietnamese) for the texts a
# translator translates and plain values for the rest. Callables run per page.
DEFAULTS = {
    HomePage: {"hero_heading": ("Eco-industrial parks", "Khu công nghiệp sinh thái")},
    StandardPage: {"intro": ("A page written for a test.", "Một trang viết cho bài kiểm thử.")},
    TeamPage: {},
    ContactPage: {},
    DataPage: {},
    SubscribePage: {},
    ThemesPage: {},
    NoticePage: {"kind": NoticePage.Kind.values[0], "last_reviewed": _today},
    ParkIndexPage: {},
    ParkPage: {
        "location": ("Da Nang", "Đà Nẵng"),
        "latitude": Decimal("16.0544"),
        "longitude": Decimal("108.2022"),
    },
    CaseStudyIndexPage: {},
    CaseStudyPage: {"participants": ("Two companies of the park", "Hai doanh nghiệp trong khu")},
    CompanyResultsPage: {},
    AssessmentComparisonPage: {},
    EventIndexPage: {},
    UpcomingEventsPage: {},
    EventCategoryPage: {},
    EventPage: {"start": lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)},
    NewsIndexPage: {},
    NewsCategoryPage: {},
    NewsPage: {
        "intro": ("Three companies will share steam and water.", "Ba doanh nghiệp sẽ dùng chung hơi nước và nước."),
        "date": lambda: timezone.now().replace(microsecond=0),
    },
    PublicationIndexPage: {},
    PublicationCategoryPage: {},
    PublicationPage: {"publication_type": PublicationPage.Type.values[0], "publication_date": _today},
    MediaGalleryPage: {},
    PhotoAlbumPage: {"photos": []},
    VideoPage: {"video_url": "https://www.youtube.com/results?search_query=eco-industrial+parks"},
    # The test-only section (tests/trainings).
    TrainingIndexPage: {},
    TrainingPage: {"date": _today},
}

# A new page's default title: (English, Vietnamese) with the page's number.
TITLES = ("Test page {n}", "Trang thử nghiệm {n}")


def section(model, language="en"):
    """The first live page of ``model`` in ``language``, in tree order."""
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    if page is None:
        raise LookupError(f"no {model.__name__} in {language!r}")
    return page


def default_parent(model):
    """The first English page of a type ``model`` may be created under."""
    for parent_model in model.allowed_parent_page_models():
        if parent_model is Page:
            return Page.get_first_root_node()
        found = parent_model.objects.filter(locale__language_code="en").order_by("path").first()
        if found is not None:
            return found
    raise LookupError(f"no page {model.__name__} may be created under")


def build(model, parent=None, *, vietnamese="alias", publish=True, vi=None, vi_texts=None, **fields):
    """A new page of ``model`` (see the module's docstring). ``fields`` override
    the defaults. For a translated twin, ``vi`` maps a text field to its
    Vietnamese and ``vi_texts`` any other English text the page holds (a block's,
    an inline row's) to its Vietnamese."""
    if vietnamese not in ("alias", "translated", None):
        raise ValueError(f"vietnamese={vietnamese!r}: use 'alias', 'translated' or None")
    if vietnamese == "translated" and not publish:
        raise ValueError("a translation is published: build a draft with vietnamese='alias' or None")
    if vietnamese == "translated" and "title" in fields and "title" not in (vi or {}):
        raise ValueError("a translated page with a title of its own needs vi={'title': …}")
    n = next(_numbers)
    pairs = {"title": tuple(text.format(n=n) for text in TITLES)}
    values = {}
    for name, default in DEFAULTS[model].items():
        if isinstance(default, tuple):
            pairs[name] = default
        else:
            values[name] = default() if callable(default) else default
    for name, value in fields.items():
        pairs.pop(name, None)
        values[name] = value
    values.update({name: en for name, (en, _vi) in pairs.items()})
    vietnamese_texts = {name: v for name, (_en, v) in pairs.items()} | (vi or {})

    parent = parent or default_parent(model)
    page = model(locale=parent.locale, **{"live": publish, **values})
    if "slug" not in fields:
        page.slug = f"{transliterate_slug(page.title)}-{n}"
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.save_revision()
    if vietnamese == "alias":
        create_aliases_for_new_page(page)
    elif vietnamese == "translated":
        translate_page(page, vietnamese_texts, more=vi_texts)
    return model.objects.get(pk=page.pk)


def translate_page(page, texts, more=None, locale=None):
    """Publish the Vietnamese translation of ``page`` (or into ``locale``, e.g.
    English for a Vietnamese-first page) through wagtail-localize, from
    ``texts`` (field name → its translation) and ``more`` (any other source
    text the page holds, such as an inline row's, → its translation). Returns
    the translated page."""
    glossary = Glossary()
    for name, vi in texts.items():
        glossary.t(getattr(page, name), vi)
    for en, vi in (more or {}).items():
        glossary.t(en, vi)
    glossary.t(page.slug, transliterate_slug(texts["title"]))
    # wagtail-localize publishes when the translation's transaction commits;
    # a test's transaction never does, so run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translated = translate(page, glossary, locale)
    return type(page).objects.get(pk=translated.pk)
