"""Events demo content: the project's real past events (shared/reference/facts.md)
and four upcoming ones dated from the day seed_demo runs, so "Upcoming events"
is never empty in a fresh demo."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page

from pages.demo import ensure_page, ensure_translated_page, ensure_translated_pages, translate_once
from pages.demo.translate import Glossary
from pages.models import HomePage, StandardPage
from pages.old_addresses import ensure_redirect
from pages.themes.demo import tag
from parks.models import ParkPage

from .models import EventCategoryPage, EventIndexPage, EventPage, EventPark, UpcomingEventsPage
from .registration import demo as registration_demo

glossary = Glossary()
t = glossary.t
rich = glossary.rich

INDEX = {
    "title": t("Events", "Sự kiện"),
    "slug": t("events", "su-kien"),
    "search_description": t(
        "Workshops, trainings, field visits and steering committee meetings of the project.",
        "Hội thảo, tập huấn, tham quan thực tế và các cuộc họp Ban Chỉ đạo của dự án.",
    ),
    "intro": t(
        "Meet the project: what is coming up, and the record of everything we have organised since 2014.",
        "Cùng tham gia với dự án: các sự kiện sắp tới và toàn bộ các hoạt động chúng tôi đã tổ chức từ năm 2014.",
    ),
}
UPCOMING = {
    "title": t("Upcoming events", "Sự kiện sắp diễn ra"),
    "slug": t("upcoming-events", "su-kien-sap-dien-ra"),
    "search_description": t("Every event still to come, soonest first.", "Tất cả sự kiện sắp tới, gần nhất trước."),
    "intro": t(
        "Add them to your calendar with one click, or subscribe to the whole list.",
        "Thêm vào lịch của bạn chỉ với một lần nhấn, hoặc đăng ký theo dõi cả danh sách.",
    ),
}
CATEGORIES = {
    "workshops": {
        "title": t("Workshops | Seminars", "Hội thảo | Tọa đàm"),
        "slug": t("workshops-seminars", "hoi-thao-toa-dam"),
        "search_description": t(
            "Policy workshops, industrial-symbiosis workshops and conferences.",
            "Hội thảo chính sách, hội thảo cộng sinh công nghiệp và hội nghị.",
        ),
    },
    "training": {
        "title": t("Training", "Tập huấn"),
        "slug": t("training", "tap-huan"),
        "search_description": t(
            "Training on resource efficiency, cleaner production and industrial symbiosis.",
            "Tập huấn về sử dụng hiệu quả tài nguyên, sản xuất sạch hơn và cộng sinh công nghiệp.",
        ),
    },
    "field-visit": {
        "title": t("Field Visit", "Tham quan thực tế"),
        "slug": t("field-visit", "tham-quan-thuc-te"),
        "search_description": t(
            "Study tours and visits to the demonstration parks.",
            "Các chuyến khảo sát và tham quan khu công nghiệp thí điểm.",
        ),
    },
    "psc": {
        "title": t("PSC Meetings", "Họp Ban Chỉ đạo"),
        "slug": t("psc-meetings", "hop-ban-chi-dao"),
        "search_description": t("Meetings of the Project Steering Committee.", "Các cuộc họp của Ban Chỉ đạo dự án."),
    },
}

HA_NOI = t("Ha Noi", "Hà Nội")
HCMC = t("Ho Chi Minh City", "Thành phố Hồ Chí Minh")
ORGANISERS = t("UNIDO and the Ministry of Planning and Investment", "UNIDO và Bộ Kế hoạch và Đầu tư")
ORGANISERS_NOW = t("UNIDO and the Ministry of Finance", "UNIDO và Bộ Tài chính")
# The Ministry of Finance took over MPI's role in 2025 (facts.md, "Organisers by date").
MINISTRY_OF_FINANCE_FROM = 2025
ILLUSTRATIVE_EVENT = t(
    "Illustrative example, not a real announcement.", "Ví dụ minh họa, không phải thông báo thực tế."
)
PROJECT_OFFICE = t("Project office, Ha Noi", "Văn phòng dự án, Hà Nội")


def _day(year, month, day):
    return datetime.datetime(year, month, day, tzinfo=timezone.get_current_timezone())


# (category, slug pair, title pair, summary pair, start, end, venue, parks, options)
PAST_EVENTS = [
    (
        "workshops",
        t("launch-first-phase-2014", "khoi-dong-giai-doan-mot-2014"),
        t("Launch of the first phase of the EIP initiative", "Khởi động giai đoạn một của sáng kiến KCN sinh thái"),
        t(
            "The project's first phase started in Ha Noi in October 2014.",
            "Giai đoạn một của dự án được khởi động tại Hà Nội vào tháng 10 năm 2014.",
        ),
        _day(2014, 10, 17),
        None,
        HA_NOI,
        [],
        {"organisers": ORGANISERS},
    ),
    (
        "training",
        t("training-recp-is-hiep-phuoc-2021", "tap-huan-recp-cong-sinh-hiep-phuoc-2021"),
        t(
            "Training on resource efficiency, cleaner production and industrial symbiosis",
            "Tập huấn về sử dụng hiệu quả tài nguyên, sản xuất sạch hơn và cộng sinh công nghiệp",
        ),
        t(
            "Online trainings in which companies of Hiep Phuoc learnt to find savings in their own processes "
            "and with their neighbours.",
            "Các khóa tập huấn trực tuyến giúp doanh nghiệp tại KCN Hiệp Phước tìm ra cơ hội tiết kiệm trong quy "
            "trình của mình và cùng doanh nghiệp lân cận.",
        ),
        _day(2021, 11, 24),
        None,
        t("Online, for companies of Hiep Phuoc Industrial Park", "Trực tuyến, cho doanh nghiệp KCN Hiệp Phước"),
        ["hiep-phuoc-industrial-park"],
        {
            "organisers": t(
                "The project management unit of the Ministry of Planning and Investment, with the Vietnam Cleaner "
                "Production Centre (VNCPC)",
                "Ban quản lý dự án thuộc Bộ Kế hoạch và Đầu tư, cùng Trung tâm Sản xuất sạch Việt Nam (VNCPC)",
            )
        },
    ),
    (
        "field-visit",
        t("field-testing-eip-indicators-2022", "thu-nghiem-bo-chi-so-kcn-sinh-thai-2022"),
        t(
            "Field testing of the eco-industrial park indicator set",
            "Thử nghiệm thực địa bộ chỉ số khu công nghiệp sinh thái",
        ),
        t(
            "The draft indicators were tried out in two parks before the national guidance was written.",
            "Bộ chỉ số dự thảo được thử nghiệm tại hai khu công nghiệp trước khi xây dựng hướng dẫn quốc gia.",
        ),
        _day(2022, 3, 28),
        _day(2022, 4, 1),
        t("Hiep Phuoc and Amata industrial parks", "KCN Hiệp Phước và KCN Amata"),
        ["hiep-phuoc-industrial-park", "amata-industrial-park"],
        {},
    ),
    (
        "workshops",
        t("workshop-eip-indicator-survey-2022", "hoi-thao-khao-sat-chi-so-kcn-sinh-thai-2022"),
        t(
            "Workshop on survey findings for eco-industrial park indicators",
            "Hội thảo kết quả khảo sát về chỉ số khu công nghiệp sinh thái",
        ),
        t(
            "69 participants discussed what the survey of parks revealed about the proposed indicators.",
            "69 đại biểu đã thảo luận những phát hiện từ khảo sát các khu công nghiệp về bộ chỉ số đề xuất.",
        ),
        _day(2022, 6, 24),
        None,
        HA_NOI,
        [],
        {"organisers": ORGANISERS},
    ),
    (
        "workshops",
        t("workshop-eip-policies-implementation-2022", "hoi-thao-chinh-sach-trien-khai-kcn-sinh-thai-2022"),
        t(
            "Eco-industrial park development in Viet Nam: policies and implementation",
            "Phát triển khu công nghiệp sinh thái tại Việt Nam: chính sách và thực tiễn triển khai",
        ),
        t(
            "More than 200 participants met on how Decree 35/2022/ND-CP will be put into practice.",
            "Hơn 200 đại biểu đã trao đổi về cách đưa Nghị định 35/2022/NĐ-CP vào thực tiễn.",
        ),
        _day(2022, 9, 15),
        None,
        HCMC,
        [],
        {"organisers": ORGANISERS, "highlighted": True},
    ),
    (
        "workshops",
        t("industrial-symbiosis-workshop-deep-c-2022", "hoi-thao-cong-sinh-cong-nghiep-deep-c-2022"),
        t("Industrial-symbiosis workshop at Deep C", "Hội thảo cộng sinh công nghiệp tại KCN DEEP C"),
        t(
            "The first of three workshops in November 2022 on exchanges between companies.",
            "Hội thảo đầu tiên trong chuỗi ba hội thảo tháng 11 năm 2022 về trao đổi giữa các doanh nghiệp.",
        ),
        _day(2022, 11, 22),
        None,
        t("Deep C Industrial Park, Hai Phong", "KCN DEEP C, Hải Phòng"),
        ["deep-c-industrial-park"],
        {},
    ),
    (
        "workshops",
        t("industrial-symbiosis-workshop-hiep-phuoc-2022", "hoi-thao-cong-sinh-cong-nghiep-hiep-phuoc-2022"),
        t("Industrial-symbiosis workshop at Hiep Phuoc", "Hội thảo cộng sinh công nghiệp tại KCN Hiệp Phước"),
        t(
            "Companies in Hiep Phuoc mapped the materials, water and energy they could share.",
            "Doanh nghiệp tại Hiệp Phước đã lập bản đồ nguyên liệu, nước và năng lượng có thể chia sẻ.",
        ),
        _day(2022, 11, 24),
        None,
        t("Hiep Phuoc Industrial Park", "KCN Hiệp Phước"),
        ["hiep-phuoc-industrial-park"],
        {},
    ),
    (
        "workshops",
        t("industrial-symbiosis-workshop-amata-2022", "hoi-thao-cong-sinh-cong-nghiep-amata-2022"),
        t("Industrial-symbiosis workshop at Amata", "Hội thảo cộng sinh công nghiệp tại KCN Amata"),
        t(
            "The series of three workshops, with more than 160 participants in all, ended at Amata.",
            "Chuỗi ba hội thảo, với tổng cộng hơn 160 đại biểu, đã khép lại tại KCN Amata.",
        ),
        _day(2022, 11, 25),
        None,
        t("Amata Industrial Park, Dong Nai", "KCN Amata, Đồng Nai"),
        ["amata-industrial-park"],
        {},
    ),
    (
        "psc",
        t("psc-meeting-2023", "hop-ban-chi-dao-2023"),
        t("Project Steering Committee meeting 2023", "Họp Ban Chỉ đạo dự án năm 2023"),
        t(
            "The committee reviewed the results of 2022 and agreed the plan for the year ahead.",
            "Ban Chỉ đạo đã rà soát kết quả năm 2022 và thống nhất kế hoạch cho năm tiếp theo.",
        ),
        _day(2023, 3, 1),
        None,
        HA_NOI,
        [],
        {"month_only": True, "organisers": ORGANISERS},
    ),
    (
        "field-visit",
        t("study-tour-khanh-phu-deep-c-2023", "khao-sat-khanh-phu-deep-c-2023"),
        t("National study tour to Khanh Phu and Deep C", "Chuyến khảo sát trong nước tới Khánh Phú và DEEP C"),
        t(
            "Officials and park managers saw eco-industrial practice at first hand in two parks.",
            "Cán bộ quản lý và đại diện các khu công nghiệp đã tận mắt tìm hiểu mô hình khu công nghiệp sinh thái tại "
            "hai khu.",
        ),
        _day(2023, 3, 9),
        _day(2023, 3, 10),
        t("Khanh Phu and Deep C industrial parks", "KCN Khánh Phú và KCN DEEP C"),
        ["deep-c-industrial-park"],
        {},
    ),
    (
        "workshops",
        t("capacity-building-workshop-da-nang-2023", "hoi-thao-nang-cao-nang-luc-da-nang-2023"),
        t("Capacity-building workshop in Da Nang", "Hội thảo nâng cao năng lực tại Đà Nẵng"),
        t(
            "70 participants from local agencies and companies worked on the eco-industrial park requirements.",
            "70 đại biểu từ các cơ quan địa phương và doanh nghiệp đã cùng tìm hiểu các yêu cầu đối với khu công "
            "nghiệp sinh thái.",
        ),
        _day(2023, 6, 15),
        None,
        t("Da Nang", "Đà Nẵng"),
        ["hoa-khanh-industrial-park"],
        {},
    ),
    (
        "field-visit",
        t("swiss-state-secretary-visit-hiep-phuoc-2023", "quoc-vu-khanh-thuy-sy-tham-hiep-phuoc-2023"),
        t("Visit of the Swiss State Secretary to Hiep Phuoc", "Quốc vụ khanh Thụy Sỹ thăm KCN Hiệp Phước"),
        t(
            "Switzerland's State Secretary for Economic Affairs saw the park's results for herself.",
            "Quốc vụ khanh về Kinh tế của Thụy Sỹ đã trực tiếp tìm hiểu kết quả của khu công nghiệp.",
        ),
        _day(2023, 10, 24),
        None,
        t("Hiep Phuoc Industrial Park", "KCN Hiệp Phước"),
        ["hiep-phuoc-industrial-park"],
        {"highlighted": True},
    ),
    (
        "workshops",
        t("geipp-i-and-beyond-vienna-2023", "geipp-i-va-tiep-theo-vienna-2023"),
        t("GEIPP I and Beyond: the programme's final event", "GEIPP I và chặng đường tiếp theo: sự kiện tổng kết"),
        t(
            "Partners from every GEIPP country met in Vienna to share lessons from the first phase.",
            "Đối tác từ tất cả các quốc gia tham gia GEIPP đã gặp nhau tại Vienna để chia sẻ bài học từ giai đoạn một.",
        ),
        _day(2023, 11, 7),
        _day(2023, 11, 9),
        t("Vienna, Austria", "Vienna, Áo"),
        [],
        # The sources do not say who organised the programme's final event.
        {"event_language": "en", "organisers": ""},
    ),
    (
        "workshops",
        t("conference-circular-economy-industrial-parks-2024", "hoi-nghi-kinh-te-tuan-hoan-kcn-2024"),
        t(
            "Conference on circular economy in Viet Nam's industrial parks",
            "Hội nghị về kinh tế tuần hoàn trong các khu công nghiệp Việt Nam",
        ),
        t(
            "How circular-economy thinking can help parks meet the eco-industrial criteria.",
            "Tư duy kinh tế tuần hoàn giúp các khu công nghiệp đáp ứng tiêu chí khu công nghiệp sinh thái như thế nào.",
        ),
        _day(2024, 4, 12),
        None,
        HCMC,
        [],
        {"highlighted": True},
    ),
    (
        "workshops",
        t("consultation-hiep-phuoc-eco-industrial-transition-2025", "tham-van-chuyen-doi-sinh-thai-hiep-phuoc-2025"),
        t(
            "Consultation workshop on Hiep Phuoc's eco-industrial transition",
            "Hội thảo tham vấn về chuyển đổi sang khu công nghiệp sinh thái của KCN Hiệp Phước",
        ),
        t(
            "Stakeholders commented on the plan for Hiep Phuoc to become an eco-industrial park.",
            "Các bên liên quan góp ý cho kế hoạch chuyển đổi KCN Hiệp Phước thành khu công nghiệp sinh thái.",
        ),
        _day(2025, 6, 26),
        None,
        t("Ho Chi Minh City", "Thành phố Hồ Chí Minh"),
        ["hiep-phuoc-industrial-park"],
        {
            "organisers": t(
                "HEPZA and Hiep Phuoc Industrial Park JSC (HIPC)",
                "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM (HEPZA) và Công ty Cổ phần KCN Hiệp Phước (HIPC)",
            )
        },
    ),
]

# The original websites' addresses of these events (facts.md), each to its page
# in the language of the website it was on: old path → (slug, language). The
# Vietnamese website's addresses arrive here under /vi/ (pages.old_addresses).
OLD_ADDRESSES = {
    "/event/48": ("capacity-building-workshop-da-nang-2023", "en"),  # eip-vietnam.org/event/48
    "/vi/event/15": ("training-recp-is-hiep-phuoc-2021", "vi"),  # khucongnghiepsinhthai-vietnam.vn/event/15
}

UPCOMING_EVENTS = [
    # (category, slug, title, summary, days from today, hour, duration days, venue, parks)
    (
        "psc",
        t("psc-meeting-upcoming", "hop-ban-chi-dao-sap-toi"),
        t("Project Steering Committee meeting", "Họp Ban Chỉ đạo dự án"),
        t(
            "The committee will review the year's progress and the work plan of the follow-on phase.",
            "Ban Chỉ đạo sẽ rà soát tiến độ trong năm và kế hoạch công tác của giai đoạn tiếp theo.",
        ),
        21,
        9,
        0,
        PROJECT_OFFICE,
        [],
    ),
    (
        "training",
        t("training-eip-criteria-upcoming", "tap-huan-tieu-chi-kcn-sinh-thai-sap-toi"),
        t(
            "Training on the eco-industrial park criteria for park managers",
            "Tập huấn về tiêu chí khu công nghiệp sinh thái cho ban quản lý các khu công nghiệp",
        ),
        t(
            "A practical day on assessing a park against the national criteria of Decree 35/2022/ND-CP.",
            "Một ngày thực hành đánh giá khu công nghiệp theo tiêu chí quốc gia tại Nghị định 35/2022/NĐ-CP.",
        ),
        35,
        8,
        0,
        t("Hoa Khanh Industrial Park, Da Nang", "KCN Hòa Khánh, Đà Nẵng"),
        ["hoa-khanh-industrial-park"],
    ),
    (
        "workshops",
        t("industrial-symbiosis-workshop-tra-noc-upcoming", "hoi-thao-cong-sinh-tra-noc-sap-toi"),
        t("Industrial-symbiosis workshop in Tra Noc", "Hội thảo cộng sinh công nghiệp tại Trà Nóc"),
        t(
            "Two days on turning the studied exchanges of steam and water into agreements between companies.",
            "Hai ngày trao đổi để biến các phương án chia sẻ hơi nước và nước đã nghiên cứu thành thỏa thuận giữa các "
            "doanh nghiệp.",
        ),
        49,
        8,
        1,
        t("Tra Noc Industrial Park, Can Tho", "KCN Trà Nóc, Cần Thơ"),
        ["tra-noc-industrial-park-1-2"],
    ),
    (
        "field-visit",
        t("study-tour-amata-upcoming", "khao-sat-amata-sap-toi"),
        t(
            "Study tour to Amata for the northern parks",
            "Chuyến khảo sát tới KCN Amata cho các khu công nghiệp phía Bắc",
        ),
        t(
            "Managers from northern parks will see how Amata raised its eco-industrial score.",
            "Cán bộ quản lý các khu công nghiệp phía Bắc sẽ tìm hiểu cách KCN Amata nâng điểm đánh giá khu công nghiệp "
            "sinh thái.",
        ),
        70,
        8,
        1,
        t("Amata Industrial Park, Dong Nai", "KCN Amata, Đồng Nai"),
        ["amata-industrial-park"],
    ),
]

AGENDA = [
    ("08:30", t("Registration", "Đăng ký đại biểu"), ""),
    ("09:00", t("Opening remarks", "Phát biểu khai mạc"), ORGANISERS_NOW),
    (
        "09:30",
        t("The eco-industrial park criteria in practice", "Tiêu chí khu công nghiệp sinh thái trong thực tiễn"),
        t("Project team", "Nhóm dự án"),
    ),
    ("11:30", t("Questions and discussion", "Hỏi đáp và thảo luận"), ""),
]
BODY_PAST = t(
    "This event is part of the record of the project's activities. Presentations are published under "
    "Project reports and publications when the speakers agree.",
    "Sự kiện này là một phần trong hồ sơ hoạt động của dự án. Các bài trình bày được đăng tại mục Báo cáo và ấn "
    "phẩm khi có sự đồng ý của diễn giả.",
)
BODY_UPCOMING = t(
    "Invitations are sent by the project office. The programme may still change; this page is kept up to date.",
    "Giấy mời do văn phòng dự án gửi. Chương trình có thể thay đổi; trang này luôn được cập nhật.",
)


def _parks(slugs, english):
    return [EventPark(park=park) for park in ParkPage.objects.filter(locale=english, slug__in=slugs)]


def _place_after_about(index, home):
    """Events come right after About in the menu, as on the original site."""
    about = StandardPage.objects.filter(locale=home.locale, slug="about").first()
    if about is not None:
        index.move(about, pos="right")
        vietnamese = Locale.objects.get(language_code="vi")
        twin, about_twin = index.get_translation_or_none(vietnamese), about.get_translation_or_none(vietnamese)
        if twin is not None and about_twin is not None:
            Page.objects.get(pk=twin.pk).move(about_twin, pos="right")


def organisers_for(start):
    """Who organised an event that names no organiser: UNIDO with the ministry
    that was the project's partner on that date."""
    return ORGANISERS_NOW if start.year >= MINISTRY_OF_FINANCE_FROM else ORGANISERS


