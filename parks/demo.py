"""The EIP demonstration's demo content: the five parks with the facts in
shared/reference/facts.md, their reported results as indicators (each with
its period, status and source), and two case studies and company results that
are illustrative and say so on the page."""

from decimal import Decimal

from wagtail.models import Locale

from pages.demo import ensure_page, translate_once
from pages.demo.content import glossary as shell_glossary
from pages.demo.translate import Glossary, translate
from pages.models import HomePage, StandardPage
from pages.themes.demo import tag, themes

from .indicators import Kind, Status
from .models import (
    AssessmentComparisonPage,
    CaseStudyFlow,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPark,
    CompanyResult,
    CompanyResultsPage,
    ParkAssessment,
    ParkIndexPage,
    ParkIndicator,
    ParkPage,
    Sector,
)
from .models.assessments import Framework, Stage

glossary = Glossary()
t = glossary.t
rich = glossary.rich

INDEX = {
    "title": t("EIP demonstration", "Mô hình KCN sinh thái"),
    "slug": t("eip-demonstration", "mo-hinh-kcn-sinh-thai"),
    "search_description": t(
        "Five industrial parks piloting the eco-industrial park model, their results and case studies.",
        "Năm khu công nghiệp thí điểm mô hình khu công nghiệp sinh thái, kết quả và các nghiên cứu điển hình.",
    ),
    "intro": t(
        "Five industrial parks, from Hai Phong in the north to Can Tho in the Mekong Delta, are testing what it "
        "takes to become an eco-industrial park.",
        "Năm khu công nghiệp, từ Hải Phòng ở phía Bắc đến Cần Thơ ở đồng bằng sông Cửu Long, đang thử nghiệm "
        "những gì cần có để trở thành khu công nghiệp sinh thái.",
    ),
}

REPORTED_UNIDO = t("reported, UNIDO", "theo báo cáo của UNIDO")
REPORTED_HIEP_PHUOC = t("reported for 2020–2023, UNIDO and HEPZA", "theo báo cáo giai đoạn 2020–2023, UNIDO và HEPZA")
# Amata's assessment as its own news page reports it (facts.md); no other park has a published one.
AMATA_CRITERIA = t(
    "Eco-industrial park criteria applied by the project", "Bộ tiêu chí khu công nghiệp sinh thái dự án áp dụng"
)
AMATA_ASSESSOR = t(
    "the MPI project board, UNIDO and the project's experts",
    "Ban quản lý dự án của Bộ Kế hoạch và Đầu tư, UNIDO và các chuyên gia của dự án",
)
AMATA_SOURCE = t(
    "Amata's news: “AMATA City Bien Hoa scores highest in the eco-industrial park project”",
    "Tin của Amata (tiếng Anh): “AMATA City Bien Hoa scores highest in the eco-industrial park project”",
)
COMPARISON = {
    "title": t("Where the parks stand", "Các khu công nghiệp đang ở đâu"),
    "slug": t("eip-assessments", "danh-gia-kcn-sinh-thai"),
    "search_description": t(
        "The demonstration parks' published assessments against eco-industrial park criteria, side by side.",
        "Các kết quả đánh giá đã công bố của những khu công nghiệp thí điểm theo tiêu chí khu công nghiệp sinh thái.",
    ),
    "intro": t(
        "Each published assessment of a demonstration park against eco-industrial park criteria, from its "
        "baseline to the latest, with its date, who assessed it and the source. A park without a published "
        "assessment says so: nothing is estimated for it.",
        "Mỗi kết quả đánh giá đã công bố của một khu công nghiệp thí điểm theo tiêu chí khu công nghiệp sinh "
        "thái, từ mức cơ sở đến lần gần nhất, kèm thời điểm, đơn vị đánh giá và nguồn. Khu nào chưa có kết quả "
        "công bố sẽ được ghi rõ: không có con số ước tính nào.",
    ),
}
AMATA_WASTEWATER = t("reported as less wastewater, UNIDO", "theo báo cáo là lượng nước thải giảm, UNIDO")

