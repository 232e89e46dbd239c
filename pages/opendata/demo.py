"""`seed_demo`'s Data page (/en/data/, /vi/du-lieu/) and its link from
About → Project results. Like the rest of the demo, it only adds what is missing."""

from wagtail.models import Locale

from pages.demo import ensure_page, translate_once
from pages.demo.content import glossary, t
from pages.demo.translate import translate
from pages.models import HomePage, StandardPage
from pages.opendata.models import DataPage

DATA = {
    "title": t("Data", "Dữ liệu"),
    "slug": t("data", "du-lieu"),
    "search_description": t(
        "Every figure, event, publication and article of the project as open data: CSV, JSON and Excel files and "
        "a read-only API, free to reuse under CC BY 4.0.",
        "Mọi số liệu, sự kiện, ấn phẩm và bài viết của dự án dưới dạng dữ liệu mở: tệp CSV, JSON, Excel và một "
        "API chỉ đọc, được tự do sử dụng lại theo giấy phép CC BY 4.0.",
    ),
    "intro": t(
        "The figures, events, publications and news on this site, as files your own reports and tools can read. "
        "They are built from the same records as the pages, so a figure here is the figure on the page.",
        "Số liệu, sự kiện, ấn phẩm và tin tức trên trang web này, dưới dạng tệp mà báo cáo và công cụ của bạn có "
        "thể đọc. Dữ liệu được lấy từ chính các bản ghi hiển thị trên các trang, nên số liệu ở đây trùng với số "
        "liệu trên trang.",
    ),
}
RESULTS_LINK = {
    "heading": t("All the figures as open data", "Toàn bộ số liệu dưới dạng dữ liệu mở"),
    "text": t(
        "Every park's indicators and the company results, in CSV, JSON and Excel, free to reuse.",
        "Chỉ số của từng khu công nghiệp và kết quả của doanh nghiệp, dạng CSV, JSON và Excel, được tự do sử dụng lại.",
    ),
    "button_label": t("Download the data", "Tải dữ liệu"),
}


def _link_from_results(data_page):
    results = StandardPage.objects.filter(locale=data_page.locale, slug="project-results").first()
    if results is None or any(
        block.block_type == "call_to_action" and block.value["link"].get("page") == data_page for block in results.body
    ):
        return
    results.body.append(("call_to_action", {**RESULTS_LINK, "link": {"page": data_page, "url": ""}}))
    results.save_revision().publish()
    translate(results, glossary)  # refreshes the Vietnamese twin with the new box


def seed_open_data():
    home = HomePage.objects.get(locale=Locale.get_default())
    data_page = ensure_page(home, DataPage, show_in_menus=False, **DATA)
    translate_once(data_page, glossary)
    _link_from_results(data_page)
