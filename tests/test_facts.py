"""What the seeded site says is true (issue #18): organisers by date, solutions
identified rather than implemented, totals that add up only comparable figures,
and made-up content labelled as illustrative on the page, in both languages.
The facts come from shared/reference/facts.md."""

import csv
import io
import re
from decimal import Decimal
from html import unescape

import pytest

from events.models import EventPage
from parks.indicators import Figure, Kind, Status, comparable_totals
from parks.models import ParkPage
from publications.models import PublicationPage

from .fixtures import get_page

pytestmark = pytest.mark.django_db

RESULTS = {"en": "/en/about/project-results/", "vi": "/vi/gioi-thieu/ket-qua-du-an/"}


def text_of(html):
    """The visible words of a page, entities decoded, tags and scripts dropped."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def event(language, slug_en):
    page = EventPage.objects.get(locale__language_code="en", slug=slug_en)
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


def park(language, slug_en):
    page = ParkPage.objects.get(locale__language_code="en", slug=slug_en)
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


# Organisers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "mpi", "mof"),
    [
        ("en", "Ministry of Planning and Investment", "Ministry of Finance"),
        ("vi", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"),
    ],
)
def test_past_events_name_the_ministry_that_was_the_partner_on_their_date(client, language, mpi, mof):
    past = EventPage.objects.live().filter(locale__language_code=language, start__year__lt=2025)
    assert past.count() >= 14
    for page in past:
        assert mof not in page.organisers, f"{page.title} ({page.start:%Y}) names the Ministry of Finance"
    launch = event(language, "launch-first-phase-2014")
    html = text_of(get_page(client, launch.url))
    assert mpi in html and mof not in html.split("Organisers")[-1][:200]
    conference = event(language, "conference-circular-economy-industrial-parks-2024")
    assert conference.organisers == {"en": "UNIDO and the Ministry of Planning and Investment"}.get(
        language, "UNIDO và Bộ Kế hoạch và Đầu tư"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["HEPZA", "Hiep Phuoc Industrial Park JSC (HIPC)"]),
        ("vi", ["HEPZA", "Công ty Cổ phần KCN Hiệp Phước (HIPC)"]),
    ],
)
def test_the_2025_hiep_phuoc_consultation_was_organised_by_hepza_and_hipc(client, language, expected):
    page = event(language, "consultation-hiep-phuoc-eco-industrial-transition-2025")
    html = text_of(get_page(client, page.url))
    for name in expected:
        assert name in page.organisers and name in html
    assert "UNIDO" not in page.organisers


@pytest.mark.parametrize(("language", "online"), [("en", "Online"), ("vi", "Trực tuyến")])
def test_the_november_2021_trainings_were_online_with_vncpc(client, language, online):
    page = event(language, "training-recp-is-hiep-phuoc-2021")
    html = text_of(get_page(client, page.url))
    assert page.venue.startswith(online) and online in html
    assert "VNCPC" in page.organisers and "VNCPC" in html


# Hiep Phuoc: identified, estimated --------------------------------------------


@pytest.mark.parametrize(
    ("language", "identified", "estimated", "implemented"),
    [
        ("en", "Solutions identified", "estimated", "Measures implemented"),
        ("vi", "Giải pháp được xác định", "ước tính", "Giải pháp đã thực hiện"),
    ],
)
def test_hiep_phuoc_solutions_are_identified_and_its_savings_estimated(
    client, language, identified, estimated, implemented
):
    page = park(language, "hiep-phuoc-industrial-park")
    html = get_page(client, page.url)
    table = html[html.index('id="indicator-table"') : html.index("</table>", html.index('id="indicator-table"'))]
    rows = {
        unescape(kind): cells
        for kind, cells in re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table, re.DOTALL)
    }
    assert identified in rows and implemented not in rows
    assert "2020–2023" in rows[identified]
    cost = next(cells for kind, cells in rows.items() if "93000000000" in cells)
    assert f"<td>{estimated}</td>" in cost
    words = text_of(html)
    assert "put 300 cleaner-production solutions in place" not in words
    assert "triển khai 300 giải pháp" not in words


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_csv_carries_period_status_and_source(client, language):
    page = park(language, "hiep-phuoc-industrial-park")
    response = client.get(page.url + "indicators-csv/")
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(header) == 8
    cost = next(row for row in rows if row[3] == "93000000000")
    assert cost[5] == {"en": "estimated", "vi": "ước tính"}[language]
    assert cost[6] and cost[7] == "2020" and cost[2] == "2023"


# Totals -----------------------------------------------------------------------


def figure(park, kind, value, year=2023, first_year=None, status=Status.REPORTED, currency=""):
    return Figure(park, kind, Decimal(value), currency, first_year, year, status, f"source of {park}")


def test_totals_add_up_only_figures_of_the_same_kind_unit_period_and_status():
    lines = comparable_totals(
        [
            figure("A", Kind.WATER, 100),
            figure("B", Kind.WATER, 50),  # same kind, unit, year, status as A: added up
            figure("C", Kind.WASTEWATER, 4800),  # another kind, same unit
            figure("D", Kind.WATER, 7, first_year=2020),  # another period
            figure("E", Kind.WATER, 9, status=Status.ESTIMATED),  # another status
            figure("F", Kind.WATER, 11, status=Status.TARGET),
            figure("G", Kind.COMPANIES, 8, year=2019, first_year=2014),  # another period
            figure("H", Kind.COMPANIES, 31, year=2023, first_year=2020),
            figure("I", Kind.COST, 5, currency="USD"),  # another currency
            figure("J", Kind.COST, 6, currency="VND"),
        ]
    )
    summed = [line for line in lines if len(line["parts"]) > 1]
    assert [(line["label"], line["total"], [p.park for p in line["parts"]]) for line in summed] == [
        (Kind.WATER.label, Decimal(150), ["A", "B"])
    ]
    for line in lines:
        parts = line["parts"]
        assert line["total"] == sum(p.value for p in parts)
        assert len({(p.kind, p.currency, p.first_year, p.year, p.status) for p in parts}) == 1
    assert len(lines) == 9
    assert {line["period"] for line in lines} >= {"2023", "2020–2023", "2014–2019"}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_project_results_never_adds_wastewater_to_water_saved_nor_counts_of_other_years(client, language):
    html = get_page(client, RESULTS[language])
    block = text_of(html[html.index("park-totals") : html.index("</section>", html.index("park-totals"))])
    number = {"en": lambda n: f"{n:,}", "vi": lambda n: f"{n:,}".replace(",", ".")}[language]
    assert number(204800) not in block  # 4,800 m³ wastewater + 200,000 m³ water
    assert f"{number(200000)} m³" in block and f"{number(4800)} m³" in block
    assert {"en": "Wastewater reduced", "vi": "Lượng nước thải giảm"}[language] in block
    for count in (8 + 31, 8 + 18, 18 + 31, 8 + 18 + 31):  # companies of 2014–2019, 2023 and 2020–2023
        assert not re.search(rf"(?<![\d.,]){count} (companies|doanh nghiệp)", block), count
    for period in ("2020–2023", "2014–2019", "2023"):
        assert period in block
    assert {"en": "source:", "vi": "nguồn:"}[language] in block


# Publications, team, labels -----------------------------------------------------


def test_only_the_publications_of_the_sources_are_listed():
    slugs = set(PublicationPage.objects.filter(locale__language_code="en").values_list("slug", flat=True))
    for made_up in (
        "eip-viet-nam-fact-sheet",
        "workshop-proceedings-policies-implementation-2022",
        "eip-indicator-field-testing-summary-2022",
    ):
        assert made_up not in slugs
    paper = PublicationPage.objects.get(locale__language_code="en", slug="sustainability-2019-4687")
    assert paper.title == (
        "Lessons Learned from the Application of the UNIDO Eco-Industrial Park Toolbox in Viet Nam and Other Countries"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/about/introduction/", "Global Environment Facility (GEF), SECO and UNIDO"),
        ("/vi/gioi-thieu/gioi-thieu-du-an/", "Quỹ Môi trường Toàn cầu (GEF), SECO và UNIDO"),
        ("/vi/gioi-thieu/nhom-du-an/", "Vụ trưởng Vụ Quản lý các khu kinh tế"),
    ],
)
def test_first_phase_funders_and_the_department_head_title(client, url, expected):
    words = text_of(get_page(client, url))
    assert expected in words
    assert "Cục trưởng" not in words


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Illustrative example, not a real announcement."), ("vi", "Ví dụ minh họa, không phải thông báo thực tế.")],
)
def test_made_up_upcoming_events_say_so_on_the_page_and_in_the_listing(client, language, label):
    from django.utils import timezone

    upcoming = EventPage.objects.live().filter(locale__language_code=language, start__gte=timezone.now())
    assert upcoming.count() >= 4
    for page in upcoming:
        assert label in text_of(get_page(client, page.url)), page.url
    listing = get_page(
        client, {"en": "/en/events/upcoming-events/", "vi": "/vi/su-kien/su-kien-sap-dien-ra/"}[language]
    )
    assert label in text_of(listing)


@pytest.mark.parametrize(("language", "label"), [("en", "Illustrative example"), ("vi", "Ví dụ minh họa")])
def test_case_studies_say_they_are_illustrative(client, language, label):
    from parks.models import CaseStudyPage

    studies = CaseStudyPage.objects.live().filter(locale__language_code=language)
    assert studies.count() == 2
    for study in studies:
        assert label in text_of(get_page(client, study.url))


def test_a_park_page_of_mixed_figures_adds_up_only_the_comparable_one(client):
    """Deep C gets figures of several kinds, periods and statuses: only the one
    that matches Hiep Phuoc's water saved (2020–2023, reported) joins its total."""
    from parks.models import ParkIndicator

    deep_c = park("en", "deep-c-industrial-park")
    for kind, first_year, year, value, status in [
        (Kind.WATER, 2020, 2023, "1000", Status.REPORTED),  # comparable: 200,000 + 1,000
        (Kind.WASTEWATER, 2020, 2023, "3", Status.REPORTED),
        (Kind.WATER, None, 2023, "5", Status.REPORTED),
        (Kind.WATER, 2020, 2023, "7", Status.ESTIMATED),
        (Kind.WATER, 2020, 2023, "11", Status.TARGET),
        (Kind.ENERGY, 2020, 2023, "13", Status.REPORTED),
    ]:
        ParkIndicator.objects.create(
            page=deep_c,
            locale=deep_c.locale,
            kind=kind,
            first_year=first_year,
            year=year,
            value=Decimal(value),
            status=status,
            source="test",
        )
    html = get_page(client, RESULTS["en"])
    items = re.findall(
        r"<li>(.*?)</li>",
        html[html.index("park-totals") : html.index("</section>", html.index("park-totals"))],
        re.DOTALL,
    )
    lines = [text_of(item).strip() for item in items]
    summed = [line for line in lines if "Sum of:" in line]
    assert len(summed) == 1 and summed[0].startswith("201,000 m³ Water saved, 2020–2023 (reported)")
    assert "Deep C Industrial Park 1,000" in summed[0] and "Hiep Phuoc Industrial Park 200,000" in summed[0]
    for alone in (
        "3 m³ Wastewater reduced",
        "5 m³ Water saved, 2023",
        "7 m³ Water saved, 2020–2023 (estimated)",
        "11 m³ Water saved, 2020–2023 (target)",
        "13 MWh Energy saved",
    ):
        assert any(line.startswith(alone) and "Sum of:" not in line for line in lines), alone