PARKS = [
    {
        "title": t("Amata Industrial Park", "KCN Amata"),
        "slug": t("amata-industrial-park", "kcn-amata"),
        "search_description": t(
            "Amata City Bien Hoa raised its eco-industrial park score from 41% to 86% (reported, January 2024).",
            "Amata City Biên Hòa đã nâng điểm đánh giá khu công nghiệp sinh thái từ 41% lên 86% (theo báo cáo, "
            "tháng 1 năm 2024).",
        ),
        "intro": t(
            "Amata City Bien Hoa, in Dong Nai since 1994, hosts companies from 15 countries (reported).",
            "Amata City Biên Hòa, hoạt động tại Đồng Nai từ năm 1994, là nơi có doanh nghiệp đến từ 15 quốc gia "
            "(theo báo cáo).",
        ),
        "location": t("Bien Hoa, Dong Nai", "Biên Hòa, Đồng Nai"),
        "area_ha": Decimal("513"),
        "year_founded": 1994,
        "developer": t("Amata Corporation (Thailand) with Sonadezi", "Tập đoàn Amata (Thái Lan) cùng Sonadezi"),
        "authority": t("Dong Nai Industrial Zones Authority (DIZA)", "Ban Quản lý các Khu công nghiệp Đồng Nai (DIZA)"),
        "enterprises": 168,
        "latitude": Decimal("10.93"),
        "longitude": Decimal("106.87"),
        "body": rich(
            (
                "About 168 companies work in the park, 152 of them foreign-owned, employing around 55,000 people "
                "(reported).",
                "Khoảng 168 doanh nghiệp hoạt động trong khu, trong đó 152 doanh nghiệp có vốn nước ngoài, sử dụng "
                "khoảng 55.000 lao động (theo báo cáo).",
            ),
            (
                "Around 18 companies have had cleaner-production assessments. Measured against the national "
                "eco-industrial park criteria, the park's score rose from 41% to 86% by January 2024 (reported).",
                "Khoảng 18 doanh nghiệp đã được đánh giá sản xuất sạch hơn. Theo bộ tiêu chí khu công nghiệp sinh "
                "thái quốc gia, điểm của khu đã tăng từ 41% lên 86% vào tháng 1 năm 2024 (theo báo cáo).",
            ),
        ),
        # (kind, first year, year, value, currency, status, source)
        "indicators": [
            (Kind.COMPANIES, None, 2023, "18", "", Status.REPORTED, REPORTED_UNIDO),
            (Kind.CO2E, None, 2023, "553", "", Status.REPORTED, REPORTED_UNIDO),
            (Kind.WASTEWATER, None, 2023, "4800", "", Status.REPORTED, AMATA_WASTEWATER),
        ],
        # (stage, year, month, share met): the source gives no date for the baseline.
        "assessments": [(Stage.BASELINE, None, None, "41"), (Stage.FOLLOW_UP, 2024, 1, "86")],
    },
    {
        "title": t("Deep C Industrial Park", "KCN DEEP C"),
        "slug": t("deep-c-industrial-park", "kcn-deep-c"),
        "search_description": t(
            "DEEP C Hai Phong I at Dinh Vu aims for at least half of its energy from renewables by 2030.",
            "DEEP C Hải Phòng I tại Đình Vũ đặt mục tiêu ít nhất một nửa năng lượng sử dụng đến từ năng lượng tái "
            "tạo vào năm 2030.",
        ),
        "intro": t(
            "A port-side park at Dinh Vu, Hai Phong, developed with Belgian partners.",
            "Khu công nghiệp cạnh cảng tại Đình Vũ, Hải Phòng, được phát triển cùng các đối tác Bỉ.",
        ),
        "location": t("Hai Phong", "Hải Phòng"),
        "area_ha": Decimal("541"),
        "year_founded": 1997,
        "developer": t("Rent-A-Port (Belgium) and partners", "Rent-A-Port (Bỉ) và các đối tác"),
        "authority": t("Hai Phong Economic Zone Authority (HEZA)", "Ban Quản lý Khu kinh tế Hải Phòng (HEZA)"),
        "website": "https://www.deepc.vn",
        "latitude": Decimal("20.83"),
        "longitude": Decimal("106.76"),
        "body": rich(
            (
                "The park had more than 70 investment projects in 2018 (reported) and has set itself a target of "
                "at least 50% renewable energy by 2030.",
                "Khu có hơn 70 dự án đầu tư vào năm 2018 (theo báo cáo) và đặt mục tiêu sử dụng ít nhất 50% năng "
                "lượng tái tạo vào năm 2030.",
            ),
        ),
        "indicators": [],
    },
    {
        "title": t("Hiep Phuoc Industrial Park", "KCN Hiệp Phước"),
        "slug": t("hiep-phuoc-industrial-park", "kcn-hiep-phuoc"),
        "search_description": t(
            "31 enterprises assessed and about 300 cleaner-production solutions identified in 2020–2023 (reported).",
            "31 doanh nghiệp được đánh giá và khoảng 300 giải pháp sản xuất sạch hơn được xác định trong giai đoạn "
            "2020–2023 (theo báo cáo).",
        ),
        "intro": t(
            "A park of 1,686 ha in Nha Be, Ho Chi Minh City, built in three phases.",
            "Khu công nghiệp rộng 1.686 ha tại Nhà Bè, Thành phố Hồ Chí Minh, được xây dựng qua ba giai đoạn.",
        ),
        "location": t("Nha Be, Ho Chi Minh City", "Nhà Bè, Thành phố Hồ Chí Minh"),
        "area_ha": Decimal("1686"),
        "year_founded": 1996,
        "developer": t("Hiep Phuoc Industrial Park JSC (HIPC)", "Công ty Cổ phần KCN Hiệp Phước (HIPC)"),
        "authority": t(
            "Ho Chi Minh City Export Processing and Industrial Zones Authority (HEPZA)",
            "Ban Quản lý các Khu chế xuất và công nghiệp TP.HCM (HEPZA)",
        ),
        "latitude": Decimal("10.63"),
        "longitude": Decimal("106.76"),
        "body": rich(
            (
                "The park covers 1,686 ha in three phases of 311, 579 and 778 ha and hosts 189 projects, 36 of them "
                "foreign (reported).",
                "Khu có diện tích 1.686 ha, gồm ba giai đoạn 311, 579 và 778 ha, với 189 dự án, trong đó 36 dự án "
                "có vốn nước ngoài (theo báo cáo).",
            ),
            (
                "Between 2020 and 2023, assessments of 31 enterprises identified about 300 cleaner-production "
                "solutions, seven industrial-symbiosis solutions and four linking the park with the city "
                "(reported). If put in place, they would save an estimated VND 93 billion a year.",
                "Từ năm 2020 đến năm 2023, qua đánh giá tại 31 doanh nghiệp đã xác định được khoảng 300 giải pháp "
                "sản xuất sạch hơn, bảy giải pháp cộng sinh công nghiệp và bốn giải pháp kết nối khu công nghiệp với "
                "đô thị (theo báo cáo). Nếu được triển khai, các giải pháp này ước tính giúp tiết kiệm 93 tỷ đồng "
                "mỗi năm.",
            ),
        ),
        # Figures for 2020–2023 (eip-vietnam.org/article/74): solutions identified,
        # not implemented; the saving is an estimate.
        "indicators": [
            (Kind.COMPANIES, 2020, 2023, "31", "", Status.REPORTED, REPORTED_HIEP_PHUOC),
            (Kind.SOLUTIONS, 2020, 2023, "300", "", Status.REPORTED, REPORTED_HIEP_PHUOC),
            (Kind.COST, 2020, 2023, "93000000000", "VND", Status.ESTIMATED, REPORTED_HIEP_PHUOC),
            (Kind.WATER, 2020, 2023, "200000", "", Status.REPORTED, REPORTED_HIEP_PHUOC),
            (Kind.CO2E, 2020, 2023, "28500", "", Status.REPORTED, REPORTED_HIEP_PHUOC),
        ],
    },
    {
        "title": t("Hoa Khanh Industrial Park", "KCN Hòa Khánh"),
        "slug": t("hoa-khanh-industrial-park", "kcn-hoa-khanh"),
        "search_description": t(
            "Supported since 2014, with companies in food, textiles and paper.",
            "Được hỗ trợ từ năm 2014, với các doanh nghiệp ngành thực phẩm, dệt may và giấy.",
        ),
        "intro": t(
            "Da Nang's park where the project has worked with companies since its first phase.",
            "Khu công nghiệp tại Đà Nẵng, nơi dự án đồng hành cùng doanh nghiệp từ giai đoạn đầu.",
        ),
        "location": t("Da Nang", "Đà Nẵng"),
        "authority": t(
            "Da Nang Hi-Tech Park and Industrial Zones Authority (DHPIZA)",
            "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng (DHPIZA)",
        ),
        "sectors": t("Food processing, textiles, paper", "Chế biến thực phẩm, dệt may, giấy"),
        "latitude": Decimal("16.07"),
        "longitude": Decimal("108.15"),
        "body": rich(
            (
                "Eight companies in food, textiles and paper have worked with the project since 2014 (reported).",
                "Tám doanh nghiệp trong các ngành thực phẩm, dệt may và giấy đã làm việc cùng dự án từ năm 2014 "
                "(theo báo cáo).",
            ),
        ),
        # Companies supported since 2014, as reported for the first phase.
        "indicators": [(Kind.COMPANIES, 2014, 2019, "8", "", Status.REPORTED, REPORTED_UNIDO)],
    },
    {
        "title": t("Tra Noc Industrial Park 1 & 2", "KCN Trà Nóc 1 & 2"),
        "slug": t("tra-noc-industrial-park-1-2", "kcn-tra-noc-1-2"),
        "search_description": t(
            "Two parks in Can Tho, in Binh Thuy and O Mon, founded in 1995 and 1998.",
            "Hai khu công nghiệp tại Bình Thủy và Ô Môn, Cần Thơ, thành lập năm 1995 và 1998.",
        ),
        "intro": t(
            "Tra Noc 1 (135 ha, 1995) and Tra Noc 2 (155 ha, 1998) come under one authority, CEPIZA.",
            "KCN Trà Nóc 1 (135 ha, năm 1995) và Trà Nóc 2 (155 ha, năm 1998) cùng thuộc một cơ quan quản lý là "
            "CEPIZA.",
        ),
        "location": t("Binh Thuy and O Mon, Can Tho", "Bình Thủy và Ô Môn, Cần Thơ"),
        "area_ha": Decimal("290"),
        "year_founded": 1995,
        "authority": t(
            "Can Tho Export Processing and Industrial Zones Authority (CEPIZA)",
            "Ban Quản lý các Khu chế xuất và công nghiệp Cần Thơ (CEPIZA)",
        ),
        "latitude": Decimal("10.10"),
        "longitude": Decimal("105.72"),
        "body": rich(
            (
                "In 2012 the two parks counted 117 and 54 projects (reported).",
                "Năm 2012, hai khu lần lượt có 117 và 54 dự án (theo báo cáo).",
            ),
        ),
        "indicators": [],
    },
]

