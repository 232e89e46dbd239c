"""The shell's demo content, English beside Vietnamese, written from
shared/reference/facts.md. Figures say whether they are reported and by whom."""

from pages.demo.translate import Glossary

glossary = Glossary()
t = glossary.t
rich = glossary.rich

PROJECT_TITLE = t(
    "Eco-Industrial Park Intervention in Viet Nam – Perspective from the Global Eco-Industrial Parks Programme",
    "Triển khai khu công nghiệp sinh thái tại Việt Nam theo hướng tiếp cận từ Chương trình khu công nghiệp "
    "sinh thái toàn cầu",
)

HOME = {
    "title": t("Home", "Trang chủ"),
    "slug": t("home", "trang-chu"),
    "search_description": t(
        "Viet Nam's industrial parks are becoming eco-industrial parks, with support from UNIDO and Switzerland.",
        "Các khu công nghiệp của Việt Nam đang chuyển đổi thành khu công nghiệp sinh thái, với sự hỗ trợ của "
        "UNIDO và Thụy Sỹ.",
    ),
    "hero_heading": PROJECT_TITLE,
    "hero_text": t(
        "We help industrial parks and the companies in them use less energy, water and materials, share "
        "resources with their neighbours and cut pollution, while staying competitive.",
        "Chúng tôi hỗ trợ các khu công nghiệp và doanh nghiệp trong đó sử dụng ít năng lượng, nước và nguyên "
        "liệu hơn, chia sẻ tài nguyên với doanh nghiệp lân cận và giảm ô nhiễm, đồng thời vẫn giữ được năng "
        "lực cạnh tranh.",
    ),
    "key_figures": {
        "heading": t(
            "Results of the first phase, 2014–2019 (reported by UNIDO, 2019)",
            "Kết quả giai đoạn đầu, 2014–2019 (theo báo cáo của UNIDO, 2019)",
        ),
        "figures": [
            ("72", "", t("enterprises took part", "doanh nghiệp tham gia"), ""),
            ("6.5", t("million USD", "triệu USD"), t("saved every year", "tiết kiệm mỗi năm"), ""),
            ("22000", t("MWh", "MWh"), t("of electricity saved a year", "điện năng tiết kiệm mỗi năm"), ""),
            ("600000", t("m³", "m³"), t("of fresh water saved a year", "nước sạch tiết kiệm mỗi năm"), ""),
            ("32000", t("t CO2", "tấn CO2"), t("avoided every year", "giảm phát thải mỗi năm"), ""),
        ],
    },
    "body": rich(
        (
            "Viet Nam has about 400 industrial zones, nearly 300 of them in operation. They attract around a "
            "third of the country's foreign investment, earn half of its export turnover and employ more than "
            "four million people.",
            "Việt Nam có khoảng 400 khu công nghiệp, trong đó gần 300 khu đang hoạt động. Các khu công nghiệp "
            "thu hút khoảng một phần ba vốn đầu tư nước ngoài, đóng góp một nửa kim ngạch xuất khẩu và tạo việc "
            "làm cho hơn bốn triệu người.",
        ),
        (
            "Growth on this scale puts pressure on water, energy and the environment. The project, funded by "
            "the Swiss State Secretariat for Economic Affairs (SECO) and implemented by UNIDO with Viet Nam's "
            "government, shows how parks can turn into eco-industrial parks: places where companies save "
            "resources, exchange by-products and work with the park's management and the local community.",
            "Tăng trưởng ở quy mô này gây áp lực lên nguồn nước, năng lượng và môi trường. Dự án do Cục Kinh tế "
            "Liên bang Thụy Sỹ (SECO) tài trợ và Tổ chức Phát triển Công nghiệp Liên hợp quốc (UNIDO) phối hợp "
            "với Chính phủ Việt Nam thực hiện, cho thấy cách các khu công nghiệp trở thành khu công nghiệp sinh "
            "thái: nơi doanh nghiệp tiết kiệm tài nguyên, trao đổi phụ phẩm và hợp tác với ban quản lý khu cũng "
            "như cộng đồng địa phương.",
        ),
    ),
}

ABOUT = {
    "title": t("About", "Giới thiệu"),
    "slug": t("about", "gioi-thieu"),
    "search_description": t(
        "Why the project exists, what it has achieved, who benefits and who runs it.",
        "Vì sao có dự án, dự án đã đạt được gì, ai được hưởng lợi và ai thực hiện dự án.",
    ),
    "intro": t(
        "The Eco-Industrial Park Initiative supports Viet Nam's move from conventional industrial zones to "
        "eco-industrial parks.",
        "Sáng kiến Khu công nghiệp sinh thái hỗ trợ Việt Nam chuyển từ các khu công nghiệp truyền thống sang "
        "khu công nghiệp sinh thái.",
    ),
}

