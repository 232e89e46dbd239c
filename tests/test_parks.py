"""EIP demonstration: parks, indicators, charts, CSV, case studies and company results."""

import csv
import io
import re
from decimal import Decimal
from html import unescape as html_unescape

import pytest
from django.core.exceptions import ValidationError

from parks.indicators import Kind
from parks.map import project
from parks.models import CompanyResult, ParkIndexPage, ParkIndicator, ParkPage, Sector

from .conftest import get_page
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db

INDEX = {"en": "/en/eip-demonstration/", "vi": "/vi/mo-hinh-kcn-sinh-thai/"}
COMPANIES = {
    "en": "/en/eip-demonstration/recp-is-achievements-company-level/",
    "vi": "/vi/mo-hinh-kcn-sinh-thai/ket-qua-recp-cong-sinh-cong-nghiep-cap-doanh-nghiep/",
}
NUMBER_CELL = re.compile(r'data-value="([^"]+)"')


def park(language, slug_en):
    page = ParkPage.objects.get(locale__language_code="en", slug=slug_en)
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


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
    en = get_page(client, park("en", "hiep-phuoc-industrial-park").url)
    assert "<dd>1,686 ha</dd>" in en and "<dd>1996</dd>" in en
    vi = get_page(client, park("vi", "hiep-phuoc-industrial-park").url)
    assert "<dd>1.686 ha</dd>" in vi and "Công ty Cổ phần KCN Hiệp Phước (HIPC)" in vi
    hoa_khanh = get_page(client, park("en", "hoa-khanh-industrial-park").url)
    facts = hoa_khanh[hoa_khanh.index('class="fact-sheet"') : hoa_khanh.index("</dl>")]
    assert "Area" not in facts and "Founded" not in facts and " ha</dd>" not in facts
    assert "Food processing, textiles, paper" in facts


@pytest.mark.parametrize("language", ["en", "vi"])
def test_charts_are_accessible_svg_with_a_data_table(client, language):
    page = park(language, "hiep-phuoc-industrial-park")
    html = get_page(client, page.url)
    charts = re.findall(
        r'<svg viewBox="[^"]+" role="img" aria-labelledby="(chart-[\w-]+-title) (chart-[\w-]+-desc)">'
        r"\s*<title id=\"\1\">([^<]+)</title>\s*<desc id=\"\2\">([^<]+)</desc>",
        html,
    )
    assert len(charts) == page.indicators.count() == 5
    for _title_id, _desc_id, title, description in charts:
        assert title.strip() and re.search(r"2023: [\d.,]+", description)
    assert '<table class="data-table" id="indicator-table">' in html


