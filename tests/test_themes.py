"""Themes across the sections (pages.themes): one bilingual list, a page per
theme listing what is public on it in every section, the theme filter of every
listing, theme subscriptions, datasets and the API, and the migration that
turned news topics into themes."""

import datetime
import importlib
import json
import re
import uuid
from html import unescape

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from pages.themes.models import Theme, ThemesPage
from parks.models import CaseStudyIndexPage, CaseStudyPage, CompanyResult, CompanyResultsPage, ParkPage
from publications.models import PublicationIndexPage, PublicationPage

from .editorial import twin
from .factories import build, section
from .fixtures import clear_caches, get_page
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db


def make_theme(english="Steam and heat", vietnamese="Hơi nước và nhiệt"):
    theme = Theme.objects.create(locale=Locale.objects.get(language_code="en"), name=english)
    Theme.objects.create(
        locale=Locale.objects.get(language_code="vi"), translation_key=theme.translation_key, name=vietnamese
    )
    return theme


def titles(html):
    return [unescape(t) for t in re.findall(r'<li class="card"[^>]*>.*?<h3><a href="[^"]+">([^<]+)</a>', html, re.S)]


def theme_url(language, slug):
    return f"{section(ThemesPage, language).url}{slug}/"


def translated(model, title, vi_title, **fields):
    return build(model, vietnamese="translated", title=title, vi={"title": vi_title}, **fields)


@pytest.fixture
def on_steam():
    """A theme with a public item in each section, and items it must not show."""
    steam = make_theme()
    now = timezone.now().replace(microsecond=0)
    items = {
        "news": translated(NewsPage, "Mills trade steam", "Các nhà máy trao đổi hơi nước", themes=[steam]),
        "event": translated(EventPage, "Steam network visit", "Tham quan mạng hơi nước", themes=[steam]),
        "publication": translated(
            PublicationPage, "Steam exchange guide", "Hướng dẫn trao đổi hơi nước", themes=[steam]
        ),
        "case study": translated(CaseStudyPage, "Brewery steam to a feed mill", "Hơi nước nhà máy bia", themes=[steam]),
        "alias": build(EventPage, title="Boiler workshop", themes=[steam]),  # its Vietnamese twin an alias
    }
    hidden = {
        "draft": build(NewsPage, title="Draft about steam", publish=False, vietnamese=None, themes=[steam]),
        "future": build(
            NewsPage, title="Steam news dated ahead", date=now + datetime.timedelta(days=3), themes=[steam]
        ),
        "private": build(PublicationPage, title="Private steam memo", themes=[steam]),
        "other theme": build(NewsPage, title="Water only", themes=[make_theme("Water reuse", "Tái sử dụng nước")]),
    }
    PageViewRestriction.objects.create(page=hidden["private"], restriction_type=PageViewRestriction.LOGIN)
    return steam, items, hidden


def test_a_theme_page_lists_every_sections_public_items_in_both_languages(client, on_steam):
    steam, items, hidden = on_steam
    english = titles(get_page(client, theme_url("en", "steam-and-heat")))
    assert set(english) == {page.title for page in items.values()}
    vietnamese_html = get_page(client, theme_url("vi", "hoi-nuoc-va-nhiet"))
    assert "<h1>Hơi nước và nhiệt</h1>" in vietnamese_html
    vi = Locale.objects.get(language_code="vi")
    assert set(titles(vietnamese_html)) == {twin(page, vi).title for page in items.values()}
    # The alias shows its English words, marked as English, as the listings do.
    assert re.search(r'<li class="card" lang="en">.*?Boiler workshop', vietnamese_html, re.S)
    assert not any(page.title in english for page in hidden.values())
    # Newest first: the event a month ahead leads.
    assert english[0] in {items["event"].title, items["alias"].title}
    # The English slug under /vi/ leads to the Vietnamese one; an unknown theme is a 404.
    assert client.get(theme_url("vi", "steam-and-heat")).url.endswith("/hoi-nuoc-va-nhiet/")
    assert client.get(theme_url("en", "no-such-theme")).status_code == 404


