"""News demo content: articles drawn from the project's real events and results
(shared/reference/facts.md), in both languages, dated over the project's years.
The country's news are Vietnamese originals translated into English, and one
of them is in Vietnamese only: its English page is the untranslated alias."""

import datetime
import html

from django.utils import timezone
from wagtail.models import Locale, Page

from pages.demo import (
    ensure_page,
    ensure_translated_page,
    ensure_translated_pages,
    ensure_vietnamese_original,
    media,
    translate_once,
)
from pages.demo.translate import Glossary
from pages.editorial.tree_sync import twin_new_page
from pages.models import HomePage
from pages.old_addresses import ensure_redirect
from pages.search.folding import transliterate_slug
from pages.themes.demo import THEMES
from pages.themes.demo import themes as demo_themes

from .models import NewsCategoryPage, NewsIndexPage, NewsPage, NewsRelatedPage

glossary = Glossary()
t = glossary.t
rich = glossary.rich

INDEX = {
    "title": t("News", "Tin tức"),
    "slug": t("news", "tin-tuc"),
    "search_description": t(
        "News from the project and from Viet Nam on eco-industrial parks.",
        "Tin tức về dự án và về khu công nghiệp sinh thái tại Việt Nam.",
    ),
    "intro": t(
        "What the project is doing, and what is changing for eco-industrial parks across the country.",
        "Những hoạt động của dự án và những thay đổi về khu công nghiệp sinh thái trên cả nước.",
    ),
}
CATEGORIES = {
    "project": {
        "title": t("Project news", "Tin dự án"),
        "slug": t("project-news", "tin-du-an"),
        "search_description": t(
            "Workshops, results and milestones of the project.", "Hội thảo, kết quả và các dấu mốc của dự án."
        ),
    },
    "country": {
        "title": t("Country's news", "Tin trong nước"),
        "slug": t("countrys-news", "tin-trong-nuoc"),
        "search_description": t(
            "Laws, policies and events on eco-industrial parks in Viet Nam.",
            "Văn bản, chính sách và sự kiện về khu công nghiệp sinh thái tại Việt Nam.",
        ),
    },
}
# An article's topics, as the site's themes (pages.themes.demo): what each article is about.
TOPICS = {
    "symbiosis": "symbiosis",
    "cleaner": "cleaner",
    "policy": "policy",
    "circular": "waste",
    "training": "capacity",
    "water": "water",
    "energy": "energy",
}
CREDIT = t("EIP Viet Nam (illustration)", "EIP Việt Nam (minh họa)")
GOVERNMENT_PORTAL = t("Government of Viet Nam", "Cổng thông tin Chính phủ")
# In Vietnamese only (facts.md: Article 36 of Decree 35/2022/NĐ-CP sets the policies for eco-industrial parks).
VIETNAMESE_ONLY = {
    "slug": "chinh-sach-ho-tro-khu-cong-nghiep-sinh-thai-theo-nghi-dinh-35",
    "title": "Chính sách hỗ trợ khu công nghiệp sinh thái theo Nghị định 35",
    "search_description": "Điều 36 Nghị định 35/2022/NĐ-CP quy định chính sách hỗ trợ và hợp tác đối với khu công "
    "nghiệp sinh thái.",
    "intro": "Điều 36 Nghị định 35/2022/NĐ-CP quy định chính sách hỗ trợ và hợp tác đối với khu công nghiệp sinh thái.",
    "body": [
        {
            "type": "paragraph",
            "value": "<p>Nghị định 35/2022/NĐ-CP có hiệu lực từ ngày 15 tháng 7 năm 2022, thay thế Nghị định "
            "82/2018/NĐ-CP. Bài viết này hiện chỉ có bằng tiếng Việt.</p>",
        }
    ],
}

