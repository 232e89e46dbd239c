"""One declaration per section (pages.sections): a section that exists only in
the test settings (tests/trainings) shows up on every surface the shell offers
without one line of the shell naming it, and the start-up check refuses a
declaration that is incomplete or names something missing."""

import csv
import dataclasses
import io
import re
import subprocess
from html import unescape

import pytest
from django.core import checks, mail

from pages import sections
from pages.demo.registry import Seeder
from pages.navigation.slots import Slot
from pages.opendata.models import DataPage
from pages.publishing import Step
from pages.updates import topics
from pages.updates.models import Announcement, SubscribePage
from pages.updates.tests.test_updates import send, subscribed
from parks.models import ParkPage
from tests.trainings.models import TrainingIndexPage, TrainingPage, TrainingPark

from .factories import build, section
from .fixtures import get_page
from .servers import ROOT

pytestmark = pytest.mark.django_db

TITLES = {
    "en": "Hydrogen safety training for park operators",
    "vi": "Tập huấn an toàn hydro cho đơn vị vận hành khu công nghiệp",
}
SEARCHED = {"en": "hydrogen", "vi": "hydro"}
TAGS = re.compile(r"<[^>]+>")  # the search marks the words it found


def section_errors():
    return [error for error in checks.run_checks() if error.id.startswith("sections.")]