HIDDEN = ("draft", "private", "password", "dated ahead", "expired")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_theme_page_and_its_count_leave_out_what_the_public_may_not_see_in_every_section(client, language):
    """Each themed section's public control shows; its draft, private, password-protected,
    dated-ahead (news) and expired items do not (in the list, the count, the overview's count);
    a public publication's private-collection file is named nowhere on it."""
    steam = make_theme()
    now = timezone.now().replace(microsecond=0)
    # Only news is listed from its date (pages.visibility): an upcoming event, or a document
    # dated ahead, is public.
    ahead = {NewsPage: {"date": now + datetime.timedelta(days=3)}}
    shown, hidden = [], []
    for model in (NewsPage, EventPage, PublicationPage, CaseStudyPage):
        label = model.__name__
        control = translated(model, f"Public {label} on steam", f"Công khai {label} hơi nước", themes=[steam])
        shown.append(control)
        for name in HIDDEN:
            if name == "dated ahead" and model not in ahead:
                continue
            fields = ahead[model] if name == "dated ahead" else {}
            page = build(
                model,
                vietnamese=None if name == "draft" else "alias",
                publish=name != "draft",
                title=f"Hidden {name} {label}",
                themes=[steam],
                **fields,
            )
            versions = list(Page.objects.filter(translation_key=page.translation_key))
            for version in versions:
                if name == "private":
                    PageViewRestriction.objects.create(page=version, restriction_type=PageViewRestriction.LOGIN)
                elif name == "password":
                    PageViewRestriction.objects.create(
                        page=version, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
                    )
            if name == "expired":  # still live, as until the scheduler unpublishes it
                Page.objects.filter(pk__in=[v.pk for v in versions]).update(
                    expire_at=now - datetime.timedelta(minutes=1)
                )
            hidden.append(page)
    collection = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model()(title="Partners-only steam memo", collection=collection)
    document.file.save("partners-only-steam-memo.pdf", ContentFile(b"%PDF-1.4 " + b"0" * 64), save=False)
    document.save()
    with_file = build(PublicationPage, title="Public report with a private file", themes=[steam], file_en=document)
    shown.append(with_file)
    clear_caches()  # the expiry dates were set on a queryset, which sends no signal

    slug = "steam-and-heat" if language == "en" else "hoi-nuoc-va-nhiet"
    html = get_page(client, theme_url(language, slug))
    listed = titles(html)
    locale = Locale.objects.get(language_code=language)
    assert sorted(listed) == sorted(twin(page, locale).title for page in shown)
    assert not any(page.title in html for page in hidden)  # an alias shows its source's title
    assert "partners-only-steam-memo" not in html and "Partners-only steam memo" not in html
    assert f'<p class="result-count" role="status">{len(shown)} ' in html
    overview = get_page(client, section(ThemesPage, language).url)
    count = rf'{slug}/">[^<]+</a></h3>\s*<p class="meta">{len(shown)} '
    assert re.search(count, overview), "the overview counts only public items"


def test_a_theme_page_filters_by_section_and_year_and_ignores_junk(client, on_steam):
    steam, items, _hidden = on_steam
    url = theme_url("en", "steam-and-heat")
    assert set(titles(get_page(client, f"{url}?section=events"))) == {items["event"].title, items["alias"].title}
    year = timezone.localdate().year
    publication = items["publication"].title
    assert publication in titles(get_page(client, f"{url}?section=publications&year={year}"))
    assert titles(get_page(client, f"{url}?year=1999")) == titles(get_page(client, url))  # not offered: ignored
    for junk in ("?page=abc", "?section=<x>", "?year=2x"):
        assert client.get(url + junk).status_code == 200


def test_the_themes_page_lists_the_themes_and_items_link_to_theirs(client, on_steam):
    steam, items, _hidden = on_steam
    overview = get_page(client, section(ThemesPage, "vi").url)
    assert "Hơi nước và nhiệt" in overview and 'href="/vi/chu-de/hoi-nuoc-va-nhiet/"' in overview
    vi = Locale.objects.get(language_code="vi")
    for page in (items["news"], items["event"], items["publication"], items["case study"]):
        html = get_page(client, twin(page, vi).url)
        assert '<a class="tag" href="/vi/chu-de/hoi-nuoc-va-nhiet/">Hơi nước và nhiệt</a>' in html, page
        assert 'href="/en/themes/steam-and-heat/"' in get_page(client, page.url)


LISTINGS = [
    (NewsIndexPage, NewsPage),
    (EventIndexPage, EventPage),
    (PublicationIndexPage, PublicationPage),
    (CaseStudyIndexPage, CaseStudyPage),
]


@pytest.mark.parametrize(("listing", "model"), LISTINGS)
def test_every_listing_filters_by_theme_with_a_clear_message_for_a_bad_one(client, listing, model):
    steam = make_theme()
    on_it = build(model, title="Steam item", themes=[steam])
    off_it = build(model, title="Another item")
    url = section(listing).url
    html = get_page(client, f"{url}?theme=steam-and-heat")
    assert '<option value="steam-and-heat" selected>Steam and heat</option>' in html
    assert on_it.title in html and off_it.title not in html
    assert "is not a theme with items here" not in html
    bad = get_page(client, f"{url}?theme=nonsense")
    assert "“nonsense” is not a theme with items here" in bad and off_it.title in bad
    vi_bad = get_page(client, section(listing, "vi").url + "?theme=nonsense")
    assert "“nonsense” không phải là chủ đề có nội dung ở đây" in vi_bad
    # Only themes with public items are offered.
    make_theme("Empty theme", "Chủ đề trống")
    assert 'value="empty-theme"' not in get_page(client, url)


