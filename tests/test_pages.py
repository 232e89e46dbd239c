"""Every page type renders in both languages with the shell a visitor expects."""

import re

import pytest
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from pages.models import HomePage, StandardPage, TeamPage

from .editorial import twin
from .factories import build, section
from .fixtures import get_page

pytestmark = pytest.mark.django_db

VI_MENU_LABELS = ["Giới thiệu", "Giới thiệu dự án", "Kết quả dự án", "Lợi ích của dự án", "Nhóm dự án"]
EN_MENU_LABELS = ["About", "Introduction", "Project results", "Project benefits", "Project team"]


@pytest.mark.parametrize("model", [HomePage, StandardPage, TeamPage])
@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_page_type_renders_in_both_languages(client, model, language):
    page = section(model, language)
    html = get_page(client, page.url)
    assert f'<html lang="{language}"' in html
    heading = page.hero_heading if model is HomePage else page.title
    assert f"<h1>{escape(heading)}</h1>" in html
    assert 'id="main-content"' in html


@pytest.mark.parametrize(
    ("url", "labels", "footer_heading"),
    [("/en/", EN_MENU_LABELS, "Related agencies"), ("/vi/", VI_MENU_LABELS, "Cơ quan liên quan")],
)
def test_menu_and_footer_speak_the_page_language(client, url, labels, footer_heading):
    html = get_page(client, url)
    menu = html[html.index('id="main-nav"') : html.index("</nav>", html.index('id="main-nav"'))]
    for label in labels:
        assert f">{label}</a>" in menu
    assert footer_heading in html
    assert str(timezone.localdate().year) in html.split('class="copyright"')[1]


def test_vietnamese_footer_labels_and_agencies(client):
    html = get_page(client, "/vi/")
    footer = html[html.index('class="site-footer"') :]
    for label in ["Đơn vị thực hiện", "Nhà tài trợ", "Chương trình Khu công nghiệp sinh thái toàn cầu"]:
        assert label in footer
    assert "Bộ Tài nguyên và Môi trường" in footer
    assert "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng" in footer
    assert footer.count('href="https://') + footer.count('href="http://') >= 10 + 4
    assert "Bản quyền ©" in footer


def test_home_page_shows_hero_key_figures_and_sections(client):
    en = get_page(client, "/en/")
    assert "Eco-Industrial Park Intervention in Viet Nam" in en
    assert "22,000 MWh" in en and "6.5 million USD" in en
    assert 'href="/en/about/"' in en
    vi = get_page(client, "/vi/")
    assert "Triển khai khu công nghiệp sinh thái tại Việt Nam" in vi
    assert "22.000 MWh" in vi and "6,5 triệu USD" in vi
    assert 'href="/vi/gioi-thieu/"' in vi


def test_home_lists_only_sections_that_exist(client):
    html = get_page(client, "/en/")
    sections = html[html.index('id="sections-heading"') :]
    cards = re.findall(r'<h3><a href="([^"]+)"', sections)
    home = section(HomePage)
    expected = [child.url for child in home.get_children().live().in_menu()]
    assert cards == expected


def test_about_pages_render_their_streamfield_blocks(client):
    introduction = get_page(client, "/en/about/introduction/")
    assert '<h2 class="block-heading">Why eco-industrial parks</h2>' in introduction
    assert '<h3 class="block-heading">Three levels of support</h3>' in introduction
    assert "<blockquote>" in introduction
    assert "<picture>" in introduction and 'loading="lazy"' in introduction
    assert "<figcaption>" in introduction
    results = get_page(client, "/vi/gioi-thieu/ket-qua-du-an/")
    assert "Số liệu giai đoạn một nêu trên trong một trang (tệp PDF minh họa tạo cho website, tiếng Anh)" in results
    assert re.search(r"PDF, \d+([.,]\d+)?\xa0(KB|kB|byte)", results)
    benefits = get_page(client, "/vi/gioi-thieu/loi-ich-cua-du-an/")
    assert 'class="cta"' in benefits and 'href="/vi/gioi-thieu/ket-qua-du-an/"' in benefits


