"""A park's road to an eco-industrial park: assessments over time, on the park
page, on the page comparing the parks, in the datasets and the API, in both languages."""

import csv
import io
import json
import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import Locale

from parks.models import AssessmentComparisonPage, ParkAssessment, ParkIndexPage, ParkPage
from parks.models.assessments import Framework, Stage

from .editorial import client_for
from .factories import build, section, translate_page
from .fixtures import get_page
from .queries import cold_and_warm
from .servers import _FormParser

pytestmark = pytest.mark.django_db

WORDS = {
    "en": {
        "met": "{}% of the criteria met",
        "none": "No assessment of this park against eco-industrial park criteria has been published",
        "no_row": "No published assessment",
        "january": "January 2024",
        "undated": "date not published",
        "baseline": "Baseline",
        "caption": "Each dot is one assessment, from the baseline to the latest; 0 to 100% of the criteria.",
    },
    "vi": {
        "met": "Đạt {}% tiêu chí",
        "none": "Chưa có kết quả đánh giá nào của khu công nghiệp này theo tiêu chí khu công nghiệp sinh thái "
        "được công bố",
        "no_row": "Chưa có kết quả đánh giá được công bố",
        "january": "tháng 1 năm 2024",
        "undated": "không công bố thời điểm",
        "baseline": "Mức cơ sở",
        "caption": "Mỗi chấm là một lần đánh giá, từ mức cơ sở đến lần gần nhất, trên thang 0–100% số tiêu chí.",
    },
}


def park(language, slug_en):
    page = ParkPage.objects.get(locale__language_code="en", slug=slug_en)
    return page.get_translation(Locale.objects.get(language_code=language))


