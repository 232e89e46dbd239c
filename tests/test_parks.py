"""EIP demonstration: parks, indicators, charts, CSV, case studies and company results."""

import csv
import io
import re
from decimal import Decimal
from html import unescape as html_unescape
from html import unescape as unescape_html

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from events.models import EventPage, EventPark
from news.models import NewsPage, NewsRelatedPage
from parks.indicators import Kind, Status
from parks.map import project
from parks.models import (
    CaseStudyFlow,
    CaseStudyPage,
    CaseStudyPark,
    CompanyResult,
    CompanyResultsPage,
    ParkIndexPage,
    ParkIndicator,
    ParkPage,
    Sector,
)
from publications.models import PublicationPage, PublicationPark

from .editorial import twin
from .factories import build, section, translate_page
from .fixtures import get_page
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db

INDEX = {"en": "/en/eip-demonstration/", "vi": "/vi/mo-hinh-kcn-sinh-thai/"}
NUMBER_CELL = re.compile(r'data-value="([^"]+)"')
SOURCE = ("reported for 2020–2023, UNIDO and HEPZA", "theo báo cáo giai đoạn 2020–2023, UNIDO và HEPZA")


def park(language, slug_en):
    page = ParkPage.objects.get(locale__language_code="en", slug=slug_en)
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


def locale(language):
    return Locale.objects.get(language_code=language)


def park_with_figures(extra=(), **fields):
    """A translated park with five figures for 2020–2023 (and ``extra`` ones)."""
    figures = [(Kind.CO2E, "1200"), (Kind.COMPANIES, "12"), (Kind.SOLUTIONS, "45"), (Kind.WATER, "8000")]
    indicators = [
        ParkIndicator(kind=kind, first_year=2020, year=2023, value=Decimal(value), source=SOURCE[0])
        for kind, value in figures
    ]
    indicators.append(
        ParkIndicator(
            kind=Kind.COST,
            first_year=2020,
            year=2023,
            value=Decimal("2500000000"),
            currency="VND",
            status=Status.ESTIMATED,
            source=SOURCE[0],
        )
    )
    indicators += list(extra)
    page = build(
        ParkPage, vietnamese=None, title="Green Valley park", location="Da Nang", indicators=indicators, **fields
    )
    translate_page(page, {"title": "KCN Thung Lũng Xanh", "location": "Đà Nẵng"}, more={SOURCE[0]: SOURCE[1]})
    return page


def company_result(park, company, sector=Sector.FOOD, year=2023, **fields):
    """A company's result and its Vietnamese translation (both name the English park)."""
    result = CompanyResult.objects.create(
        locale=locale("en"), company=company, park=park, sector=sector, year=year, source="UNIDO, 2024", **fields
    )
    result.copy_for_translation(locale("vi")).save()
    return result


@pytest.mark.parametrize("language", ["en", "vi"])
def test_index_shows_five_parks_as_cards_and_map_markers(client, language):
    html = get_page(client, INDEX[language])
    parks = list(ParkPage.objects.live().filter(locale__language_code=language).order_by("path"))
    assert len(parks) == 5
    cards = re.findall(r'<h2><a href="([^"]+)">', html)
    assert cards == [p.url for p in parks]
    markers = re.findall(
        r'<a href="([^"]+)" class="park-marker" data-park="[^"]+">\s*<title>(\d+)\. ([^<]+)</title>\s*'
        r'<circle cx="([\d.]+)" cy="([\d.]+)"',
        html,
    )
    assert [m[0] for m in markers] == [p.url for p in parks]
    for (_url, _number, title, x, y), page in zip(markers, parks, strict=True):
        expected = project(page.longitude, page.latitude)
        assert (float(x), float(y)) == pytest.approx(expected, abs=0.1)
        assert html_unescape(title) == page.title
    # North to south: Deep C (Hai Phong), Hoa Khanh (Da Nang), then the southern parks.
    y_of = {page.translation_key: float(m[4]) for m, page in zip(markers, parks, strict=True)}
    deep_c, hoa_khanh, tra_noc = (
        park(language, s)
        for s in ("deep-c-industrial-park", "hoa-khanh-industrial-park", "tra-noc-industrial-park-1-2")
    )
    assert y_of[deep_c.translation_key] < y_of[hoa_khanh.translation_key] < y_of[tra_noc.translation_key]


