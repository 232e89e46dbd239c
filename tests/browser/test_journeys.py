"""A visitor's journeys in a real browser, on a phone and on a desktop."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def offline_context(browser):
    """A browser context in which addresses outside this machine answer with a stub page."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        context.route(
            re.compile(r"^https?://(?!127\.0\.0\.1[:/])"),
            lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Elsewhere</title>"),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def test_root_lands_on_the_visitors_language(offline_context, site_url):
    page = offline_context(locale="vi-VN", viewport=DESKTOP).new_page()
    page.goto(f"{site_url}/")
    assert page.url == f"{site_url}/vi/"
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    english = offline_context(locale="en-GB", viewport=DESKTOP).new_page()
    english.goto(f"{site_url}/")
    assert english.url == f"{site_url}/en/"


def test_phone_menu_opens_and_leads_to_a_subpage(offline_context, site_url):
    page = offline_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    page.goto(f"{site_url}/en/")
    menu = page.locator("#main-nav")
    expect(menu).to_be_hidden()
    toggle = page.get_by_role("button", name="Menu")
    toggle.tap()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    introduction = menu.get_by_role("link", name="Introduction")
    expect(introduction).to_be_hidden()
    menu.get_by_role("button", name="About: show pages").tap()
    expect(introduction).to_be_visible()
    introduction.tap()
    page.wait_for_url(f"{site_url}/en/about/introduction/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Introduction")


def test_desktop_dropdown_works_with_the_keyboard(offline_context, site_url):
    page = offline_context(viewport=DESKTOP).new_page()
    page.goto(f"{site_url}/vi/")
    button = page.get_by_role("button", name="Giới thiệu: hiện các trang")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    link = page.locator("#main-nav").get_by_role("link", name="Kết quả dự án")
    expect(link).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator("#main-nav a", has_text="Giới thiệu dự án")).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(link).to_be_hidden()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_menu_reaches_every_page_without_javascript(offline_context, site_url, viewport):
    page = offline_context(viewport=viewport, java_script_enabled=False).new_page()
    page.goto(f"{site_url}/en/")
    link = page.locator("#main-nav").get_by_role("link", name="Project team")
    if viewport is DESKTOP:
        expect(link).to_be_hidden()
        page.locator("#main-nav").get_by_role("link", name="About", exact=True).focus()
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(f"{site_url}/en/about/project-team/")


def test_switching_language_keeps_the_page(offline_context, site_url):
    page = offline_context(viewport=PHONE).new_page()
    page.goto(f"{site_url}/en/about/project-results/")
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(f"{site_url}/vi/gioi-thieu/ket-qua-du-an/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả dự án")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_url}/en/about/project-results/")


def test_footer_links_lead_to_the_agencies(offline_context, site_url):
    page = offline_context(viewport=DESKTOP).new_page()
    page.goto(f"{site_url}/vi/")
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("heading", name="Cơ quan liên quan")).to_be_visible()
    expect(footer.get_by_role("heading", name="Nhà tài trợ")).to_be_visible()
    agency = footer.get_by_role("link", name=re.compile("Bộ Công Thương"))
    agency.click()
    page.wait_for_url("https://moit.gov.vn/")
    expect(page).to_have_title("Elsewhere")