@pytest.mark.parametrize("language", ["en", "vi"])
def test_csv_matches_the_table_on_the_page(client, language):
    page = park(language, "hiep-phuoc-industrial-park")
    html = get_page(client, page.url)
    table = html[html.index('id="indicator-table"') : html.index("</table>", html.index('id="indicator-table"'))]
    shown = [Decimal(value) for value in NUMBER_CELL.findall(table)]
    titles = re.findall(r'<tr><th scope="row">([^<]+)</th>', table)
    response = client.get(page.url + "indicators-csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="{page.slug}-indicators-{language}.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [Decimal(row[3]) for row in rows[1:]] == shown
    assert [row[1] for row in rows[1:]] == titles
    assert all(row[0] == page.title for row in rows[1:])


def test_park_without_indicators_says_so(client):
    assert "No indicators have been published for this park yet." in get_page(
        client, park("en", "deep-c-industrial-park").url
    )
    assert "indicators-csv" not in get_page(client, park("vi", "deep-c-industrial-park").url)


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
def test_company_totals_add_up_only_the_rows_of_one_year(client, language):
    html = get_page(client, COMPANIES[language])
    rows = _table_numbers(html)
    results = CompanyResult.objects.filter(locale__language_code=language)
    assert len(rows) == results.count() >= 10
    totals = _totals(html)
    years = set(results.values_list("year", flat=True))
    assert set(totals) == years and len(years) > 1  # one total per year, none across years
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
    assert re.search(rf"<th scope=\"row\">[^<]*\b2023 \({label}\)", html)


def test_company_filters_narrow_the_rows_and_totals(client, english):
    hiep_phuoc = park("en", "hiep-phuoc-industrial-park")
    html = get_page(client, f"{COMPANIES['en']}?park={hiep_phuoc.pk}")
    expected = CompanyResult.objects.filter(locale=english, park=hiep_phuoc)
    assert len(_table_numbers(html)) == expected.count() == 4
    assert _totals(html)[2023]["measures"] == str(sum(r.measures for r in expected.filter(year=2023)))
    food_2023 = CompanyResult.objects.filter(locale=english, sector=Sector.FOOD, year=2023)
    html = get_page(client, f"{COMPANIES['en']}?sector=food&year=2023")
    assert len(_table_numbers(html)) == food_2023.count() > 0
    empty = get_page(client, f"{COMPANIES['en']}?park={hiep_phuoc.pk}&year=2019")
    assert "No company results match these filters." in empty


@pytest.mark.parametrize(
    "query", ["?park=abc", "?park=999999", "?sector=<script>", "?year=20x3", "?year=1800&page=zz", "?park=&sector="]
)
def test_bad_company_filters_are_ignored(client, english, query):
    html = get_page(client, COMPANIES["en"] + query)
    assert len(_table_numbers(html)) == CompanyResult.objects.filter(locale=english).count()
    assert "<script>" not in html.split("</head>")[1].split('class="site-footer"')[0].replace("&lt;script&gt;", "")


@pytest.mark.parametrize(
    ("language", "url"), [("en", "/en/about/project-results/"), ("vi", "/vi/gioi-thieu/ket-qua-du-an/")]
)
def test_project_results_totals_come_from_the_indicators(client, language, url):
    formatted = {"en": lambda n: f"{n:,.0f}", "vi": lambda n: f"{n:,.0f}".replace(",", ".")}[language]
    tonnes = {"en": "t CO2e", "vi": "tấn CO2e"}[language]
    section = get_page(client, url)
    section = section[section.index("park-totals") :]
    hiep_phuoc = park(language, "hiep-phuoc-industrial-park")
    assert f"{formatted(28500)} {tonnes}" in section
    # A figure comparable with one shown (same kind, unit, period, status) is
    # added to it, without typing the total anywhere.
    ParkIndicator.objects.create(
        page=park(language, "tra-noc-industrial-park-1-2"),
        locale=hiep_phuoc.locale,
        kind=Kind.CO2E,
        first_year=2020,
        year=2023,
        value=Decimal("1000"),
        source="test",
    )
    section = get_page(client, url)
    assert f"{formatted(29500)} {tonnes}" in section[section.index("park-totals") :]


def test_case_study_links_its_parks_in_the_page_language(client, vietnamese):
    from parks.models import CaseStudyPage

    study = CaseStudyPage.objects.get(locale=vietnamese, slug="hoa-khanh-trao-doi-phu-pham")
    html = get_page(client, study.url)
    assert f'<a href="{park("vi", "hoa-khanh-industrial-park").url}">KCN Hòa Khánh</a>' in html
    assert "Bao bì giấy và bìa các-tông thải" in html
    assert "Nghiên cứu tiền khả thi" in html or "Pre-feasibility study" in html


def test_park_page_lists_its_case_studies_and_company_results(client):
    html = get_page(client, park("en", "hoa-khanh-industrial-park").url)
    assert "Hoa Khanh: food, textile and paper companies trading by-products" in html
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
    page = ParkPage.objects.filter(locale__language_code="en").first()
    indicator = ParkIndicator(page=page, locale=page.locale, year=2023, source="test", **fields)
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert field in error.value.message_dict


def test_listings_cost_the_same_queries_with_more_parks_and_rows(client, english):
    urls = [INDEX["en"], COMPANIES["en"], park("en", "hiep-phuoc-industrial-park").url]
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    index = ParkIndexPage.objects.get(locale=english)
    template = park("en", "hiep-phuoc-industrial-park")
    for number in range(4):
        extra = ParkPage(
            title=f"Extra park {number}",
            slug=f"extra-park-{number}",
            location="Somewhere",
            latitude=Decimal("12.0"),
            longitude=Decimal("108.0"),
        )
        index.add_child(instance=extra)
        extra.save_revision().publish()
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
    from wagtail_localize.models import TranslationSource

    source_page = park("en", "hiep-phuoc-industrial-park")
    source_page.indicators.filter(kind=Kind.CO2E).update(value=Decimal("30000"))
    source = TranslationSource.objects.get_for_instance(source_page)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(vietnamese, fallback=True)
    twin = source_page.get_translation(vietnamese)
    twin_indicator = twin.indicators.get(kind=Kind.CO2E)
    assert twin_indicator.value == Decimal("30000")
    assert twin_indicator.source == "theo báo cáo giai đoạn 2020–2023, UNIDO và HEPZA"
    assert twin.area_ha == source_page.area_ha


def test_park_editors_open_the_right_editor(client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    client.force_login(get_user_model().objects.create_superuser("parks-editor", "p@example.org", "pw-long-enough"))
    english_park = park("en", "amata-industrial-park")
    response = client.get(reverse("wagtailadmin_pages:edit", args=(english_park.pk,)))
    assert response.status_code == 200 and "indicators-FORMS" in response.content.decode()
    vietnamese_park = park("vi", "amata-industrial-park")
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
    page = park(language, "hiep-phuoc-industrial-park")
    html = get_page(client, page.url)
    for heading in headings:
        assert heading in html
    from events.models import EventPage

    event = EventPage.objects.live().filter(locale=page.locale, park_links__park__translation_key=page.translation_key)
    assert event.exists() and event.first().url in html