CASE_INDEX = {
    "title": t(
        "Case studies of industrial symbiosis in Hoa Khanh and Tra Noc",
        "Nghiên cứu điển hình về cộng sinh công nghiệp tại Hòa Khánh và Trà Nóc",
    ),
    "slug": t(
        "case-studies-industrial-symbiosis-hoa-khanh-tra-noc",
        "nghien-cuu-dien-hinh-cong-sinh-cong-nghiep-hoa-khanh-tra-noc",
    ),
    "search_description": t(
        "How companies in Hoa Khanh and Tra Noc exchange by-products, water and energy.",
        "Cách các doanh nghiệp tại Hòa Khánh và Trà Nóc trao đổi phụ phẩm, nước và năng lượng.",
    ),
    "intro": t(
        "In Hoa Khanh and Tra Noc the project followed up 12 earlier symbiosis opportunities, found 3 new ones, "
        "ran 3 pre-feasibility studies and trained 118 people from 26 enterprises (reported).",
        "Tại Hòa Khánh và Trà Nóc, dự án đã theo dõi 12 cơ hội cộng sinh trước đó, tìm ra 3 cơ hội mới, thực hiện "
        "3 nghiên cứu tiền khả thi và đào tạo 118 người từ 26 doanh nghiệp (theo báo cáo).",
    ),
}