def _event(category, english, slug, title, summary, start, end, venue, parks, body, **options):
    return ensure_page(
        category,
        EventPage,
        slug=slug,
        title=title,
        search_description=summary,
        intro=summary,
        start=start,
        end=end,
        all_day=options.pop("all_day", True),
        venue=venue,
        organisers=options.pop("organisers") if "organisers" in options else organisers_for(start),
        park_links=_parks(parks, english),
        body=[{"type": "paragraph", "value": rich((body, glossary.pairs[body]))}],
        **options,
    )


# What each event is about, from its title and programme (pages.themes.demo).
EVENT_THEMES = {
    "training-recp-is-hiep-phuoc-2021": ("capacity", "cleaner", "symbiosis"),
    "workshop-eip-policies-implementation-2022": ("policy",),
    "industrial-symbiosis-workshop-deep-c-2022": ("symbiosis",),
    "industrial-symbiosis-workshop-hiep-phuoc-2022": ("symbiosis",),
    "industrial-symbiosis-workshop-amata-2022": ("symbiosis",),
    "study-tour-khanh-phu-deep-c-2023": ("symbiosis",),
    "capacity-building-workshop-da-nang-2023": ("capacity",),
    "conference-circular-economy-industrial-parks-2024": ("waste",),
    "training-eip-criteria-upcoming": ("capacity",),
    "industrial-symbiosis-workshop-tra-noc-upcoming": ("symbiosis",),
}