INTRODUCTION = {
    "title": t("Introduction", "Giới thiệu dự án"),
    "slug": t("introduction", "gioi-thieu-du-an"),
    "search_description": t(
        "The project's background, its approach at three levels and the five parks where it is piloted.",
        "Bối cảnh của dự án, cách tiếp cận ở ba cấp độ và năm khu công nghiệp thí điểm.",
    ),
    "intro": PROJECT_TITLE,
}

INTRODUCTION_BODY = [
    ("heading", {"text": t("Why eco-industrial parks", "Vì sao cần khu công nghiệp sinh thái"), "level": "h2"}),
    (
        "paragraph",
        rich(
            (
                "Industrial parks are among Viet Nam's strongest engines of growth: around 400 zones, nearly 300 "
                "already running, draw roughly one third of all foreign investment and account for half of "
                "export turnover.",
                "Khu công nghiệp là một trong những động lực tăng trưởng mạnh nhất của Việt Nam: khoảng 400 khu, "
                "gần 300 khu đã đi vào hoạt động, thu hút khoảng một phần ba tổng vốn đầu tư nước ngoài và chiếm "
                "một nửa kim ngạch xuất khẩu.",
            ),
            (
                "Their success has a cost in energy use, water, waste and emissions. Meeting the country's "
                "sustainable development goals means managing these effects, and turning industrial zones into "
                "eco-industrial parks is one of the most practical ways to do it.",
                "Thành công đó đi kèm cái giá về tiêu thụ năng lượng, nước, chất thải và phát thải. Để đạt các "
                "mục tiêu phát triển bền vững của đất nước cần kiểm soát những tác động này, và chuyển đổi khu "
                "công nghiệp thành khu công nghiệp sinh thái là một trong những cách thiết thực nhất.",
            ),
            (
                "Decree 35/2022/ND-CP of 28 May 2022 sets out the eco-industrial park model in detail, together "
                "with the policies and incentives that encourage parks to adopt it.",
                "Nghị định 35/2022/NĐ-CP ngày 28 tháng 5 năm 2022 quy định chi tiết mô hình khu công nghiệp sinh "
                "thái, cùng các chính sách và ưu đãi khuyến khích các khu công nghiệp áp dụng mô hình này.",
            ),
        ),
    ),
    ("heading", {"text": t("What the project does", "Dự án làm gì"), "level": "h2"}),
    (
        "paragraph",
        rich(
            (
                "Funded by SECO and implemented by UNIDO, first with the Ministry of Planning and Investment and "
                "since 2025 with the Ministry of Finance, the project helps prepare the policy documents needed "
                "to apply the eco-industrial park model nationwide, and keeps demonstrating practical solutions "
                "in selected parks.",
                "Được SECO tài trợ và UNIDO thực hiện, ban đầu cùng Bộ Kế hoạch và Đầu tư và từ năm 2025 cùng Bộ "
                "Tài chính, dự án hỗ trợ xây dựng các văn bản chính sách cần thiết để áp dụng mô hình khu công "
                "nghiệp sinh thái trên cả nước, đồng thời tiếp tục trình diễn các giải pháp thực tế tại một số "
                "khu công nghiệp được lựa chọn.",
            ),
        ),
    ),
    ("heading", {"text": t("Three levels of support", "Hỗ trợ ở ba cấp độ"), "level": "h3"}),
    (
        "paragraph",
        rich(
            [
                (
                    "Policy: a legal framework for national, regional and local government.",
                    "Chính sách: khung pháp lý cho chính quyền trung ương, vùng và địa phương.",
                ),
                (
                    "Capacity: training for ministries, local agencies, park developers and the companies "
                    "operating in the parks.",
                    "Năng lực: đào tạo cho các bộ, cơ quan địa phương, chủ đầu tư hạ tầng khu công nghiệp và các "
                    "doanh nghiệp hoạt động trong khu.",
                ),
                (
                    "Technical support: help to put eco-industrial solutions into practice on the ground.",
                    "Hỗ trợ kỹ thuật: giúp triển khai các giải pháp khu công nghiệp sinh thái trong thực tế.",
                ),
            ],
        ),
    ),
    ("heading", {"text": t("Building on earlier work", "Kế thừa kết quả trước đó"), "level": "h3"}),
    (
        "paragraph",
        rich(
            (
                "The project continues the 2014–2019 initiative for a sustainable industrial park model, run by "
                "the Ministry of Planning and Investment with UNIDO and funded by the Global Environment Facility "
                "(GEF), SECO and UNIDO, and follows the international guidance on eco-industrial parks published "
                "by UNIDO, the World Bank and GIZ.",
                "Dự án kế thừa sáng kiến xây dựng mô hình khu công nghiệp bền vững giai đoạn 2014–2019 do Bộ Kế "
                "hoạch và Đầu tư phối hợp với UNIDO thực hiện, với tài trợ của Quỹ Môi trường Toàn cầu (GEF), SECO "
                "và UNIDO, và tuân theo hướng dẫn quốc tế về khu công nghiệp sinh thái do UNIDO, Ngân hàng Thế giới "
                "và GIZ ban hành.",
            ),
        ),
    ),
    ("heading", {"text": t("Five demonstration parks", "Năm khu công nghiệp thí điểm"), "level": "h3"}),
    (
        "paragraph",
        rich(
            [
                ("Amata Industrial Park, Dong Nai", "KCN Amata, Đồng Nai"),
                ("Deep C Industrial Park (Dinh Vu), Hai Phong", "KCN DEEP C (Đình Vũ), Hải Phòng"),
                ("Hiep Phuoc Industrial Park, Ho Chi Minh City", "KCN Hiệp Phước, Thành phố Hồ Chí Minh"),
                ("Hoa Khanh Industrial Park, Da Nang", "KCN Hòa Khánh, Đà Nẵng"),
                ("Tra Noc Industrial Parks 1 and 2, Can Tho", "KCN Trà Nóc 1 và 2, Cần Thơ"),
            ],
        ),
    ),
    (
        "quote",
        {
            "text": t(
                "An eco-industrial park is not a label: it is companies, park managers and the city finding "
                "value in what each of them used to throw away.",
                "Khu công nghiệp sinh thái không phải là một danh hiệu: đó là doanh nghiệp, ban quản lý khu và "
                "thành phố cùng tìm ra giá trị trong những thứ trước đây mỗi bên bỏ đi.",
            ),
            # Written for the demo: it must not pass for a real statement.
            "attribution": t(
                "Illustrative quote written for this site, not a statement by a named person",
                "Trích dẫn minh họa viết cho website, không phải phát biểu của một người cụ thể",
            ),
        },
    ),
]