CASE_STUDIES = [
    {
        "park": "hoa-khanh-industrial-park",
        "title": t(
            "Hoa Khanh: food, textile and paper companies trading by-products",
            "Hòa Khánh: doanh nghiệp thực phẩm, dệt may và giấy trao đổi phụ phẩm",
        ),
        "slug": t("hoa-khanh-by-product-exchange", "hoa-khanh-trao-doi-phu-pham"),
        "search_description": t(
            "Packaging waste and food residues become another company's raw material.",
            "Bao bì thải và phụ phẩm thực phẩm trở thành nguyên liệu của doanh nghiệp khác.",
        ),
        "intro": t(
            "Illustrative example, not a reported result: the kind of exchange neighbours in Hoa Khanh can look "
            "for, when each checks what it throws away and who could use it.",
            "Ví dụ minh họa, không phải kết quả theo báo cáo: kiểu trao đổi mà các doanh nghiệp lân cận tại Hòa "
            "Khánh có thể tìm kiếm, khi mỗi bên xem xét những gì mình thải ra và ai có thể sử dụng chúng.",
        ),
        "participants": t(
            "Food-processing, textile and paper companies", "Doanh nghiệp chế biến thực phẩm, dệt may và giấy"
        ),
        "stage": CaseStudyPage.Stage.FEASIBILITY,
        "benefits": t(
            "Lower disposal costs for the companies that give, cheaper raw material for the ones that take, and "
            "less waste sent to landfill.",
            "Chi phí xử lý chất thải thấp hơn cho doanh nghiệp cung cấp, nguyên liệu rẻ hơn cho doanh nghiệp tiếp "
            "nhận, và ít chất thải phải chôn lấp hơn.",
        ),
        "flows": [
            (
                CaseStudyFlow.FlowKind.MATERIAL,
                t("Paper and cardboard packaging waste", "Bao bì giấy và bìa các-tông thải"),
                t("Textile and food companies", "Doanh nghiệp dệt may và thực phẩm"),
                t("Paper mill", "Nhà máy giấy"),
            ),
            (
                CaseStudyFlow.FlowKind.BY_PRODUCT,
                t("Food-processing residues", "Phụ phẩm chế biến thực phẩm"),
                t("Food processors", "Doanh nghiệp chế biến thực phẩm"),
                t("Animal-feed and compost producers", "Cơ sở sản xuất thức ăn chăn nuôi và phân hữu cơ"),
            ),
        ],
    },
    {
        "park": "tra-noc-industrial-park-1-2",
        "title": t(
            "Tra Noc: sharing steam and treated water between neighbours",
            "Trà Nóc: chia sẻ hơi nước và nước đã xử lý giữa các doanh nghiệp lân cận",
        ),
        "slug": t("tra-noc-steam-and-water-sharing", "tra-noc-chia-se-hoi-nuoc-va-nuoc"),
        "search_description": t(
            "Surplus steam and treated wastewater put to use by nearby companies.",
            "Hơi nước dư và nước thải đã xử lý được các doanh nghiệp lân cận tận dụng.",
        ),
        "intro": t(
            "Illustrative example, not a reported result: how companies along the Hau River could use each "
            "other's surplus heat and water.",
            "Ví dụ minh họa, không phải kết quả theo báo cáo: cách các doanh nghiệp bên sông Hậu có thể tận dụng "
            "nhiệt và nước dư thừa của nhau.",
        ),
        "participants": t(
            "Food and seafood processors and the park's utilities",
            "Doanh nghiệp chế biến thực phẩm, thủy sản và hạ tầng dùng chung của khu",
        ),
        "stage": CaseStudyPage.Stage.IDENTIFIED,
        "benefits": t(
            "Less fuel burnt for steam, less fresh water drawn from the river and less wastewater discharged.",
            "Giảm nhiên liệu đốt để tạo hơi, giảm lượng nước sạch lấy từ sông và giảm nước thải xả ra.",
        ),
        "flows": [
            (
                CaseStudyFlow.FlowKind.ENERGY,
                t("Surplus steam", "Hơi nước dư"),
                t("A plant with a biomass boiler", "Nhà máy có lò hơi sinh khối"),
                t("Neighbouring food processors", "Doanh nghiệp chế biến thực phẩm lân cận"),
            ),
            (
                CaseStudyFlow.FlowKind.WATER,
                t("Treated wastewater for cleaning and cooling", "Nước thải đã xử lý dùng để vệ sinh và làm mát"),
                t("Central wastewater treatment plant", "Nhà máy xử lý nước thải tập trung"),
                t("Companies in the park", "Các doanh nghiệp trong khu"),
            ),
        ],
    },
]