def test_park_fact_sheet_in_both_languages_hides_unknown_facts(client):
    known = build(
        ParkPage,
        vietnamese="translated",
        title="Green Valley park",
        area_ha=Decimal("1686"),
        year_founded=1996,
        developer="Green Valley Industrial Park JSC",
        vi={"title": "KCN Thung Lũng Xanh", "developer": "Công ty Cổ phần KCN Thung Lũng Xanh"},
    )
    en = get_page(client, known.url)
    assert "<dd>1,686 ha</dd>" in en and "<dd>1996</dd>" in en
    vi = get_page(client, twin(known, locale("vi")).url)
    assert "<dd>1.686 ha</dd>" in vi and "Công ty Cổ phần KCN Thung Lũng Xanh" in vi
    sparse = get_page(client, build(ParkPage, sectors="Food processing, textiles, paper").url)
    facts = sparse[sparse.index('class="fact-sheet"') : sparse.index("</dl>")]
    assert "Area" not in facts and "Founded" not in facts and " ha</dd>" not in facts
    assert "Food processing, textiles, paper" in facts


@pytest.mark.parametrize("language", ["en", "vi"])
def test_charts_are_accessible_svg_with_a_data_table(client, language):
    water_2022 = ParkIndicator(kind=Kind.WATER, year=2022, value=Decimal("6500"), source=SOURCE[0])
    page = twin(park_with_figures(extra=[water_2022]), locale(language))
    html = get_page(client, page.url)
    charts = re.findall(
        r'<svg viewBox="[^"]+" role="img" aria-labelledby="(chart-[\w-]+-title) (chart-[\w-]+-desc)">'
        r"\s*<title id=\"\1\">([^<]+)</title>\s*<desc id=\"\2\">([^<]+)</desc>",
        html,
    )
    # A chart only where there is a series: the water figure has two periods, the others one.
    assert len(charts) == 1 and page.indicators.count() == 6
    (_title_id, _desc_id, title, description) = charts[0]
    assert title.startswith({"en": "Water", "vi": "Nước"}[language])
    assert re.search(r"2022: [\d.,]+ m³.*2023: [\d.,]+ m³", description)
    # The other figures as numbers, each with its period, status and source.
    figures = re.findall(r'<li class="key-figure">(.*?)</li>', html, re.S)
    assert len(figures) == 4
    for figure in figures:
        assert "2020–2023" in figure and SOURCE[language == "vi"] in unescape_html(figure)
    assert '<table class="data-table" id="indicator-table">' in html