RESULTS = {
    "title": t("Project results", "Kết quả dự án"),
    "slug": t("project-results", "ket-qua-du-an"),
    "search_description": t(
        "Savings in energy, water, materials and emissions reported by the companies the project supported.",
        "Kết quả tiết kiệm năng lượng, nước, nguyên liệu và giảm phát thải do các doanh nghiệp được dự án hỗ "
        "trợ báo cáo.",
    ),
    "intro": t(
        "What changed in the parks and companies that took part. The figures are as reported; sources do not "
        "always agree, so ranges are given where they differ.",
        "Những thay đổi tại các khu công nghiệp và doanh nghiệp tham gia. Số liệu được nêu theo báo cáo; các "
        "nguồn không phải lúc nào cũng thống nhất, vì vậy chúng tôi nêu khoảng giá trị khi có khác biệt.",
    ),
}

RESULTS_PHASE_ONE_HEADING = t("First phase, 2014–2019", "Giai đoạn một, 2014–2019")
RESULTS_PHASE_TWO_HEADING = t("Second phase, 2020–2024", "Giai đoạn hai, 2020–2024")
REPORTED_UNIDO = t("reported, UNIDO 2019", "theo báo cáo của UNIDO, 2019")
REPORTED_RANGE = t("reported; sources give different figures", "theo báo cáo; các nguồn đưa ra số liệu khác nhau")