COMPANY_PAGE = {
    "title": t("RECP and IS achievements at company-level", "Kết quả RECP và cộng sinh công nghiệp cấp doanh nghiệp"),
    "slug": t("recp-is-achievements-company-level", "ket-qua-recp-cong-sinh-cong-nghiep-cap-doanh-nghiep"),
    "search_description": t(
        "What individual companies saved with resource-efficient and cleaner production and industrial symbiosis.",
        "Kết quả tiết kiệm của từng doanh nghiệp nhờ sản xuất sạch hơn, sử dụng hiệu quả tài nguyên và cộng sinh "
        "công nghiệp.",
    ),
    "intro": t(
        "The demo rows below are illustrative examples with anonymised names, not results of real companies.",
        "Các dòng dữ liệu minh họa dưới đây dùng tên ẩn danh, không phải kết quả của doanh nghiệp thực tế.",
    ),
}

ILLUSTRATIVE = t("Illustrative demo data", "Dữ liệu minh họa")
# (company, park slug, sector, year, measures, MWh, m³, t CO2e, t waste, cost, currency)
COMPANIES = [
    (
        t("Food processor A", "Doanh nghiệp chế biến thực phẩm A"),
        "amata-industrial-park",
        Sector.FOOD,
        2023,
        9,
        "410",
        "1200",
        "180",
        "35",
        "41000",
        "USD",
    ),
    (
        t("Electronics assembler B", "Doanh nghiệp lắp ráp điện tử B"),
        "amata-industrial-park",
        Sector.ELECTRONICS,
        2023,
        6,
        "520",
        "900",
        "210",
        "12",
        "56000",
        "USD",
    ),
    (
        t("Metal works C", "Doanh nghiệp cơ khí C"),
        "amata-industrial-park",
        Sector.METALS,
        2022,
        5,
        "300",
        "400",
        "140",
        "20",
        "30000",
        "USD",
    ),
    (
        t("Seafood processor D", "Doanh nghiệp chế biến thủy sản D"),
        "hiep-phuoc-industrial-park",
        Sector.FOOD,
        2023,
        14,
        "650",
        "38000",
        "420",
        "90",
        "2100000000",
        "VND",
    ),
    (
        t("Chemicals plant E", "Nhà máy hóa chất E"),
        "hiep-phuoc-industrial-park",
        Sector.CHEMICALS,
        2022,
        11,
        "900",
        "25000",
        "610",
        "60",
        "3500000000",
        "VND",
    ),
    (
        t("Plastics moulder F", "Doanh nghiệp nhựa F"),
        "hiep-phuoc-industrial-park",
        Sector.PLASTICS,
        2021,
        8,
        "480",
        "6000",
        "300",
        "75",
        "1400000000",
        "VND",
    ),
    (
        t("Textile dyer G", "Doanh nghiệp dệt nhuộm G"),
        "hiep-phuoc-industrial-park",
        Sector.TEXTILES,
        2023,
        12,
        "700",
        "52000",
        "450",
        "40",
        "2800000000",
        "VND",
    ),
    (
        t("Paper mill H", "Nhà máy giấy H"),
        "hoa-khanh-industrial-park",
        Sector.PAPER,
        2019,
        7,
        "350",
        "15000",
        "260",
        "110",
        "38000",
        "USD",
    ),
    (
        t("Garment maker I", "Doanh nghiệp may mặc I"),
        "hoa-khanh-industrial-park",
        Sector.TEXTILES,
        2019,
        4,
        "120",
        "2500",
        "85",
        "15",
        "12000",
        "USD",
    ),
    (
        t("Rice mill J", "Nhà máy xay xát gạo J"),
        "tra-noc-industrial-park-1-2",
        Sector.FOOD,
        2022,
        5,
        "260",
        "3000",
        "150",
        "220",
        "21000",
        "USD",
    ),
    (
        t("Seafood processor K", "Doanh nghiệp chế biến thủy sản K"),
        "tra-noc-industrial-park-1-2",
        Sector.FOOD,
        2023,
        6,
        "310",
        "9000",
        "170",
        "45",
        "26000",
        "USD",
    ),
    (
        t("Logistics operator L", "Doanh nghiệp logistics L"),
        "deep-c-industrial-park",
        Sector.OTHER,
        2023,
        3,
        "150",
        "300",
        "95",
        "8",
        "15000",
        "USD",
    ),
]