@pytest.mark.parametrize("language", ["en", "vi"])
def test_amata_shows_its_road_and_a_park_without_an_assessment_says_so(client, language):
    words = WORDS[language]
    html = unescape(get_page(client, park(language, "amata-industrial-park").url))
    road = html[html.index('id="assessment-heading"') : html.index('id="indicators-heading"')]
    assert road.index(words["met"].format(41)) < road.index(words["met"].format(86))  # baseline first
    assert words["baseline"] in road and words["undated"] in road and words["january"] in road
    comparison = section(AssessmentComparisonPage, language)
    assert f'href="{comparison.url}"' in road

    deep_c = unescape(get_page(client, park(language, "deep-c-industrial-park").url))
    road = deep_c[deep_c.index('id="assessment-heading"') : deep_c.index('id="indicators-heading"')]
    assert words["none"] in road and "%" not in road  # nothing estimated


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_comparison_page_charts_and_tables_every_park(client, language):
    words = WORDS[language]
    page = section(AssessmentComparisonPage, language)
    html = unescape(get_page(client, page.url))
    parks = list(ParkPage.objects.live().filter(locale__language_code=language).order_by("path"))
    # The chart: an image with a text description naming every park and its figures.
    description = re.search(r'<desc id="assessment-chart-desc">(.*?)</desc>', html, re.S).group(1)
    for each in parks:
        assert each.title in description
    assert "41%" in description and "86%" in description
    assert description.count(words["no_row"].lower()) == 4
    # The chart's caption in the page's language (a "%" in {% translate %} is looked up as "%%").
    assert re.search(r"<figcaption>(.*?)</figcaption>", html, re.S).group(1).startswith(words["caption"])
    # The table: Amata's two rows with their date, status and source; one row for each other park.
    table = html[html.index('id="assessment-table"') : html.index("</table>")]
    assert re.findall(r'data-value="([\d.]+)"', table) == ["41", "86"]
    assert words["january"] in table and words["undated"] in table and "AMATA City Bien Hoa scores highest" in table
    assert table.count(words["no_row"]) == 4
    # Linked from the EIP demonstration section and from the Data page.
    assert f'href="{page.url}"' in get_page(client, section(ParkIndexPage, language).url)
    assert f'href="{page.url}"' in get_page(client, f"/{language}/data/" if language == "en" else "/vi/du-lieu/")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_dataset_and_the_api_carry_the_assessments(client, language):
    rows = json.loads(client.get(f"/{language}/data/assessments.json").getvalue())["rows"]
    assert [(row["status_code"], row["year"], row["month"], row["share_met"]) for row in rows] == [
        ("baseline", None, None, 41),
        ("follow-up", 2024, 1, 86),
    ]
    response = client.get(f"/{language}/data/assessments.csv")
    header = next(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert header[:3] == ["park", "park_url", "framework_code"]
    amata = park(language, "amata-industrial-park")
    api = json.loads(client.get(f"/api/v2/pages/{amata.pk}/").content)
    assert [item["share_met"] for item in api["assessments"]] == ["41.0", "86.0"]


def test_an_assessment_added_in_the_admin_shows_everywhere_in_both_languages(client, moderator):
    green = build(ParkPage, vietnamese=None, title="Green Valley park", location="Da Nang")
    staff = client_for(moderator)
    url = reverse("wagtailadmin_pages:edit", args=[green.pk])
    parser = _FormParser("page-edit-form")
    parser.feed(get_page(staff, url))
    data = dict(parser.fields)
    number = int(data["assessments-TOTAL_FORMS"][0])
    new = {
        "framework": Framework.INTERNATIONAL,
        "framework_name": "",
        "stage": Stage.BASELINE,
        "year": "2022",
        "month": "",
        "share_met": "35",
        "management_share": "",
        "environmental_share": "50",
        "social_share": "",
        "economic_share": "",
        "assessor": "UNIDO (test)",
        "source": "Test report",
        "source_url": "",
        "id": "",
        "ORDER": str(number + 1),
        "DELETE": "",
    }
    data.update({f"assessments-{number}-{name}": value for name, value in new.items()})
    data["assessments-TOTAL_FORMS"] = [str(number + 1)]
    data["action-publish"] = "action-publish"
    response = staff.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    # Its Vietnamese twin follows when translated (figures synchronised, words translated).
    more = {"UNIDO (test)": "UNIDO (thử)", "Test report": "Báo cáo thử"}
    translate_page(ParkPage.objects.get(pk=green.pk), {"title": "KCN Thung Lũng Xanh", "location": "Đà Nẵng"}, more)

    for language, assessor in (("en", "UNIDO (test)"), ("vi", "UNIDO (thử)")):
        page = ParkPage.objects.get(translation_key=green.translation_key, locale__language_code=language)
        html = unescape(get_page(client, page.url))
        assert WORDS[language]["met"].format(35) in html and assessor in html
        comparison = unescape(get_page(client, section(AssessmentComparisonPage, language).url))
        assert assessor in comparison and page.title in comparison
        assert comparison.count(WORDS[language]["no_row"]) == 4 + 4  # the other parks, in the chart and the table
        rows = json.loads(client.get(f"/{language}/data/assessments.json").getvalue())["rows"]
        assert any(row["share_met"] == 35 and row["environmental_share"] == 50 for row in rows)
        api = json.loads(client.get(f"/api/v2/pages/{page.pk}/").content)
        assert [item["share_met"] for item in api["assessments"]] == ["35.0"]


def test_other_criteria_need_their_name_and_a_month_needs_its_year():
    row = ParkAssessment(
        framework=Framework.OTHER, stage=Stage.BASELINE, share_met=Decimal(10), assessor="a", source="b"
    )
    with pytest.raises(Exception, match="name of the criteria"):
        row.clean()
    row = ParkAssessment(framework=Framework.INTERNATIONAL, month=3, share_met=Decimal(10), assessor="a", source="b")
    with pytest.raises(Exception, match="month needs its year"):
        row.clean()


def test_the_comparison_costs_the_same_queries_with_more_parks_and_assessments(client, english):
    url = section(AssessmentComparisonPage).url
    before = cold_and_warm(client, url)
    for number in range(4):
        build(
            ParkPage,
            vietnamese=None,
            title=f"Extra park {number}",
            location="Somewhere",
            assessments=[
                ParkAssessment(stage=Stage.BASELINE, year=2020, share_met=Decimal(20), assessor="x", source="y"),
                ParkAssessment(stage=Stage.FOLLOW_UP, year=2023, share_met=Decimal(60), assessor="x", source="y"),
            ],
        )
    assert cold_and_warm(client, url) == before


def test_the_demo_records_amatas_assessment_and_invents_none_for_another_park():
    amata = park("en", "amata-industrial-park")
    rows = ParkAssessment.objects.values_list("page__translation_key", "page__locale__language_code")
    assert sorted(rows) == sorted([(amata.translation_key, "en")] * 2 + [(amata.translation_key, "vi")] * 2)