RESULTS_PHASE_ONE = [
    ("72", "", t("enterprises supported", "doanh nghiệp được hỗ trợ"), REPORTED_UNIDO),
    ("6.5", t("million USD", "triệu USD"), t("saved every year", "tiết kiệm mỗi năm"), REPORTED_UNIDO),
    ("22000", t("MWh", "MWh"), t("of electricity saved a year", "điện năng tiết kiệm mỗi năm"), REPORTED_UNIDO),
    ("600000", t("m³", "m³"), t("of fresh water saved a year", "nước sạch tiết kiệm mỗi năm"), REPORTED_UNIDO),
    ("140", t("TJ", "TJ"), t("of fossil fuel saved a year", "nhiên liệu hóa thạch tiết kiệm mỗi năm"), REPORTED_UNIDO),
    ("3600", t("t", "tấn"), t("less chemicals and waste a year", "hóa chất và chất thải giảm mỗi năm"), REPORTED_UNIDO),
    ("32000", t("t CO2", "tấn CO2"), t("avoided every year", "giảm phát thải mỗi năm"), REPORTED_UNIDO),
]

RESULTS_PHASE_TWO = [
    ("37", "", t("enterprises or more took part", "doanh nghiệp trở lên tham gia"), REPORTED_RANGE),
    (
        "295",
        "",
        t("cleaner-production measures at least (up to 603)", "giải pháp sản xuất sạch hơn trở lên (tới 603)"),
        REPORTED_RANGE,
    ),
    ("62", "", t("industrial-symbiosis solutions", "giải pháp cộng sinh công nghiệp"), REPORTED_RANGE),
    ("4.4", t("million kWh", "triệu kWh"), t("of electricity saved", "điện năng tiết kiệm"), REPORTED_RANGE),
    ("20800", t("m³", "m³"), t("of water saved", "nước tiết kiệm"), REPORTED_RANGE),
    (
        "8910",
        t("t CO2e", "tấn CO2e"),
        t("avoided a year at least (up to 87,000)", "giảm phát thải mỗi năm trở lên (tới 87.000)"),
        REPORTED_RANGE,
    ),
]

RESULTS_TEXT = rich(
    (
        "In the first phase, cleaner-production assessments in 72 enterprises led to savings the companies "
        "could measure on their own bills. The second phase widened the work to industrial symbiosis between "
        "neighbouring companies and to the park as a whole.",
        "Trong giai đoạn một, các đánh giá sản xuất sạch hơn tại 72 doanh nghiệp đã mang lại khoản tiết kiệm "
        "mà chính doanh nghiệp có thể thấy trên hóa đơn của mình. Giai đoạn hai mở rộng sang cộng sinh công "
        "nghiệp giữa các doanh nghiệp lân cận và ở quy mô toàn khu.",
    ),
)

RESULTS_FACT_SHEET = t(
    "The first-phase figures above on one page (illustrative PDF made for this site, English)",
    "Số liệu giai đoạn một nêu trên trong một trang (tệp PDF minh họa tạo cho website, tiếng Anh)",
)

BENEFITS = {
    "title": t("Project benefits", "Lợi ích của dự án"),
    "slug": t("project-benefits", "loi-ich-cua-du-an"),
    "search_description": t(
        "What eco-industrial parks bring to companies, park managers, workers and the environment.",
        "Những lợi ích khu công nghiệp sinh thái mang lại cho doanh nghiệp, ban quản lý khu, người lao động và "
        "môi trường.",
    ),
    "intro": t(
        "Eco-industrial parks pay off for the companies in them, for the people who work and live nearby and "
        "for the country's climate goals.",
        "Khu công nghiệp sinh thái mang lại lợi ích cho doanh nghiệp trong khu, cho người lao động và cư dân "
        "xung quanh, và cho các mục tiêu khí hậu của đất nước.",
    ),
}

BENEFITS_BODY = [
    ("heading", {"text": t("What the project aims to change", "Những thay đổi dự án hướng tới"), "level": "h2"}),
    (
        "paragraph",
        rich(
            [
                (
                    "Complete the policies that support and recognise eco-industrial parks.",
                    "Hoàn thiện cơ chế, chính sách hỗ trợ phát triển và công nhận khu công nghiệp sinh thái.",
                ),
                (
                    "Use raw materials, water and energy more efficiently.",
                    "Sử dụng nguyên liệu, nước và năng lượng hiệu quả hơn.",
                ),
                (
                    "Cut air pollution: fewer greenhouse gases, persistent organic pollutants and harmful chemicals.",
                    "Giảm ô nhiễm không khí: ít khí nhà kính, chất ô nhiễm hữu cơ khó phân hủy và hóa chất độc hại "
                    "hơn.",
                ),
                (
                    "Reduce waste through cleaner production and the 3Rs: reduce, reuse, recycle.",
                    "Giảm chất thải nhờ sản xuất sạch hơn và nguyên tắc 3R: giảm thiểu, tái sử dụng, tái chế.",
                ),
                ("Raise productivity and competitiveness.", "Nâng cao năng suất và năng lực cạnh tranh."),
                (
                    "Open markets and add value to products made in an environmentally friendly way.",
                    "Mở rộng thị trường và gia tăng giá trị cho sản phẩm được sản xuất theo hướng thân thiện với "
                    "môi trường.",
                ),
                (
                    "Help park management boards and companies understand what an eco-industrial park requires.",
                    "Giúp ban quản lý khu công nghiệp và doanh nghiệp hiểu rõ các yêu cầu đối với khu công nghiệp "
                    "sinh thái.",
                ),
            ],
        ),
    ),
    (
        "call_to_action",
        {
            "heading": t("See the numbers", "Xem số liệu"),
            "text": t(
                "Energy, water and emissions savings reported by the companies that took part.",
                "Kết quả tiết kiệm năng lượng, nước và giảm phát thải do các doanh nghiệp tham gia báo cáo.",
            ),
            "button_label": t("Project results", "Kết quả dự án"),
        },
    ),
]