def test_vietnamese_visitor_filters_events_and_downloads_an_ics(offline_context, site_url):
    import icalendar

    page = offline_context(viewport=PHONE, locale="vi-VN", accept_downloads=True).new_page()
    page.goto(f"{site_url}/")
    page.get_by_role("button", name="Danh mục").click()
    page.locator("#main-nav").get_by_role("link", name="Sự kiện", exact=True).click()
    page.wait_for_url(f"{site_url}/vi/su-kien/")
    page.get_by_label("Chuyên mục").select_option(label="Tập huấn")
    page.get_by_role("button", name="Xem sự kiện").click()
    page.wait_for_url(re.compile(r".*category=tap-huan.*"))
    upcoming = page.locator("section", has=page.get_by_role("heading", name="Sự kiện sắp diễn ra"))
    event_link = upcoming.get_by_role("link").first
    title = event_link.inner_text()
    event_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Thêm vào lịch (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    assert str(calendar.walk("VEVENT")[0]["summary"]) == title


def test_album_lightbox_works_with_the_keyboard(offline_context, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page = offline_context(viewport=DESKTOP).new_page()
    page.goto(f"{site_url}/en/publications/videos-photos/demonstration-parks-photos/")
    photos = page.locator(".lightbox-link")
    assert photos.count() == 4
    photos.nth(0).focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Photo viewer")
    expect(dialog).to_be_visible()
    expect(dialog.locator("figcaption")).to_have_text("Solar roofs over factory halls (illustration)")
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(dialog.locator("figcaption")).to_have_text("Green belts between companies (illustration)")
    expect(dialog.locator("img")).to_have_attribute("alt", "Green belts between companies (illustration)")
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not serious
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(photos.nth(1)).to_be_focused()


def test_library_search_and_download(offline_context, site_url):
    page = offline_context(viewport=PHONE, accept_downloads=True).new_page()
    page.goto(f"{site_url}/vi/bao-cao-va-an-pham/")
    page.get_by_label("Tìm trong thư viện").fill("nghị định 35")
    page.get_by_role("button", name="Xem tài liệu").click()
    results = page.locator(".library-item")
    expect(results).to_have_count(1)
    with page.expect_download() as download_info:
        results.get_by_role("link", name=re.compile("Tải bản tiếng Việt")).click()
    assert download_info.value.suggested_filename.endswith("-vi.pdf")
    with open(download_info.value.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"


def test_reader_filters_news_and_opens_an_article(offline_context, site_url):
    page = offline_context(viewport=DESKTOP).new_page()
    page.goto(f"{site_url}/vi/tin-tuc/")
    page.get_by_label("Chủ đề").select_option(label="Cộng sinh công nghiệp")
    page.get_by_role("button", name="Xem tin").click()
    page.wait_for_url(re.compile(r".*theme=cong-sinh-cong-nghiep.*"))
    first = page.locator(".news-card h3 a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".themes").get_by_role("link", name="Cộng sinh công nghiệp")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".share")).to_be_hidden()


def test_contact_form_with_the_keyboard_errors_first_then_thanks(offline_context, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page = offline_context(viewport=PHONE).new_page()
    page.goto(f"{site_url}/vi/lien-he/")
    page.get_by_label("Họ và tên").focus()
    page.keyboard.type("Nguyễn Lan")
    page.keyboard.press("Tab")
    page.keyboard.type("khong-phai-email")
    page.get_by_role("button", name="Gửi thư").press("Enter")
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Vui lòng sửa các ô được đánh dấu bên dưới.")
    email = page.get_by_label("Thư điện tử")
    expect(email).to_be_focused()
    expect(email).to_have_value("khong-phai-email")
    expect(page.get_by_label("Họ và tên")).to_have_value("Nguyễn Lan")
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not serious
    email.fill("")
    page.keyboard.type("lan@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Công ty A")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # subject: the next choice
    page.keyboard.press("Tab")
    page.keyboard.type("Xin chào, chúng tôi muốn hợp tác.")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # consent
    page.keyboard.press("Tab")  # how the message is kept, said before it is sent
    expect(page.get_by_role("link", name="thông báo về quyền riêng tư", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cảm ơn bạn")


def test_vietnamese_search_without_accents_from_the_header(offline_context, site_url):
    page = offline_context(viewport=DESKTOP).new_page()
    page.goto(f"{site_url}/vi/")
    box = page.locator("#header-search-q")
    box.fill("hoa khanh")
    box.press("Enter")
    page.wait_for_url(re.compile(r".*/vi/search/\?q=hoa\+khanh"))
    first = page.locator(".search-results h3 a").first
    expect(first.locator("mark").first).to_have_text(re.compile("Hòa|Khánh"))
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert "/vi/" in page.url