@pytest.mark.parametrize("language", ["en", "vi"])
def test_csv_matches_the_table_on_the_page(client, language):
    page = twin(park_with_figures(), locale(language))
    html = get_page(client, page.url)
    table = html[html.index('id="indicator-table"') : html.index("</table>", html.index('id="indicator-table"'))]
    shown = [Decimal(value) for value in NUMBER_CELL.findall(table)]
    titles = re.findall(r'<tr><th scope="row">([^<]+)</th>', table)
    response = client.get(page.url + "indicators-csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="{page.slug}-indicators-{language}.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 6
    assert [Decimal(row[3]) for row in rows[1:]] == shown
    assert [row[1] for row in rows[1:]] == titles
    assert all(row[0] == page.title for row in rows[1:])


def test_park_without_indicators_says_so(client):
    bare = build(ParkPage, vietnamese="translated")
    html = get_page(client, bare.url)
    assert "No indicators have been published for this park yet." in html and "indicators-csv" not in html
    html = get_page(client, twin(bare, locale("vi")).url)
    assert "Chưa có chỉ số nào được công bố cho khu công nghiệp này." in html and "indicators-csv" not in html


def _table_numbers(html):
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    return [[Decimal(v) for v in NUMBER_CELL.findall(row)] for row in rows]


def _totals(html):
    """The totals of the table by year: {year: {column: shown number}}."""
    footer = html[html.index("<tfoot>") : html.index("</tfoot>")]
    rows = re.findall(r'<tr data-year="(\d+)">(.*?)</tr>', footer, re.DOTALL)
    return {int(year): dict(re.findall(r'data-total="([\w-]+)">([^<]+)<', row)) for year, row in rows}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_sortable_numbers_are_machine_readable_in_both_languages(client, language):
    # The tables sort on data-value: "12,5" in Vietnamese would sort as 12.
    green = build(
        ParkPage,
        vietnamese=None,
        indicators=[ParkIndicator(kind=Kind.ENERGY, year=2023, value=Decimal("12.5"), source=SOURCE[0])],
    )
    translate_page(green, {"title": "KCN Thung Lũng Xanh", "location": "Đà Nẵng"}, more={SOURCE[0]: SOURCE[1]})
    company_result(green, "Food processor A", energy_mwh=Decimal("12.5"))
    shown = {"en": "12.5", "vi": "12,5"}[language]
    park_html = get_page(client, green.get_translation(locale(language)).url)
    assert f'data-value="12.5">{shown}</td>' in park_html
    table_html = get_page(client, section(CompanyResultsPage, language).url)
    assert f'data-value="12.5">{shown}</td>' in table_html


@pytest.mark.parametrize("language", ["en", "vi"])
def test_company_totals_add_up_only_the_rows_of_one_year(client, language):
    # Two years of a park's own, each with one status, costs in both currencies.
    green = build(ParkPage, title="Green Valley park")
    for company, sector, year, measures, energy, cost, currency in [
        ("Food processor A", Sector.FOOD, 2030, 3, "120", "1500", "USD"),
        ("Paper mill B", Sector.PAPER, 2030, 4, "80", "2000000", "VND"),
        ("Textile mill C", Sector.TEXTILES, 2031, 5, "45", "700", "USD"),
    ]:
        company_result(
            green,
            company,
            sector,
            year,
            measures=measures,
            energy_mwh=Decimal(energy),
            cost_saved=Decimal(cost),
            currency=currency,
            status=Status.ESTIMATED,
        )
    html = get_page(client, section(CompanyResultsPage, language).url)
    rows = _table_numbers(html)
    results = CompanyResult.objects.filter(locale__language_code=language)
    assert len(rows) == results.count()
    totals = _totals(html)
    years = set(results.values_list("year", flat=True))
    assert {2030, 2031} <= set(totals) == years  # one total per year, none across years
    separator = "," if language == "en" else "."

    def number(text):
        return Decimal(text.split()[0].replace(separator, "").replace(",", "."))

    for year in years:
        of_year = results.filter(year=year)
        for name in ["measures", "energy_mwh", "water_m3", "co2e_t", "waste_t"]:
            assert number(totals[year][name]) == sum(getattr(r, name) for r in of_year), (year, name)
        for currency in ("USD", "VND"):
            expected = sum(r.cost_saved for r in of_year.filter(currency=currency))
            assert number(totals[year].get(f"cost-{currency}", "0")) == expected
    label = {"en": "estimated", "vi": "ước tính"}[language]
    assert re.search(rf"<th scope=\"row\">[^<]*\b2031 \({label}\)", html)


def test_company_filters_narrow_the_rows_and_totals(client, english):
    companies = section(CompanyResultsPage).url
    green, blue = build(ParkPage, title="Green Valley park"), build(ParkPage, title="Blue River park")
    company_result(green, "Food processor A", Sector.FOOD, 2023, measures=3)
    company_result(green, "Food processor B", Sector.FOOD, 2023, measures=2)
    company_result(green, "Paper mill C", Sector.PAPER, 2023, measures=4)
    company_result(green, "Textile mill D", Sector.TEXTILES, 2022, measures=1)
    company_result(blue, "Food processor E", Sector.FOOD, 2019)
    html = get_page(client, f"{companies}?park={green.pk}")
    expected = CompanyResult.objects.filter(locale=english, park=green)
    assert len(_table_numbers(html)) == expected.count() == 4
    assert _totals(html)[2023]["measures"] == "9"
    food_2023 = CompanyResult.objects.filter(locale=english, sector=Sector.FOOD, year=2023)
    html = get_page(client, f"{companies}?sector=food&year=2023")
    assert len(_table_numbers(html)) == food_2023.count() > 0
    assert "Food processor A" in html and "Paper mill C" not in html and "Food processor E" not in html
    empty = get_page(client, f"{companies}?park={green.pk}&year=2019")
    assert "No company results match these filters." in empty


@pytest.mark.parametrize(
    "query", ["?park=abc", "?park=999999", "?sector=<script>", "?year=20x3", "?year=1800&page=zz", "?park=&sector="]
)
def test_bad_company_filters_are_ignored(client, english, query):
    html = get_page(client, section(CompanyResultsPage).url + query)
    assert len(_table_numbers(html)) == CompanyResult.objects.filter(locale=english).count()
    assert "<script>" not in html.split("</head>")[1].split('class="site-footer"')[0].replace("&lt;script&gt;", "")


@pytest.mark.parametrize(
    ("language", "url"), [("en", "/en/about/project-results/"), ("vi", "/vi/gioi-thieu/ket-qua-du-an/")]
)
def test_project_results_totals_come_from_the_indicators(client, language, url):
    formatted = {"en": lambda n: f"{n:,.0f}", "vi": lambda n: f"{n:,.0f}".replace(",", ".")}[language]
    tonnes = {"en": "t CO2e", "vi": "tấn CO2e"}[language]
    html = get_page(client, url)
    assert f"{formatted(28500)} {tonnes}" in html[html.index("park-totals") :]  # the demonstration parks' own total
    # A figure comparable with one shown (same kind, unit, period, status) is
    # added to it, without typing the total anywhere.
    ParkIndicator.objects.create(
        page=twin(build(ParkPage), locale(language)),
        locale=locale(language),
        kind=Kind.CO2E,
        first_year=2020,
        year=2023,
        value=Decimal("1000"),
        source="test",
    )
    html = get_page(client, url)
    assert f"{formatted(29500)} {tonnes}" in html[html.index("park-totals") :]


def test_case_study_links_its_parks_in_the_page_language(client, vietnamese):
    green = build(ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"})
    flow = CaseStudyFlow(
        kind=CaseStudyFlow.FlowKind.BY_PRODUCT,
        description="Waste paper and cardboard packaging",
        source="Food processor",
        destination="Paper mill",
    )
    study = build(
        CaseStudyPage,
        vietnamese=None,
        title="Green Valley: mills trading by-products",
        stage=CaseStudyPage.Stage.FEASIBILITY,
        park_links=[CaseStudyPark(park=green)],
        flows=[flow],
    )
    html = get_page(
        client,
        translate_page(
            study,
            {"title": "Thung Lũng Xanh: trao đổi phụ phẩm", "participants": "Hai doanh nghiệp trong khu"},
            more={
                "Waste paper and cardboard packaging": "Bao bì giấy và bìa các-tông thải",
                "Food processor": "Doanh nghiệp chế biến thực phẩm",
                "Paper mill": "Nhà máy giấy",
            },
        ).url,
    )
    assert f'<a href="{twin(green, vietnamese).url}">KCN Thung Lũng Xanh</a>' in html
    assert "Bao bì giấy và bìa các-tông thải" in html
    assert "Nghiên cứu tiền khả thi" in html and "Pre-feasibility study" not in html


def test_park_page_lists_its_case_studies_and_company_results(client):
    green = build(ParkPage, title="Green Valley park")
    study = build(
        CaseStudyPage, title="Green Valley: mills trading by-products", park_links=[CaseStudyPark(park=green)]
    )
    company_result(green, "Paper mill H", Sector.PAPER)
    html = get_page(client, green.url)
    assert study.title in html
    assert "Paper mill H" in html


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": Kind.WATER, "value": Decimal("-1")}, "value"),
        ({"kind": Kind.COST, "value": Decimal("5"), "currency": ""}, "currency"),
        ({"kind": Kind.WATER, "value": Decimal("5"), "currency": "USD"}, "currency"),
    ],
)
def test_indicator_refuses_negative_figures_and_wrong_units(fields, field):
    page = build(ParkPage, vietnamese=None)
    indicator = ParkIndicator(page=page, locale=page.locale, year=2023, source="test", **fields)
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert field in error.value.message_dict


