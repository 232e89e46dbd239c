"""axe-core finds no violation, of any impact, on any page type, in either language."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = {
    "home-en": "/en/",
    "home-vi": "/vi/",
    "section-en": "/en/about/",
    "section-vi": "/vi/gioi-thieu/",
    "standard-en": "/en/about/introduction/",
    "standard-vi": "/vi/gioi-thieu/gioi-thieu-du-an/",
    "figures-en": "/en/about/project-results/",
    "figures-vi": "/vi/gioi-thieu/ket-qua-du-an/",
    "team-en": "/en/about/project-team/",
    "team-vi": "/vi/gioi-thieu/nhom-du-an/",
    "parks-en": "/en/eip-demonstration/",
    "parks-vi": "/vi/mo-hinh-kcn-sinh-thai/",
    "park-en": "/en/eip-demonstration/hiep-phuoc-industrial-park/",
    "park-vi": "/vi/mo-hinh-kcn-sinh-thai/kcn-hoa-khanh/",
    "amata-vi": "/vi/mo-hinh-kcn-sinh-thai/kcn-amata/",
    "assessments-en": "/en/eip-demonstration/eip-assessments/",
    "assessments-vi": "/vi/mo-hinh-kcn-sinh-thai/danh-gia-kcn-sinh-thai/",
    "case-studies-vi": "/vi/mo-hinh-kcn-sinh-thai/nghien-cuu-dien-hinh-cong-sinh-cong-nghiep-hoa-khanh-tra-noc/",
    "case-study-en": (
        "/en/eip-demonstration/case-studies-industrial-symbiosis-hoa-khanh-tra-noc/tra-noc-steam-and-water-sharing/"
    ),
    "companies-en": "/en/eip-demonstration/recp-is-achievements-company-level/",
    "companies-vi": "/vi/mo-hinh-kcn-sinh-thai/ket-qua-recp-cong-sinh-cong-nghiep-cap-doanh-nghiep/?sector=food",
    "events-en": "/en/events/",
    "events-vi": "/vi/su-kien/?category=hoi-thao-toa-dam",
    "upcoming-en": "/en/events/upcoming-events/",
    "upcoming-vi": "/vi/su-kien/su-kien-sap-dien-ra/",
    "events-year-en": "/en/events/?year=2023",
    "category-en": "/en/events/field-visit/",
    "event-en": "/en/events/training/training-eip-criteria-upcoming/",
    "event-vi": "/vi/su-kien/tham-quan-thuc-te/khao-sat-khanh-phu-deep-c-2023/",
    "library-en": "/en/publications/?q=decree",
    "library-vi": "/vi/bao-cao-va-an-pham/",
    "publications-category-vi": "/vi/bao-cao-va-an-pham/bo-cong-cu/",
    "publication-vi": "/vi/bao-cao-va-an-pham/van-ban-phap-luat/nghi-dinh-35-2022-nd-cp/",
    "publication-replaced-en": "/en/publications/law-regulations/decree-82-2018-nd-cp/",
    "laws-by-status-vi": "/vi/bao-cao-va-an-pham/van-ban-phap-luat/?status=replaced",
    "gallery-en": "/en/publications/videos-photos/",
    "album-vi": "/vi/bao-cao-va-an-pham/video-va-hinh-anh/anh-cac-khu-cong-nghiep-thi-diem/",
    "video-en": "/en/publications/videos-photos/geipp-videos/",
    "themes-en": "/en/themes/",
    "themes-vi": "/vi/chu-de/",
    "theme-en": "/en/themes/water/",
    "theme-vi": "/vi/chu-de/nuoc/?section=publications",
    "news-en": "/en/news/",
    "news-vi": "/vi/tin-tuc/?theme=chinh-sach-va-phap-luat",
    "news-category-vi": "/vi/tin-tuc/tin-trong-nuoc/",
    "article-en": "/en/news/project-news/stakeholders-consulted-on-hiep-phuocs-eco-industrial-transition/",
    "article-vi": "/vi/tin-tuc/tin-trong-nuoc/thong-tu-moi-huong-dan-phat-trien-khu-cong-nghiep-sinh-thai/",
    "contact-en": "/en/contact-us/",
    "contact-vi": "/vi/lien-he/",
    "updates-en": "/en/updates/?email=reader%40example.org&topic=news",
    "updates-vi": "/vi/nhan-tin/",
    "search-en": "/en/search/?q=industrial+park",
    "data-en": "/en/data/",
    "data-vi": "/vi/du-lieu/",
    "search-vi": "/vi/search/?q=khu+cong+nghiep",
    "search-en-empty": "/en/search/?q=xyzzy",
    "404-en": "/en/no-such-page/",
    "404-vi": "/vi/khong-co-trang-nay/",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def violations(axe, page):
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:5]}"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1366, "height": 900}], ids=["phone", "desktop"]
)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_accessibility_violations(browser, site_url, axe, path, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        page.goto(f"{site_url}{path}")
        found = violations(axe, page)
        assert not found, "\n".join(found)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/en/contact-us/", "/vi/lien-he/"])
def test_contact_form_with_errors_has_no_accessibility_violations(browser, site_url, axe, path):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}{path}")
        page.locator("form.contact-form button[type=submit]").click()  # every required field empty
        page.wait_for_load_state()
        assert page.locator(".field-error").count() > 0, "the form showed no errors"
        found = violations(axe, page)
        assert not found, "\n".join(found)
    finally:
        context.close()


@pytest.mark.parametrize(
    ("path", "consent"),
    [("/en/updates/", "I agree that the project keeps"), ("/vi/nhan-tin/", "Tôi đồng ý để dự án lưu địa chỉ")],
)
def test_subscribe_form_with_errors_and_done_has_no_accessibility_violations(browser, site_url, axe, path, consent):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{site_url}{path}")
        page.locator("#id_email").fill("not-an-address")
        for box in page.locator("input[name=topics]").all():
            box.uncheck()
        page.locator("form.subscribe-form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".field-error").count() >= 3, "the form showed no errors"
        found = violations(axe, page)
        assert not found, "\n".join(found)
        page.locator("#id_email").fill("axe.reader@example.org")
        page.locator("input[name=topics]").first.check()
        page.get_by_label(consent).check()
        page.locator("form.subscribe-form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".form-success").count() == 1, "the request was not accepted"
        found = violations(axe, page)
        assert not found, "\n".join(found)
    finally:
        context.close()