def _park(index, spec):
    fields = {key: value for key, value in spec.items() if key not in {"indicators", "body", "assessments"}}
    return ensure_page(
        index,
        ParkPage,
        body=[{"type": "paragraph", "value": spec["body"]}],
        indicators=[
            ParkIndicator(
                kind=kind,
                first_year=first_year,
                year=year,
                value=Decimal(value),
                currency=currency,
                status=status,
                source=source,
            )
            for kind, first_year, year, value, currency, status, source in spec["indicators"]
        ],
        assessments=[
            ParkAssessment(
                framework=Framework.OTHER,
                framework_name=AMATA_CRITERIA,
                stage=stage,
                year=year,
                month=month,
                share_met=Decimal(share),
                assessor=AMATA_ASSESSOR,
                source=AMATA_SOURCE,
            )
            for stage, year, month, share in spec.get("assessments", [])
        ],
        **fields,
    )


def _results_page_shows_park_totals(home):
    """About → Project results shows the totals computed from the indicators."""
    results = StandardPage.objects.filter(locale=home.locale, slug="project-results").first()
    if results is None or any(block.block_type == "live_data" for block in results.body):
        return
    results.body.append(("live_data", {"source": "parks.totals"}))
    results.save_revision().publish()
    translate(results, shell_glossary)