# (date, category, topics, related slugs, featured, title, summary, paragraph)
ARTICLES = [
    (
        (2014, 10, 17),
        "project",
        ["policy"],
        ["launch-first-phase-2014"],
        False,
        t(
            "Eco-industrial park initiative launched in Ha Noi",
            "Khởi động sáng kiến khu công nghiệp sinh thái tại Hà Nội",
        ),
        t(
            "The first phase brings UNIDO and the Ministry of Planning and Investment together with pilot parks.",
            "Giai đoạn một kết nối UNIDO, Bộ Kế hoạch và Đầu tư với các khu công nghiệp thí điểm.",
        ),
        t(
            "Funded by the Global Environment Facility (GEF), SECO and UNIDO, the initiative will show how "
            "industrial parks can cut costs and pollution together.",
            "Với tài trợ của Quỹ Môi trường Toàn cầu (GEF), SECO và UNIDO, sáng kiến sẽ cho thấy cách khu công "
            "nghiệp có thể đồng thời giảm chi phí và ô nhiễm.",
        ),
    ),
    (
        (2019, 11, 30),
        "project",
        ["cleaner", "energy", "water"],
        ["terminal-evaluation-eip-viet-nam-2019"],
        False,
        t(
            "First phase closes with savings of USD 6.5 million a year",
            "Giai đoạn một khép lại với mức tiết kiệm 6,5 triệu USD mỗi năm",
        ),
        t(
            "72 enterprises reported lower bills for energy, water and materials (UNIDO, 2019).",
            "72 doanh nghiệp báo cáo chi phí năng lượng, nước và nguyên liệu giảm (UNIDO, 2019).",
        ),
        t(
            "Reported savings include 22,000 MWh of electricity, 600,000 m³ of fresh water and 32,000 t of CO2 a year.",
            "Kết quả tiết kiệm theo báo cáo gồm 22.000 MWh điện, 600.000 m³ nước sạch và 32.000 tấn CO2 mỗi năm.",
        ),
    ),
    (
        (2021, 11, 24),
        "project",
        ["training", "cleaner"],
        ["training-recp-is-hiep-phuoc-2021", "hiep-phuoc-industrial-park"],
        False,
        t(
            "Hiep Phuoc companies trained in cleaner production",
            "Doanh nghiệp KCN Hiệp Phước được tập huấn sản xuất sạch hơn",
        ),
        t(
            "Online trainings on resource efficiency, cleaner production and industrial symbiosis for the park's "
            "companies.",
            "Các khóa tập huấn trực tuyến về sử dụng hiệu quả tài nguyên, sản xuất sạch hơn và cộng sinh công nghiệp "
            "cho doanh nghiệp trong khu.",
        ),
        t(
            "The trainings were held online by the project management unit of the Ministry of Planning and "
            "Investment with the Vietnam Cleaner Production Centre (VNCPC).",
            "Các khóa tập huấn được Ban quản lý dự án thuộc Bộ Kế hoạch và Đầu tư phối hợp với Trung tâm Sản xuất "
            "sạch Việt Nam (VNCPC) tổ chức theo hình thức trực tuyến.",
        ),
    ),
    (
        (2022, 4, 1),
        "project",
        ["policy"],
        ["field-testing-eip-indicators-2022", "hiep-phuoc-industrial-park", "amata-industrial-park"],
        False,
        t(
            "Eco-industrial park indicators tested in two parks",
            "Bộ chỉ số khu công nghiệp sinh thái được thử nghiệm tại hai khu",
        ),
        t(
            "From 28 March to 1 April, the draft indicators were tried out at Hiep Phuoc and Amata.",
            "Từ ngày 28 tháng 3 đến ngày 1 tháng 4, bộ chỉ số dự thảo được thử nghiệm tại Hiệp Phước và Amata.",
        ),
        t(
            "What worked and what did not will shape the national guidance on eco-industrial parks.",
            "Những điểm phù hợp và chưa phù hợp sẽ là cơ sở xây dựng hướng dẫn quốc gia về khu công nghiệp sinh thái.",
        ),
    ),
    (
        (2022, 5, 28),
        "country",
        ["policy"],
        ["decree-35-2022-nd-cp"],
        False,
        t("Government issues Decree 35 on industrial parks", "Chính phủ ban hành Nghị định 35 về khu công nghiệp"),
        t(
            "The decree sets out the eco-industrial park model and the incentives that go with it.",
            "Nghị định quy định mô hình khu công nghiệp sinh thái và các ưu đãi đi kèm.",
        ),
        t(
            "Decree 35/2022/ND-CP replaces Decree 82/2018/ND-CP and details several new models of industrial park.",
            "Nghị định 35/2022/NĐ-CP thay thế Nghị định 82/2018/NĐ-CP và quy định chi tiết một số mô hình khu công "
            "nghiệp mới.",
        ),
    ),
    (
        (2022, 6, 24),
        "project",
        ["policy"],
        ["workshop-eip-indicator-survey-2022"],
        False,
        t(
            "69 participants discuss survey findings on eco-industrial park indicators",
            "69 đại biểu thảo luận kết quả khảo sát về chỉ số khu công nghiệp sinh thái",
        ),
        t(
            "A workshop in Ha Noi looked at what parks told the project about the proposed indicators.",
            "Hội thảo tại Hà Nội xem xét ý kiến của các khu công nghiệp về bộ chỉ số đề xuất.",
        ),
        t(
            "The findings feed into the guidance that authorities will use to recognise eco-industrial parks.",
            "Kết quả sẽ được đưa vào hướng dẫn mà các cơ quan quản lý dùng để công nhận khu công nghiệp sinh thái.",
        ),
    ),
    (
        (2022, 7, 15),
        "country",
        ["policy"],
        ["decree-35-2022-nd-cp"],
        False,
        t("Decree 35 takes effect", "Nghị định 35 có hiệu lực"),
        t(
            "From today, industrial parks can apply for recognition as eco-industrial parks under the new rules.",
            "Từ hôm nay, các khu công nghiệp có thể đề nghị công nhận là khu công nghiệp sinh thái theo quy định mới.",
        ),
        t(
            "Parks that meet the criteria can benefit from the incentives the decree provides.",
            "Các khu công nghiệp đáp ứng tiêu chí có thể được hưởng các ưu đãi theo nghị định.",
        ),
    ),
    (
        (2022, 9, 15),
        "project",
        ["policy"],
        ["workshop-eip-policies-implementation-2022"],
        False,
        t(
            "More than 200 people discuss eco-industrial park policies in Ho Chi Minh City",
            "Hơn 200 đại biểu thảo luận chính sách khu công nghiệp sinh thái tại Thành phố Hồ Chí Minh",
        ),
        t(
            "Authorities, park developers and companies looked at how to put Decree 35 into practice.",
            "Cơ quan quản lý, chủ đầu tư hạ tầng và doanh nghiệp cùng tìm cách đưa Nghị định 35 vào thực tiễn.",
        ),
        t(
            "The workshop was organised by UNIDO and the Ministry of Planning and Investment.",
            "Hội thảo do UNIDO và Bộ Kế hoạch và Đầu tư tổ chức.",
        ),
    ),
    (
        (2022, 11, 25),
        "project",
        ["symbiosis"],
        ["industrial-symbiosis-workshop-amata-2022", "deep-c-industrial-park", "amata-industrial-park"],
        False,
        t(
            "Three industrial-symbiosis workshops bring together more than 160 participants",
            "Ba hội thảo cộng sinh công nghiệp thu hút hơn 160 đại biểu",
        ),
        t(
            "Workshops at Deep C, Hiep Phuoc and Amata mapped what companies could exchange.",
            "Các hội thảo tại DEEP C, Hiệp Phước và Amata đã xác định những gì doanh nghiệp có thể trao đổi.",
        ),
        t(
            "Companies identified materials, water and energy that a neighbour could use.",
            "Doanh nghiệp đã xác định nguyên liệu, nước và năng lượng mà doanh nghiệp lân cận có thể sử dụng.",
        ),
    ),
    (
        (2023, 3, 10),
        "project",
        ["symbiosis"],
        ["study-tour-khanh-phu-deep-c-2023", "deep-c-industrial-park"],
        False,
        t("Study tour visits Khanh Phu and Deep C", "Đoàn khảo sát thăm KCN Khánh Phú và DEEP C"),
        t(
            "Officials saw eco-industrial practice at first hand on 9 and 10 March.",
            "Ngày 9 và 10 tháng 3, các cán bộ đã tận mắt tìm hiểu mô hình khu công nghiệp sinh thái.",
        ),
        t(
            "Deep C, in Hai Phong, is one of the project's five demonstration parks.",
            "KCN DEEP C tại Hải Phòng là một trong năm khu công nghiệp thí điểm của dự án.",
        ),
    ),
    (
        (2023, 3, 31),
        "project",
        ["policy"],
        ["psc-meeting-2023"],
        False,
        t("Steering committee reviews 2022 and plans ahead", "Ban Chỉ đạo đánh giá năm 2022 và lập kế hoạch"),
        t(
            "The Project Steering Committee met in March to take stock of the year.",
            "Ban Chỉ đạo dự án đã họp vào tháng 3 để đánh giá kết quả trong năm.",
        ),
        t(
            "Members agreed the priorities for policy support and the demonstration parks.",
            "Các thành viên thống nhất ưu tiên về hỗ trợ chính sách và các khu công nghiệp thí điểm.",
        ),
    ),
    (
        (2023, 6, 15),
        "project",
        ["training"],
        ["capacity-building-workshop-da-nang-2023", "hoa-khanh-industrial-park"],
        False,
        t("Capacity building for 70 participants in Da Nang", "Nâng cao năng lực cho 70 đại biểu tại Đà Nẵng"),
        t(
            "Local agencies and companies worked through the requirements for eco-industrial parks.",
            "Các cơ quan địa phương và doanh nghiệp cùng tìm hiểu các yêu cầu đối với khu công nghiệp sinh thái.",
        ),
        t(
            "UNIDO and the Ministry of Planning and Investment held the workshop.",
            "UNIDO và Bộ Kế hoạch và Đầu tư đã tổ chức hội thảo.",
        ),
    ),
    (
        (2023, 10, 24),
        "project",
        ["cleaner"],
        ["swiss-state-secretary-visit-hiep-phuoc-2023", "hiep-phuoc-industrial-park"],
        False,
        t("Swiss State Secretary visits Hiep Phuoc", "Quốc vụ khanh Thụy Sỹ thăm KCN Hiệp Phước"),
        t(
            "Switzerland's State Secretary for Economic Affairs visited one of the project's demonstration parks.",
            "Quốc vụ khanh về Kinh tế của Thụy Sỹ đã đến thăm một trong các khu công nghiệp thí điểm của dự án.",
        ),
        t(
            "Switzerland funds the project through SECO, the State Secretariat for Economic Affairs.",
            "Thụy Sỹ tài trợ cho dự án thông qua Cục Kinh tế Liên bang Thụy Sỹ (SECO).",
        ),
    ),
    (
        (2023, 11, 9),
        "project",
        ["symbiosis"],
        ["geipp-i-and-beyond-vienna-2023"],
        False,
        t(
            "GEIPP I and Beyond: the programme's final event in Vienna",
            "GEIPP I và chặng đường tiếp theo: sự kiện tổng kết chương trình tại Vienna",
        ),
        t(
            "The programme's final event brought together its partner countries from 7 to 9 November.",
            "Sự kiện tổng kết chương trình quy tụ các quốc gia đối tác từ ngày 7 đến ngày 9 tháng 11.",
        ),
        t(
            "Viet Nam's project is part of the Global Eco-Industrial Parks Programme (GEIPP).",
            "Dự án tại Việt Nam là một phần của Chương trình Khu công nghiệp sinh thái toàn cầu (GEIPP).",
        ),
    ),
    (
        (2023, 12, 15),
        "project",
        ["cleaner", "symbiosis"],
        ["hiep-phuoc-industrial-park"],
        False,
        t(
            "Hiep Phuoc: 300 cleaner-production solutions identified in four years",
            "Hiệp Phước: 300 giải pháp sản xuất sạch hơn được xác định trong bốn năm",
        ),
        t(
            "Assessments of 31 enterprises in 2020–2023 point to estimated savings of VND 93 billion a year "
            "(reported).",
            "Đánh giá tại 31 doanh nghiệp giai đoạn 2020–2023 cho thấy mức tiết kiệm ước tính 93 tỷ đồng mỗi năm "
            "(theo báo cáo).",
        ),
        t(
            "Seven industrial-symbiosis solutions and four linking the park with the city were also identified; "
            "the figures are estimates of what the solutions can bring, not measured results.",
            "Bảy giải pháp cộng sinh công nghiệp và bốn giải pháp kết nối khu công nghiệp với đô thị cũng đã được "
            "xác định; các số liệu là ước tính về lợi ích của giải pháp, không phải kết quả đo đạc.",
        ),
    ),
    (
        (2024, 1, 31),
        "project",
        ["policy"],
        ["amata-industrial-park"],
        False,
        t(
            "Amata raises its eco-industrial park score to 86%",
            "Amata nâng điểm đánh giá khu công nghiệp sinh thái lên 86%",
        ),
        t(
            "Measured against the national criteria, the park rose from 41% to 86% (reported).",
            "Theo bộ tiêu chí quốc gia, điểm của khu đã tăng từ 41% lên 86% (theo báo cáo).",
        ),
        t(
            "Around 18 companies have had cleaner-production assessments in the park.",
            "Khoảng 18 doanh nghiệp trong khu đã được đánh giá sản xuất sạch hơn.",
        ),
    ),
    (
        (2024, 4, 12),
        "country",
        ["circular"],
        ["conference-circular-economy-industrial-parks-2024"],
        False,
        t("Conference on circular economy in industrial parks", "Hội nghị về kinh tế tuần hoàn trong khu công nghiệp"),
        t(
            "Ho Chi Minh City hosted a national conference on circular economy in industrial parks.",
            "Thành phố Hồ Chí Minh đăng cai hội nghị quốc gia về kinh tế tuần hoàn trong khu công nghiệp.",
        ),
        t(
            "Circular-economy thinking helps parks meet several of the eco-industrial criteria at once.",
            "Tư duy kinh tế tuần hoàn giúp các khu công nghiệp đáp ứng đồng thời nhiều tiêu chí khu công nghiệp sinh "
            "thái.",
        ),
    ),
    (
        (2024, 6, 30),
        "project",
        ["symbiosis", "training"],
        ["hoa-khanh-industrial-park", "tra-noc-industrial-park-1-2"],
        False,
        t(
            "Hoa Khanh and Tra Noc: symbiosis opportunities move to feasibility",
            "Hòa Khánh và Trà Nóc: các cơ hội cộng sinh bước sang giai đoạn khả thi",
        ),
        t(
            "12 earlier opportunities followed up, 3 new ones found and 3 pre-feasibility studies completed.",
            "12 cơ hội trước đó được theo dõi, 3 cơ hội mới được phát hiện và 3 nghiên cứu tiền khả thi được hoàn "
            "thành.",
        ),
        t(
            "The project also trained 118 people from 26 enterprises in the two parks (reported).",
            "Dự án cũng đào tạo 118 người từ 26 doanh nghiệp tại hai khu công nghiệp (theo báo cáo).",
        ),
    ),
    (
        (2025, 1, 24),
        "country",
        ["policy"],
        ["circular-05-2025-tt-bkhdt"],
        False,
        t(
            "New circular guides the development of eco-industrial parks",
            "Thông tư mới hướng dẫn phát triển khu công nghiệp sinh thái",
        ),
        t(
            "Circular 05/2025/TT-BKHDT explains how authorities and developers apply the criteria.",
            "Thông tư 05/2025/TT-BKHĐT hướng dẫn cơ quan quản lý và chủ đầu tư áp dụng các tiêu chí.",
        ),
        t(
            "It guides the application of Decree 35/2022/ND-CP, which set the eco-industrial park model.",
            "Thông tư hướng dẫn việc áp dụng Nghị định 35/2022/NĐ-CP, văn bản quy định mô hình khu công nghiệp "
            "sinh thái.",
        ),
    ),
    (
        (2025, 3, 1),
        "country",
        ["policy"],
        [],
        False,
        t(
            "Ministry of Finance takes over the project's government role",
            "Bộ Tài chính tiếp nhận vai trò của cơ quan chủ quản dự án",
        ),
        t(
            "Following the reorganisation of ministries, the follow-on phase works with the Ministry of Finance.",
            "Sau khi sắp xếp lại các bộ, giai đoạn tiếp theo của dự án làm việc với Bộ Tài chính.",
        ),
        t(
            "The Ministry of Finance takes over the role the Ministry of Planning and Investment held in the project.",
            "Bộ Tài chính đảm nhận vai trò mà Bộ Kế hoạch và Đầu tư trước đây nắm giữ trong dự án.",
        ),
    ),
    (
        (2025, 6, 26),
        "project",
        ["policy", "circular"],
        ["consultation-hiep-phuoc-eco-industrial-transition-2025", "hiep-phuoc-industrial-park"],
        True,
        t(
            "Stakeholders consulted on Hiep Phuoc's eco-industrial transition",
            "Tham vấn các bên về lộ trình chuyển đổi sinh thái của KCN Hiệp Phước",
        ),
        t(
            "A consultation workshop gathered views on the plan for Hiep Phuoc to become an eco-industrial park.",
            "Hội thảo tham vấn lấy ý kiến về kế hoạch chuyển đổi KCN Hiệp Phước thành khu công nghiệp sinh thái.",
        ),
        t(
            "The workshop was co-organised by HEPZA and the park's developer, Hiep Phuoc Industrial Park JSC (HIPC).",
            "Hội thảo do Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM (HEPZA) và chủ đầu tư hạ tầng, Công ty "
            "Cổ phần KCN Hiệp Phước (HIPC), đồng tổ chức.",
        ),
    ),
]
# The original website's addresses of these articles (facts.md): old path → title.
# The Phase II MOU signing (/article/72), the agreement at Deep C (/article/68) and
# the 4th HEF (/article/60) have no article here: those lead to the news (pages.old_addresses).
OLD_ADDRESSES = {
    "/article/74": "Hiep Phuoc: 300 cleaner-production solutions identified in four years",
    "/article/81": "Stakeholders consulted on Hiep Phuoc's eco-industrial transition",
}