TEAM = {
    "title": t("Project team", "Nhóm dự án"),
    "slug": t("project-team", "nhom-du-an"),
    "search_description": t(
        "The roles that lead and manage the project in Viet Nam.",
        "Các vị trí lãnh đạo và quản lý dự án tại Việt Nam.",
    ),
    "intro": t(
        "The project is steered by the Vietnamese government and managed day to day by UNIDO's team in Viet Nam.",
        "Dự án do Chính phủ Việt Nam chỉ đạo và nhóm của UNIDO tại Việt Nam quản lý hằng ngày.",
    ),
}

TEAM_MEMBERS = [
    {
        "role": t("National Project Director", "Giám đốc Dự án quốc gia"),
        # In 2022–2023 the unit was a Vụ (department), headed by a Vụ trưởng, not a Cục.
        "organisation": t(
            "Director General, Department of Economic Zones Management, Ministry of Planning and Investment "
            "(2022–2023)",
            "Vụ trưởng Vụ Quản lý các khu kinh tế, Bộ Kế hoạch và Đầu tư (2022–2023)",
        ),
    },
    {
        "role": t("National Project Manager", "Quản lý Dự án quốc gia"),
        "organisation": t(
            "United Nations Industrial Development Organization (UNIDO)",
            "Tổ chức Phát triển Công nghiệp Liên hợp quốc (UNIDO)",
        ),
    },
]

PARTNERS = [
    # (wordmark, role, name, url)
    (
        "UNIDO",
        "implemented_by",
        t(
            "United Nations Industrial Development Organization (UNIDO)",
            "Tổ chức Phát triển Công nghiệp Liên hợp quốc (UNIDO)",
        ),
        "https://www.unido.org",
    ),
    (
        "MOF",
        "implemented_by",
        t(
            "Ministry of Finance of Viet Nam (formerly the Ministry of Planning and Investment)",
            "Bộ Tài chính Việt Nam (trước đây là Bộ Kế hoạch và Đầu tư)",
        ),
        "https://mof.gov.vn",
    ),
    (
        "SECO",
        "funded_by",
        t(
            "Swiss State Secretariat for Economic Affairs (SECO)",
            "Cục Kinh tế Liên bang Thụy Sỹ (SECO)",
        ),
        "https://www.seco.admin.ch",
    ),
    (
        "GEIPP",
        "programme",
        t(
            "Global Eco-Industrial Parks Programme (GEIPP)",
            "Chương trình Khu công nghiệp sinh thái toàn cầu (GEIPP)",
        ),
        "https://www.unido.org",
    ),
]