# What each case study is about, from its flows (pages.themes.demo).
CASE_STUDY_THEMES = {
    "hoa-khanh-by-product-exchange": ("symbiosis", "waste"),
    "tra-noc-steam-and-water-sharing": ("symbiosis", "energy", "water"),
}


def _result_themes(result):
    """A company result's themes, from the figures it reports: RECP, and energy,
    water or waste where it saved some."""
    keys = ["cleaner"]
    keys += [key for key, value in (("energy", result.energy_mwh), ("water", result.water_m3),
                                    ("waste", result.waste_t)) if value]  # fmt: skip
    return themes(*keys)


def seed_parks():
    english = Locale.get_default()
    home = HomePage.objects.get(locale=english)
    index = ensure_page(home, ParkIndexPage, **INDEX)
    translate_once(index, glossary)
    parks = {}
    for spec in PARKS:
        park = _park(index, spec)
        translate_once(park, glossary)
        parks[park.slug] = park

    case_index = ensure_page(index, CaseStudyIndexPage, **CASE_INDEX)
    translate_once(case_index, glossary)
    for spec in CASE_STUDIES:
        fields = {key: value for key, value in spec.items() if key not in {"park", "flows"}}
        study = ensure_page(
            case_index,
            CaseStudyPage,
            park_links=[CaseStudyPark(park=parks[spec["park"]])],
            flows=[
                CaseStudyFlow(kind=kind, description=description, source=source, destination=destination)
                for kind, description, source, destination in spec["flows"]
            ],
            **fields,
        )
        translate_once(study, glossary)

    comparison = ensure_page(index, AssessmentComparisonPage, **COMPARISON)
    translate_once(comparison, glossary)

    company_page = ensure_page(index, CompanyResultsPage, **COMPANY_PAGE)
    translate_once(company_page, glossary)
    for company, park_slug, sector, year, measures, energy, water, co2e, waste, cost, currency in COMPANIES:
        result = CompanyResult.objects.filter(locale=english, company=company).first()
        if result is None:
            result = CompanyResult.objects.create(
                locale=english,
                company=company,
                park=parks[park_slug],
                sector=sector,
                year=year,
                measures=measures,
                energy_mwh=Decimal(energy),
                water_m3=Decimal(water),
                co2e_t=Decimal(co2e),
                waste_t=Decimal(waste),
                cost_saved=Decimal(cost),
                currency=currency,
                status=Status.ESTIMATED,
                source=ILLUSTRATIVE,
            )
        if not result.themes.exists():
            result.themes.set(_result_themes(result))  # its translations share them by translation key
        translate_once(result, glossary)
    tag(CaseStudyPage, CASE_STUDY_THEMES)

    _results_page_shows_park_totals(home)