def test_listings_cost_the_same_queries_with_more_parks_and_rows(client, english):
    template = park_with_figures()
    company_result(template, "Food processor A")
    company_result(template, "Paper mill B", Sector.PAPER)
    # The park's page lists what is about it: each kind of list is measured.
    build(EventPage, park_links=[EventPark(park=template)])
    build(PublicationPage, park_links=[PublicationPark(park=template)])
    build(NewsPage, related_links=[NewsRelatedPage(related=template)])
    build(CaseStudyPage, park_links=[CaseStudyPark(park=template)])
    urls = [section(ParkIndexPage).url, section(CompanyResultsPage).url, template.url]
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    for number in range(4):
        build(
            ParkPage,
            vietnamese=None,
            title=f"Extra park {number}",
            location="Somewhere",
            latitude=Decimal("12.0"),
            longitude=Decimal("108.0"),
        )
    for number in range(30):
        CompanyResult.objects.create(
            locale=english, company=f"Company {number}", park=template, sector=Sector.OTHER, year=2024, source="test"
        )
    for number in range(5):
        ParkIndicator.objects.create(
            page=template, locale=english, kind=Kind.ENERGY, year=2010 + number, value=Decimal(number), source="test"
        )
    after = {url: cold_and_warm(client, url) for url in urls}
    # Cold as well as warm: an N+1 must show while the caches refill.
    assert after == before