def test_company_results_filter_by_theme_set_on_the_source_row(client, english, vietnamese):
    steam = make_theme()
    park = section(ParkPage)
    fields = {"park": park, "sector": "food", "year": 2023, "source": "UNIDO, 2024"}
    tagged = CompanyResult.objects.create(locale=english, company="Steam mill", **fields)
    tagged.themes.set([steam])
    CompanyResult.objects.create(
        locale=vietnamese, translation_key=tagged.translation_key, company="Nhà máy hơi", **fields
    )
    CompanyResult.objects.create(locale=english, company="Dry mill", **fields)
    html = get_page(client, section(CompanyResultsPage).url + "?theme=steam-and-heat")
    assert "Steam mill" in html and "Dry mill" not in html
    vi = get_page(client, section(CompanyResultsPage, "vi").url + "?theme=hoi-nuoc-va-nhiet")
    assert "Nhà máy hơi" in vi
    assert "“x” is not a theme" in get_page(client, section(CompanyResultsPage).url + "?theme=x")
    # The theme's page leads to the table filtered by the theme.
    table = section(CompanyResultsPage, "vi")
    link = f'<a href="{table.url}?theme=hoi-nuoc-va-nhiet">{table.title}</a>: 1 kết quả thuộc chủ đề này'
    assert link in get_page(client, theme_url("vi", "hoi-nuoc-va-nhiet"))


def test_datasets_and_the_api_carry_themes(client, on_steam):
    steam, items, _hidden = on_steam
    for language, name in (("en", "Steam and heat"), ("vi", "Hơi nước và nhiệt")):
        for dataset, page in (
            ("news", items["news"]),
            ("events", items["event"]),
            ("publications", items["publication"]),
            ("case-studies", items["case study"]),
        ):
            response = client.get(f"/{language}/data/{dataset}.json")  # streamed
            rows = json.loads(b"".join(response.streaming_content))["rows"]
            title = twin(page, Locale.objects.get(language_code=language)).title
            (row,) = [row for row in rows if row["title"] == title]
            assert row["themes"] == [name], (language, dataset)
    detail = client.get(f"/api/v2/pages/{items['news'].pk}/").json()
    assert detail["themes"] == [
        {"slug": "steam-and-heat", "name": "Steam and heat", "html_url": "http://testserver/en/themes/steam-and-heat/"}
    ]


def test_a_theme_subscription_receives_only_that_themes_items(settings):
    from pages.updates import sender, subscriptions
    from pages.updates.models import Subscriber

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    steam, water = make_theme(), make_theme("Water reuse", "Tái sử dụng nước")
    subscriber, _answer = subscriptions.subscribe("steam@example.org", "en", [], "immediate", [steam.translation_key])
    subscriptions.confirm(subscriber)
    assert Subscriber.objects.get().theme_keys() == [str(steam.translation_key)]
    mail.outbox.clear()
    event = build(EventPage, title="Steam loop opening", themes=[steam])
    build(NewsPage, title="Water reuse in a park", themes=[water])
    build(NewsPage, title="A news item on no theme")
    assert sender.run().sent == 1
    (message,) = mail.outbox
    assert message.to == ["steam@example.org"] and event.title in message.subject


def test_the_subscribe_form_offers_themes_and_accepts_a_theme_alone(client, settings):
    from pages.mail import outbox
    from pages.updates.models import SubscribePage, Subscriber

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    steam = make_theme()
    url = section(SubscribePage, "vi").url
    assert "Hơi nước và nhiệt" in get_page(client, url)
    # From a theme's page: that theme ticked, no section.
    chosen = get_page(client, theme_url("vi", "hoi-nuoc-va-nhiet")).split('href="')
    link = next(part.split('"')[0] for part in chosen if part.startswith(url + "?theme="))
    form = get_page(client, link)
    assert re.search(rf'value="{steam.translation_key}"[^>]* checked', form)
    assert not re.search(r'name="topics" value="news"[^>]* checked', form)
    data = {"email": "a@example.org", "language": "vi", "themes": [str(steam.translation_key)], "frequency": "daily"}
    response = Client().post(url, {**data, "consent": "on"})
    outbox.send_due()
    assert response.status_code == 200 and Subscriber.objects.get().theme_keys() == [str(steam.translation_key)]
    assert (
        "Hãy chọn ít nhất một mục hoặc một chủ đề."
        in Client().post(url, {**data, "themes": [], "consent": "on"}).content.decode()
    )