def _related(slugs, locale):
    """Links to the pages of these (English) slugs, in ``locale``."""
    english = {
        page.slug: page.translation_key for page in Page.objects.filter(locale__language_code="en", slug__in=slugs)
    }
    pages = {
        page.translation_key: page for page in Page.objects.filter(locale=locale, translation_key__in=english.values())
    }
    return [NewsRelatedPage(related=pages[english[slug]]) for slug in slugs if english.get(slug) in pages]


def _topics(english):
    """{topic key: the theme, in English}."""
    found = {theme.name: theme for theme in demo_themes(*set(TOPICS.values()))}
    return {key: found[THEMES[theme][0]] for key, theme in TOPICS.items() if THEMES[theme][0] in found}


def seed_news():
    english = Locale.get_default()
    home = HomePage.objects.get(locale=english)
    index = ensure_translated_page(home, NewsIndexPage, glossary, **INDEX)
    categories = ensure_translated_pages(index, NewsCategoryPage, CATEGORIES, glossary)
    topics = _topics(english)
    images = [media.park_landscape(f"News illustration {n + 1}", CREDIT, seed=n) for n in range(4)]
    zone = timezone.get_current_timezone()
    vietnamese = Locale.objects.get(language_code="vi")
    made = {}
    for number, (day, category, topic_keys, related, featured, title, summary, paragraph) in enumerate(ARTICLES):
        fields = {
            "slug": t(
                transliterate_slug(title)[:80].strip("-"), transliterate_slug(glossary.pairs[title])[:80].strip("-")
            ),
            "title": title,
            "search_description": summary,
            "intro": summary,
            "date": datetime.datetime(*day, 9, tzinfo=zone),
            "featured": featured,
            "lead_image": images[number % len(images)],
            "image_credit": CREDIT,
            "source_name": GOVERNMENT_PORTAL if category == "country" else "",
            "source_url": "https://chinhphu.vn" if category == "country" else "",
        }
        if category == "country":
            # The country's news: written in Vietnamese (ministries, the government's portal), translated into English.
            ensure_vietnamese_original(
                categories[category],
                NewsPage,
                glossary,
                **fields,
                themes=[topics[key].get_translation(vietnamese) for key in topic_keys],
                related_links=_related(related, vietnamese),
                body=[{"type": "paragraph", "value": _vietnamese_paragraph(paragraph)}],
            )
            continue
        article = ensure_page(
            categories[category],
            NewsPage,
            **fields,
            themes=[topics[key] for key in topic_keys],
            related_links=_related(related, english),
            body=[{"type": "paragraph", "value": rich((paragraph, glossary.pairs[paragraph]))}],
        )
        translate_once(article, glossary)
        made[title] = article
    for old_path, title in OLD_ADDRESSES.items():
        ensure_redirect(old_path, made[title])
    _seed_vietnamese_only(categories["country"], topics, vietnamese, zone)


def _vietnamese_paragraph(paragraph):
    return f"<p>{html.escape(glossary.pairs[paragraph], quote=False)}</p>"


def _seed_vietnamese_only(english_category, topics, vietnamese, zone):
    """An article in Vietnamese only: no English translation (yet), so English
    readers find its alias, marked as Vietnamese, in the country's news."""
    category = english_category.get_translation(vietnamese)
    if category.get_children().filter(slug=VIETNAMESE_ONLY["slug"]).exists():
        return
    article = ensure_page(
        category,
        NewsPage,
        **VIETNAMESE_ONLY,
        date=datetime.datetime(2022, 8, 1, 9, tzinfo=zone),
        source_name="Cổng thông tin Chính phủ",
        source_url="https://chinhphu.vn",
        themes=[topics["policy"].get_translation(vietnamese)],
        related_links=_related(["decree-35-2022-nd-cp"], vietnamese),
    )
    twin_new_page(article)