def test_team_page_lists_translated_team_members(client):
    assert "National Project Director" in get_page(client, "/en/about/project-team/")
    vi = get_page(client, "/vi/gioi-thieu/nhom-du-an/")
    assert "Giám đốc Dự án quốc gia" in vi
    assert "Tổ chức Phát triển Công nghiệp Liên hợp quốc (UNIDO)" in vi


def test_the_kept_team_list_follows_an_edited_member(client):
    from pages.models import TeamMember

    url = "/vi/gioi-thieu/nhom-du-an/"
    assert "Giám đốc Dự án quốc gia" in get_page(client, url)  # the list is kept now
    member = TeamMember.objects.get(locale__language_code="vi", role="Giám đốc Dự án quốc gia")
    member.role = "Giám đốc Dự án quốc gia (mới bổ nhiệm)"
    member.save()
    assert "Giám đốc Dự án quốc gia (mới bổ nhiệm)" in get_page(client, url)


def test_breadcrumbs_lead_home(client, vietnamese):
    page = twin(build(StandardPage, section(StandardPage), vietnamese="translated"), vietnamese)
    parent = page.get_parent()
    html = get_page(client, page.url)
    crumbs = html[html.index('class="breadcrumbs') : html.index("</nav>", html.index('class="breadcrumbs'))]
    assert '<a href="/vi/">Trang chủ</a>' in crumbs
    assert f'<a href="{parent.url}">{escape(parent.title)}</a>' in crumbs
    assert f'<span aria-current="page">{escape(page.title)}</span>' in crumbs


def test_new_menu_page_appears_after_publishing(client):
    get_page(client, "/en/")  # warm the menu cache
    build(StandardPage, section(StandardPage), title="Partners' corner", show_in_menus=True)
    assert ">Partners&#x27; corner</a>" in get_page(client, "/en/")


def test_embed_falls_back_to_a_link_when_the_provider_is_unreachable(client, monkeypatch):
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedNotFoundException

    def unreachable(*args, **kwargs):
        raise EmbedNotFoundException

    monkeypatch.setattr(embeds, "get_embed", unreachable)
    page = build(StandardPage)
    page.body.append(("embed", "https://www.youtube.com/watch?v=abcdefghijk"))
    page.save_revision().publish()
    html = get_page(client, page.url)
    assert 'class="embed-fallback"' in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html


def test_unknown_page_is_a_404_in_the_language_of_the_url(client):
    en = client.get("/en/no-such-page/")
    assert en.status_code == 404
    assert '<html lang="en"' in en.content.decode() and "Page not found" in en.content.decode()
    vi = client.get("/vi/khong-co-trang-nay/")
    assert vi.status_code == 404
    body = vi.content.decode()
    assert '<html lang="vi"' in body and "Không tìm thấy trang" in body
    assert 'href="/vi/"' in body


def test_server_error_page_renders_without_the_database(rf, django_assert_num_queries):
    from pages.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/en/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong" in body and "Xin lỗi, đã có lỗi xảy ra" in body


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=-1", "?page=99999999999999999999", "?q=%00", "?page[]=1&x=%ff", "?lang=zz"]
)
@pytest.mark.parametrize(
    ("model", "language"), [(HomePage, "en"), (StandardPage, "vi"), (TeamPage, "en")], ids=["home", "vi-page", "team"]
)
def test_junk_query_strings_never_break_a_page(client, model, language, query):
    assert client.get(section(model, language).url + query).status_code == 200


def test_health_check_answers_outside_the_language_prefix(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["database"] == response.json()["cache"] == "ok"


def test_every_live_page_has_a_vietnamese_twin(english, vietnamese):
    for page in Page.objects.live().filter(locale=english, depth__gte=2):
        assert page.get_translation_or_none(vietnamese) is not None, page.url_path