@pytest.mark.parametrize(
    ("language", "legends", "error"),
    [
        ("en", ["Sections", "Themes", "How often"], "Choose at least one section or theme."),
        ("vi", ["Mục", "Chủ đề", "Tần suất"], "Hãy chọn ít nhất một mục hoặc một chủ đề."),
    ],
)
def test_the_subscribe_form_names_sections_and_themes_apart(client, language, legends, error):
    # Sections (news, events, publications) and themes were both "Chủ đề" in Vietnamese.
    make_theme()
    from pages.updates.models import SubscribePage

    url = section(SubscribePage, language).url
    found = [unescape(legend).strip() for legend in re.findall(r"<legend>([^<]+)", get_page(client, url))]
    assert found == legends
    answer = client.post(url, {"email": "a@example.org", "language": language, "frequency": "daily", "consent": "on"})
    assert error in answer.content.decode()


def test_a_theme_page_costs_the_same_queries_as_content_grows(client):
    steam = make_theme()
    models = (NewsPage, EventPage, PublicationPage, CaseStudyPage)
    for model in models:  # one of each type: its pages are loaded in one query per type
        build(model, themes=[steam], vietnamese=None)
    url = theme_url("en", "steam-and-heat")
    before = cold_and_warm(client, url)
    for model in models:
        for _ in range(4):
            build(model, themes=[steam], vietnamese=None)
    cold, warm = cold_and_warm(client, url)
    # Pages load in one query per type shown: never more as the items grow (fewer types may show on page 1).
    assert cold <= before[0] and warm == before[1]


def test_the_migration_turns_every_topic_and_link_into_themes_losing_none():
    migration = importlib.import_module("news.migrations.0003_topics_to_themes")
    key, other = uuid.uuid4(), uuid.uuid4()
    topics = [
        {"pk": 1, "translation_key": key, "locale_id": 1, "name": "Policy", "slug": "policy"},
        {"pk": 2, "translation_key": key, "locale_id": 2, "name": "Chính sách", "slug": "chinh-sach"},
        {"pk": 3, "translation_key": other, "locale_id": 1, "name": "Training", "slug": "training"},
    ]
    create, theme_of = migration.plan_themes(topics, existing={(other, 1): 30})
    assert create == [
        {"translation_key": key, "locale_id": 1, "name": "Policy", "slug": "policy"},
        {"translation_key": key, "locale_id": 2, "name": "Chính sách", "slug": "chinh-sach"},
    ]
    theme_pks = {(key, 1): 10, (key, 2): 20, (other, 1): 30}
    links = [(100, 1), (100, 3), (100, 1), (200, 2), (300, 99)]
    assert migration.plan_links(links, theme_of, theme_pks) == [(100, 10), (100, 30), (200, 20)]
    content = {"title": "An article", "topic_links": [{"pk": 7, "topic": 1, "page": 100}, {"pk": 8, "topic": 3}]}
    assert migration.rewrite_content(content, {1: 10, 3: 30}) == {"title": "An article", "themes": [10, 30]}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_theme_page_kept_list_shows_an_item_published_since(client, language):
    steam = make_theme()
    translated(NewsPage, "Mills trade steam", "Các nhà máy trao đổi hơi nước", themes=[steam])
    url = theme_url(
        language, Theme.objects.get(locale__language_code=language, translation_key=steam.translation_key).slug
    )
    assert len(titles(get_page(client, url))) == 1  # the theme's items are kept now
    later = translated(EventPage, "Steam network visit", "Tham quan mạng hơi nước", themes=[steam])
    assert twin(later, Locale.objects.get(language_code=language)).title in titles(get_page(client, url))


def test_the_demo_sets_themes_on_every_sections_items_from_what_they_are_about(client):
    from pages.listing import public
    from pages.themes.lookups import themed_models

    for model in themed_models():
        tagged = public(model.objects.filter(locale__language_code="en", themes__isnull=False)).distinct().count()
        assert tagged >= 1, f"no {model.__name__} of the demo has a theme"
    # What an item is about: the waste theme's page holds the circular-economy items of several sections.
    html = get_page(client, theme_url("en", "waste-and-materials"))
    assert len(set(re.findall(r'<span class="tag">([^<]+)</span>', html))) >= 2
    vi = get_page(client, theme_url("vi", "chat-thai-va-nguyen-vat-lieu"))
    assert "<h1>Chất thải và nguyên vật liệu</h1>" in vi and titles(vi)