def seed_events():
    english = Locale.get_default()
    home = HomePage.objects.get(locale=english)
    created = not home.get_children().filter(slug=INDEX["slug"]).exists()
    index = ensure_translated_page(home, EventIndexPage, glossary, **INDEX)
    if created:
        _place_after_about(index, home)
    ensure_translated_page(index, UpcomingEventsPage, glossary, **UPCOMING)
    categories = ensure_translated_pages(index, EventCategoryPage, CATEGORIES, glossary)

    past = {}
    for category, slug, title, summary, start, end, venue, parks, options in PAST_EVENTS:
        event = _event(
            categories[category], english, slug, title, summary, start, end, venue, parks, BODY_PAST, **dict(options)
        )
        past[slug] = {"en": event, "vi": translate_once(event, glossary)}
    for old_path, (slug, language) in OLD_ADDRESSES.items():
        ensure_redirect(old_path, past[slug][language])

    today = timezone.localdate()
    for category, slug, title, summary, days, hour, duration, venue, parks in UPCOMING_EVENTS:
        # Made-up events say so where a visitor reads them: listing, page and calendar.
        summary = t(
            f"{ILLUSTRATIVE_EVENT} {summary}", f"{glossary.pairs[ILLUSTRATIVE_EVENT]} {glossary.pairs[summary]}"
        )
        day = today + datetime.timedelta(days=days)
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)
        end = datetime.datetime.combine(day + datetime.timedelta(days=duration), datetime.time(17), tzinfo=zone)
        extra = {}
        if category in {"training", "workshops"}:
            extra["agenda"] = [
                {"type": "item", "value": {"time": time, "item": item, "speaker": speaker}}
                for time, item, speaker in AGENDA
            ]
            extra["registration_url"] = "https://example.org/register"
        extra.update(registration_demo.settings_for(slug))
        event = _event(
            categories[category],
            english,
            slug,
            title,
            summary,
            start,
            end,
            venue,
            parks,
            BODY_UPCOMING,
            all_day=False,
            **extra,
        )
        translate_once(event, glossary)
    tag(EventPage, EVENT_THEMES)