AGENCIES = [
    (t("MOC", "MOC"), t("Ministry of Construction", "Bộ Xây dựng"), "https://moc.gov.vn"),
    (t("MOF", "MOF"), t("Ministry of Finance", "Bộ Tài chính"), "https://mof.gov.vn"),
    (
        t("MONRE", "MONRE"),
        t("Ministry of Natural Resources and Environment", "Bộ Tài nguyên và Môi trường"),
        "https://monre.gov.vn",
    ),
    (t("MOST", "MOST"), t("Ministry of Science and Technology", "Bộ Khoa học và Công nghệ"), "https://most.gov.vn"),
    (t("MOIT", "MOIT"), t("Ministry of Industry and Trade", "Bộ Công Thương"), "https://moit.gov.vn"),
    (
        t("Hai Phong", "Hải Phòng"),
        t("Hai Phong Economic Zone Authority", "Ban Quản lý Khu kinh tế Hải Phòng"),
        "http://www.heza.gov.vn",
    ),
    (
        t("Da Nang", "Đà Nẵng"),
        t(
            "Da Nang Hi-Tech Park and Industrial Zones Authority",
            "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng",
        ),
        "https://dhpiza.danang.gov.vn",
    ),
    (t("Can Tho", "Cần Thơ"), t("Can Tho City", "Thành phố Cần Thơ"), "https://cantho.gov.vn"),
    (
        t("HCMC", "TP.HCM"),
        t(
            "Ho Chi Minh City Export Processing and Industrial Zones Authority",
            "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM",
        ),
        "https://hepza.hochiminhcity.gov.vn",
    ),
    (
        t("Dong Nai", "Đồng Nai"),
        t("Dong Nai Industrial Zones Authority", "Ban Quản lý các Khu công nghiệp Đồng Nai"),
        "https://diza.dongnai.gov.vn",
    ),
]

IMAGE_CAPTIONS = {
    "hero": t(
        "Factory halls with solar roofs among trees: an eco-industrial park as the project imagines it.",
        "Nhà xưởng lợp pin mặt trời giữa hàng cây: hình ảnh khu công nghiệp sinh thái mà dự án hướng tới.",
    ),
    "introduction": t(
        "Illustration: companies in a park sharing energy, water and by-products.",
        "Minh họa: các doanh nghiệp trong khu công nghiệp chia sẻ năng lượng, nước và phụ phẩm.",
    ),
}

CONTACT = {
    "title": t("Contact us", "Liên hệ"),
    "slug": t("contact-us", "lien-he"),
    "search_description": t(
        "Write to the project office: questions, partnerships, media requests.",
        "Liên hệ văn phòng dự án: câu hỏi, đề nghị hợp tác, yêu cầu của báo chí.",
    ),
    "intro": t(
        "Partners, companies in the parks and journalists are welcome to write to us.",
        "Đối tác, doanh nghiệp trong các khu công nghiệp và nhà báo có thể gửi thư cho chúng tôi.",
    ),
    "office_address": t("Project office, Ha Noi (placeholder address)", "Văn phòng dự án, Hà Nội (địa chỉ minh họa)"),
    "office_phone": "+84 24 0000 0000",
    "office_email": "contact@example.org",
    "thank_you_text": t(
        "Thank you for writing. Your message has reached the project office and we will reply as soon as we can.",
        "Cảm ơn bạn đã liên hệ. Thư của bạn đã được gửi tới văn phòng dự án và chúng tôi sẽ trả lời sớm nhất có thể.",
    ),
}

SUBSCRIBE = {
    "title": t("E-mail updates", "Nhận tin qua thư điện tử"),
    "slug": t("updates", "nhan-tin"),
    "search_description": t(
        "Hear by e-mail of new news articles, events and publications of the project, in English or Vietnamese.",
        "Nhận thư điện tử khi dự án có tin tức, sự kiện và ấn phẩm mới, bằng tiếng Anh hoặc tiếng Việt.",
    ),
    "intro": t(
        "Choose what you want to hear about and how often: one e-mail for each new item, or a daily or weekly "
        "digest. You can change your choice or unsubscribe with the link in every e-mail.",
        "Chọn nội dung bạn muốn nhận và tần suất: một thư cho mỗi nội dung mới, hoặc bản tin tổng hợp hằng ngày "
        "hay hằng tuần. Bạn có thể thay đổi lựa chọn hoặc huỷ đăng ký bằng đường liên kết trong mỗi thư.",
    ),
}

# (label, field type, required, choices)
CONTACT_FIELDS = [
    (t("Name", "Họ và tên"), "singleline", True, ""),
    (t("Email", "Thư điện tử"), "email", True, ""),
    (t("Organisation", "Cơ quan, tổ chức"), "singleline", False, ""),
    (
        t("Subject", "Chủ đề"),
        "dropdown",
        True,
        t(
            "General question\nPartnership\nMedia\nA demonstration park",
            "Câu hỏi chung\nHợp tác\nBáo chí\nMột khu công nghiệp thí điểm",
        ),
    ),
    (t("Message", "Nội dung"), "multiline", True, ""),
    (
        t("I agree to be contacted about my message", "Tôi đồng ý được liên hệ về nội dung thư này"),
        "checkbox",
        True,
        "",
    ),
]