def test_figures_are_synchronised_and_words_translated(english, vietnamese, django_capture_on_commit_callbacks):
    source_page = park_with_figures(area_ha=Decimal("366.5"))
    source_page.indicators.filter(kind=Kind.CO2E).update(value=Decimal("30000"))
    source = TranslationSource.objects.get_for_instance(source_page)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(vietnamese, fallback=True)
    twin = source_page.get_translation(vietnamese)
    twin_indicator = twin.indicators.get(kind=Kind.CO2E)
    assert twin_indicator.value == Decimal("30000")
    assert twin_indicator.source == SOURCE[1]
    assert twin.area_ha == source_page.area_ha == Decimal("366.5")


def test_park_editors_open_the_right_editor(client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    client.force_login(get_user_model().objects.create_superuser("parks-editor", "p@example.org", "pw-long-enough"))
    english_park = build(
        ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"}
    )
    response = client.get(reverse("wagtailadmin_pages:edit", args=(english_park.pk,)))
    assert response.status_code == 200 and "indicators-FORMS" in response.content.decode()
    vietnamese_park = twin(english_park, locale("vi"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(vietnamese_park.pk,)))
    assert response.status_code == 200 and "js-translation-editor" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["Events at this park", "Publications about this park", "News about this park"]),
        ("vi", ["Sự kiện tại khu công nghiệp này", "Ấn phẩm về khu công nghiệp này", "Tin tức về khu công nghiệp này"]),
    ],
)
def test_park_page_shows_its_events_publications_and_news(client, language, headings):
    green = build(ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"})
    about_it = [
        build(model, vietnamese="translated", title=title, vi={"title": vi}, **{links: [link(green)]})
        for model, title, vi, links, link in [
            (EventPage, "Study tour to Green Valley", "Tham quan KCN Thung Lũng Xanh", "park_links",
             lambda park: EventPark(park=park)),
            (PublicationPage, "Green Valley's symbiosis report", "Báo cáo cộng sinh KCN Thung Lũng Xanh",
             "park_links", lambda park: PublicationPark(park=park)),
            (NewsPage, "Green Valley raises its score", "KCN Thung Lũng Xanh nâng điểm", "related_links",
             lambda park: NewsRelatedPage(related=park)),
        ]
    ]  # fmt: skip
    html = get_page(client, twin(green, locale(language)).url)
    for heading in headings:
        assert heading in html
    for page in about_it:
        assert f'href="{twin(page, locale(language)).url}"' in html
    # The lists are kept as HTML per park: another park shows its own, and
    # what is published next shows at once.
    other = get_page(client, park(language, "amata-industrial-park").url)
    assert not any(f'href="{twin(page, locale(language)).url}"' in other for page in about_it)
    late = build(
        NewsPage,
        vietnamese="translated",
        title="Green Valley closes its water loop",
        vi={"title": "KCN Thung Lũng Xanh khép kín vòng tuần hoàn nước"},
        related_links=[NewsRelatedPage(related=green)],
    )
    assert f'href="{twin(late, locale(language)).url}"' in get_page(client, twin(green, locale(language)).url)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_kept_park_html_shows_what_editors_publish_at_once(client, language):
    """The map and cards, the indicators and the company table are kept as HTML
    between publishes: what an editor publishes shows on the next request."""
    amata = park(language, "amata-industrial-park")
    companies = section(CompanyResultsPage, language).url
    for url in (INDEX[language], amata.url, companies, f"{companies}?park={amata.pk}"):
        get_page(client, url)  # kept now

    amata.title = "Amata Green City"
    amata.location = "Biên Hòa, Đồng Nai"
    indicators = list(amata.indicators.all())
    indicators[0].value = Decimal("7777")
    amata.indicators = indicators
    amata.save_revision().publish()
    result = CompanyResult.objects.filter(locale__language_code=language).first()
    result.company = "Renamed processor Z"
    result.save()

    index = get_page(client, INDEX[language])
    assert f'<h2><a href="{amata.url}">Amata Green City</a></h2>' in index
    assert "Amata Green City</title>" in index  # its map marker
    assert "Biên Hòa, Đồng Nai" in index
    assert 'data-value="7777"' in get_page(client, amata.url)
    assert "Renamed processor Z" in get_page(client, companies)