def test_the_shell_names_no_section():
    """The proof's other half: the shell (pages, eipvn, templates) never names
    the test-only section; only the test settings install it."""
    found = subprocess.run(  # noqa: S603
        [
            "git",
            "grep",
            "-lE",
            r'Training(Index)?Page|tests\.trainings|"trainings',
            "--",
            "pages",
            "eipvn",
            "templates",
        ],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    # The settings install it; the shell's rooms' own tests may look at what it adds.
    assert [path for path in found if path != "eipvn/settings/test.py" and "/tests/" not in path] == []


def test_the_declarations_of_the_installed_apps_pass_the_check():
    assert set(sections.declared()) >= {"pages", "updates", "opendata", "parks", "events", "publications", "news"}
    assert "trainings" in sections.declared()
    assert section_errors() == []


def test_a_section_declared_only_in_the_test_settings_shows_on_every_surface(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    subscribed("trainings@example.org", topics=("trainings",))
    subscribed("news-only@example.org", topics=("news",))
    park = section(ParkPage)
    training = build(
        TrainingPage,
        title=TITLES["en"],
        intro="How to store and move hydrogen safely in an industrial park.",
        park_links=[TrainingPark(park=park)],
        vietnamese="translated",
        vi={"title": TITLES["vi"], "intro": "Cách lưu trữ và vận chuyển hydro an toàn trong khu công nghiệp."},
    )
    twin = {
        "en": training,
        "vi": TrainingPage.objects.get(translation_key=training.translation_key, locale__language_code="vi"),
    }
    for language in ("en", "vi"):
        title = TITLES[language]
        # Its listing, built by the function its declaration names.
        assert title in unescape(get_page(client, section(TrainingIndexPage, language).url)), language
        # The site's search (every page type is indexed by the shell).
        found = TAGS.sub("", unescape(get_page(client, f"/{language}/search/?q={SEARCHED[language]}")))
        assert title in found, language
        # Its dataset, named on the Data page and downloadable.
        response = client.get(f"/{language}/data/trainings.csv")
        assert response.status_code == 200, language
        rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
        assert [row["title"] for row in rows] == [title]
        assert rows[0]["url"].endswith(twin[language].url)
        assert f"/{language}/data/trainings.csv" in get_page(client, section(DataPage, language).url)
        # Its list on the park's page, in the park's language.
        park_page = ParkPage.objects.get(translation_key=park.translation_key, locale__language_code=language)
        html = unescape(get_page(client, park_page.url))
        assert "Trainings at this park" in html and title in html, language
        # Its update topic, offered on the subscribe page.
        assert 'value="trainings"' in get_page(client, section(SubscribePage, language).url), language
    # The topic covers its pages: each language's first publication is announced to that topic only.
    assert topics.for_page(training).key == "trainings"
    assert set(Announcement.objects.filter(topic="trainings").values_list("language", flat=True)) == {"en", "vi"}
    send()
    assert {message.to[0] for message in mail.outbox} == {"trainings@example.org"}
    assert any(TITLES["en"] in message.subject for message in mail.outbox)


# --- the start-up check ------------------------------------------------------------------------


def declared_with(monkeypatch, label, **changes):
    """The installed declarations, with ``label``'s changed (or removed with None)."""
    found = dict(sections.declared())
    if changes.get("remove"):
        del found[label]
    elif "replace" in changes:
        found[label] = changes["replace"]
    else:
        found[label] = dataclasses.replace(found[label], **changes)
    monkeypatch.setattr(sections, "declared", lambda: found)


def messages(number):
    return [error.msg for error in section_errors() if error.id == f"sections.E{number:03}"]


def test_a_listing_page_type_without_its_listing_is_refused(monkeypatch):
    declared_with(monkeypatch, "trainings", listings={})
    assert messages(5) == ["trainings: trainings.TrainingIndexPage is a ListingPage but no listing builds its context."]


def test_a_snippet_left_out_of_shown_models_is_refused(monkeypatch):
    declared_with(monkeypatch, "themes", shown_models=())
    assert messages(6) == [
        "themes: the snippet themes.Theme is not in shown_models: its edits would not reach cached pages."
    ]


def test_a_model_keeping_addresses_without_a_retention_is_refused(monkeypatch):
    declared_with(monkeypatch, "events", personal_data=())
    assert messages(7) == [
        "events: events.Registration keeps e-mail addresses but personal_data does not say when they go."
    ]


def test_an_app_with_page_types_and_no_declaration_is_refused(monkeypatch):
    declared_with(monkeypatch, "trainings", remove=True)
    assert messages(2) == ["trainings: it has page types but no section.py declaring what it brings to the shell."]


def test_a_module_without_a_section_is_refused(monkeypatch):
    declared_with(monkeypatch, "trainings", replace={"listings": {}})
    assert messages(1) == ["trainings: section.py must define SECTION = Section(...)."]


def test_a_declaration_naming_what_is_not_there_is_refused(monkeypatch):
    trainings = sections.declared()["trainings"]
    declared_with(
        monkeypatch,
        "trainings",
        slots=(*trainings.slots, Slot("sidebar", "trainings/nowhere.html", lambda request: {})),
        topics=(dataclasses.replace(trainings.topics[0], models=("trainings.Workshop",)),),
        demo=(Seeder("tests.trainings.demo.seed_nothing"),),
        publish_steps=(Step("published", "certificates", print, after="printing"),),
        datasets=(dataclasses.replace(trainings.datasets[0], name="Trainings 2026", key=("id",)),),
        live_data=(trainings.topics[0],),
    )
    found = messages(4)
    for expected in (
        "'sidebar' is not a place in the shell",
        "the template 'trainings/nowhere.html' does not exist",
        "covers 'trainings.Workshop', which is not a model",
        "the demo seeder 'tests.trainings.demo.seed_nothing' cannot be imported",
        "comes after 'printing', which 'published' does not have",
        "the dataset name 'Trainings 2026' must be letters, digits and hyphens",
        "keys on 'id', not one of its columns",
    ):
        assert any(expected in message for message in found), expected
    assert messages(3) == [f"trainings: live_data holds {trainings.topics[0]!r}, not a LiveData."]


def test_two_sections_may_not_offer_one_dataset_name(monkeypatch):
    news = sections.declared()["news"]
    declared_with(monkeypatch, "trainings", datasets=news.datasets)
    assert messages(8) == ["sections: two datasets are named 'news'."]
