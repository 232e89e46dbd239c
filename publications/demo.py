"""Publications demo content: the real titles in shared/reference/facts.md (and
only those: no publication is made up) with
generated placeholder PDFs (a Vietnamese edition where the original is
Vietnamese), two photo albums of generated pictures and one video entry.
Laws and regulations are Vietnamese originals, translated into English."""

import datetime
import html

from wagtail.models import Locale

from pages import origin
from pages.demo import (
    ensure_page,
    ensure_translated_page,
    ensure_translated_pages,
    ensure_vietnamese_original,
    media,
    translate_once,
)
from pages.demo.translate import Glossary, translate
from pages.models import HomePage
from pages.themes.demo import tag
from parks.models import ParkPage

from .models import (
    MediaGalleryPage,
    PhotoAlbumPage,
    PublicationCategoryPage,
    PublicationIndexPage,
    PublicationPage,
    PublicationPark,
    VideoPage,
)

glossary = Glossary()
t = glossary.t
rich = glossary.rich
Type = PublicationPage.Type

INDEX = {
    "title": t("Project reports and publications", "Báo cáo và ấn phẩm"),
    "slug": t("publications", "bao-cao-va-an-pham"),
    "search_description": t(
        "Laws, project reports and toolkits on eco-industrial parks, to read and download.",
        "Văn bản pháp luật, báo cáo dự án và bộ công cụ về khu công nghiệp sinh thái, để đọc và tải xuống.",
    ),
    "intro": t(
        "Search the library, filter by year, language or park, and download the files you need.",
        "Tìm kiếm trong thư viện, lọc theo năm, ngôn ngữ hoặc khu công nghiệp, và tải xuống tài liệu bạn cần.",
    ),
}
CATEGORIES = {
    "law": {
        "title": t("Law & Regulations", "Văn bản pháp luật"),
        "slug": t("law-regulations", "van-ban-phap-luat"),
        "search_description": t(
            "The decisions, decrees and circulars that set the rules for eco-industrial parks.",
            "Các quyết định, nghị định và thông tư quy định về khu công nghiệp sinh thái.",
        ),
    },
    "reports": {
        "title": t("Project Information & Reports", "Thông tin và báo cáo dự án"),
        "slug": t("project-information-reports", "thong-tin-va-bao-cao-du-an"),
        "search_description": t(
            "Evaluations, studies and fact sheets from the project.",
            "Các báo cáo đánh giá, nghiên cứu và tài liệu tóm tắt của dự án.",
        ),
    },
    "toolkit": {
        "title": t("Toolkit", "Bộ công cụ"),
        "slug": t("toolkit", "bo-cong-cu"),
        "search_description": t(
            "International frameworks and handbooks for planning and running eco-industrial parks.",
            "Khung hướng dẫn quốc tế và sổ tay về quy hoạch và vận hành khu công nghiệp sinh thái.",
        ),
    },
}
GALLERY = {
    "title": t("Videos & Photos", "Video và hình ảnh"),
    "slug": t("videos-photos", "video-va-hinh-anh"),
    "search_description": t(
        "Photos from the parks and the project's events, and videos.",
        "Hình ảnh tại các khu công nghiệp và sự kiện của dự án, cùng các video.",
    ),
}

GOVERNMENT = t("Government of Viet Nam", "Chính phủ Việt Nam")
PRIME_MINISTER = t("Prime Minister of Viet Nam", "Thủ tướng Chính phủ")
MPI = t("Ministry of Planning and Investment", "Bộ Kế hoạch và Đầu tư")
UNIDO = t("UNIDO", "UNIDO")
MPI_UNIDO = t("Ministry of Planning and Investment and UNIDO", "Bộ Kế hoạch và Đầu tư và UNIDO")
FRAMEWORK_PUBLISHERS = t("UNIDO, World Bank Group and GIZ", "UNIDO, Nhóm Ngân hàng Thế giới và GIZ")
MDPI = t("MDPI, Sustainability 11(17)", "MDPI, tạp chí Sustainability 11(17)")
PLACEHOLDER = t(
    "Demo file: a generated placeholder standing in for the real document.",
    "Tệp minh họa: tệp được tạo tự động thay cho tài liệu thật.",
)

# (category, slug, title, summary, type, date, reference, publisher, editions, parks)
# editions: "en", "vi" or "en+vi": which language files exist.
PUBLICATIONS = [
    (
        "law",
        t("decision-1526-qd-ttg-2014", "quyet-dinh-1526-qd-ttg-2014"),
        t(
            "Decision approving the eco-industrial park initiative project",
            "Quyết định phê duyệt dự án sáng kiến khu công nghiệp sinh thái",
        ),
        t(
            "The Prime Minister's decision that started the project's first phase.",
            "Quyết định của Thủ tướng Chính phủ khởi động giai đoạn một của dự án.",
        ),
        Type.LAW,
        datetime.date(2014, 8, 28),
        t("Decision 1526/QĐ-TTg", "Quyết định 1526/QĐ-TTg"),
        PRIME_MINISTER,
        "vi",
        [],
    ),
    (
        "law",
        t("decree-82-2018-nd-cp", "nghi-dinh-82-2018-nd-cp"),
        t(
            "Decree on the management of industrial parks and economic zones",
            "Nghị định quy định về quản lý khu công nghiệp và khu kinh tế",
        ),
        t(
            "The first decree to define eco-industrial parks in Vietnamese law, replaced in 2022.",
            "Nghị định đầu tiên đưa khái niệm khu công nghiệp sinh thái vào pháp luật Việt Nam, "
            "được thay thế năm 2022.",
        ),
        Type.LAW,
        datetime.date(2018, 5, 22),
        t("Decree 82/2018/ND-CP", "Nghị định 82/2018/NĐ-CP"),
        GOVERNMENT,
        "en+vi",
        [],
    ),
    (
        "law",
        t("decree-35-2022-nd-cp", "nghi-dinh-35-2022-nd-cp"),
        t(
            "Decree on the management of industrial parks and economic zones (2022)",
            "Nghị định quy định về quản lý khu công nghiệp và khu kinh tế (2022)",
        ),
        t(
            "Sets the eco-industrial park model and its incentives; in force since 15 July 2022, replacing Decree 82.",
            "Quy định mô hình khu công nghiệp sinh thái và các ưu đãi; có hiệu lực từ ngày 15 tháng 7 năm 2022, "
            "thay thế Nghị định 82.",
        ),
        Type.LAW,
        datetime.date(2022, 5, 28),
        t("Decree 35/2022/ND-CP", "Nghị định 35/2022/NĐ-CP"),
        GOVERNMENT,
        "en+vi",
        ["hiep-phuoc-industrial-park", "amata-industrial-park"],
    ),
    (
        "law",
        t("circular-05-2025-tt-bkhdt", "thong-tu-05-2025-tt-bkhdt"),
        t(
            "Circular guiding the development of eco-industrial parks",
            "Thông tư hướng dẫn phát triển khu công nghiệp sinh thái",
        ),
        t(
            "Guidance for authorities and park developers on applying the eco-industrial park criteria.",
            "Hướng dẫn cho cơ quan quản lý và chủ đầu tư hạ tầng về áp dụng tiêu chí khu công nghiệp sinh thái.",
        ),
        Type.LAW,
        datetime.date(2025, 1, 24),
        t("Circular 05/2025/TT-BKHDT", "Thông tư 05/2025/TT-BKHĐT"),
        MPI,
        "vi",
        [],
    ),
    (
        "reports",
        t("terminal-evaluation-eip-viet-nam-2019", "danh-gia-cuoi-ky-du-an-kcn-sinh-thai-2019"),
        t(
            "Terminal evaluation of the eco-industrial park project in Viet Nam",
            "Đánh giá cuối kỳ dự án khu công nghiệp sinh thái tại Việt Nam",
        ),
        t(
            "UNIDO's independent evaluation of the first phase, 2014–2019.",
            "Đánh giá độc lập của UNIDO về giai đoạn một, 2014–2019.",
        ),
        Type.EVALUATION,
        datetime.date(2019, 11, 1),
        "",
        UNIDO,
        "en",
        [],
    ),
    (
        "reports",
        t("eip-viet-nam-socio-economic-requirements-2019", "kcn-sinh-thai-yeu-cau-kinh-te-xa-hoi-2019"),
        t(
            "Eco-Industrial Parks Viet Nam – Socio-Economic Requirements",
            "Khu công nghiệp sinh thái Việt Nam – Các yêu cầu về kinh tế – xã hội",
        ),
        t(
            "What eco-industrial parks must offer workers and neighbouring communities.",
            "Những gì khu công nghiệp sinh thái cần bảo đảm cho người lao động và cộng đồng xung quanh.",
        ),
        Type.REPORT,
        datetime.date(2019, 6, 1),
        "",
        MPI_UNIDO,
        "en+vi",
        [],
    ),
    (
        "reports",
        t("geipp-lessons-learnt-2-2021", "geipp-bai-hoc-kinh-nghiem-so-2-2021"),
        t("GEIPP Lessons Learnt Series no. 2", "Chuỗi bài học kinh nghiệm GEIPP số 2"),
        t(
            "Lessons from the Global Eco-Industrial Parks Programme's countries.",
            "Bài học từ các quốc gia tham gia Chương trình Khu công nghiệp sinh thái toàn cầu.",
        ),
        Type.REPORT,
        datetime.date(2021, 5, 1),
        t("Lessons Learnt Series no. 2", "Chuỗi bài học kinh nghiệm số 2"),
        UNIDO,
        "en",
        [],
    ),
    (
        "reports",
        t("sustainability-2019-4667", "sustainability-2019-4667"),
        # Our sources give this paper's number, not its title: no title is made up.
        t("Sustainability 11(17), article 4667 (2019)", "Tạp chí Sustainability 11(17), bài số 4667 (2019)"),
        t(
            "A 2019 paper listed among the project's publications; its full title is to be added from the journal.",
            "Bài báo năm 2019 nằm trong danh mục ấn phẩm của dự án; tên đầy đủ sẽ được bổ sung theo tạp chí.",
        ),
        Type.PAPER,
        datetime.date(2019, 9, 1),
        t("Sustainability 11(17), 4667", "Sustainability 11(17), 4667"),
        MDPI,
        "en",
        [],
    ),
    (
        "reports",
        t("sustainability-2019-4687", "sustainability-2019-4687"),
        t(
            "Lessons Learned from the Application of the UNIDO Eco-Industrial Park Toolbox in Viet Nam and Other "
            "Countries",
            "Bài học kinh nghiệm từ việc áp dụng Bộ công cụ khu công nghiệp sinh thái của UNIDO tại Việt Nam và các "
            "quốc gia khác",
        ),
        t(
            "A 2019 paper on what applying UNIDO's eco-industrial park toolbox in Viet Nam and elsewhere has taught.",
            "Bài báo năm 2019 về những bài học rút ra khi áp dụng bộ công cụ khu công nghiệp sinh thái của UNIDO "
            "tại Việt Nam và các nước khác.",
        ),
        Type.PAPER,
        datetime.date(2019, 9, 1),
        t("Sustainability 11(17), 4687", "Sustainability 11(17), 4687"),
        MDPI,
        "en",
        ["hoa-khanh-industrial-park", "tra-noc-industrial-park-1-2"],
    ),
    (
        "toolkit",
        t("international-framework-eip-2017", "khung-quoc-te-kcn-sinh-thai-2017"),
        t("An International Framework for Eco-Industrial Parks", "Khung quốc tế về khu công nghiệp sinh thái"),
        t(
            "The shared definition of an eco-industrial park by UNIDO, the World Bank and GIZ.",
            "Định nghĩa chung về khu công nghiệp sinh thái của UNIDO, Ngân hàng Thế giới và GIZ.",
        ),
        Type.TOOLKIT,
        datetime.date(2017, 12, 1),
        "",
        FRAMEWORK_PUBLISHERS,
        "en",
        [],
    ),
    (
        "toolkit",
        t("international-framework-eip-v2-2021", "khung-quoc-te-kcn-sinh-thai-phien-ban-2-2021"),
        t(
            "An International Framework for Eco-Industrial Parks, version 2.0",
            "Khung quốc tế về khu công nghiệp sinh thái, phiên bản 2.0",
        ),
        t(
            "The updated framework, with revised performance requirements.",
            "Khung hướng dẫn cập nhật, với các yêu cầu đánh giá được sửa đổi.",
        ),
        Type.TOOLKIT,
        datetime.date(2021, 1, 1),
        t("Version 2.0", "Phiên bản 2.0"),
        FRAMEWORK_PUBLISHERS,
        "en+vi",
        [],
    ),
    (
        "toolkit",
        t("unido-implementation-handbook-eip-2017", "so-tay-trien-khai-kcn-sinh-thai-unido-2017"),
        t("Implementation Handbook for Eco-Industrial Parks", "Sổ tay triển khai khu công nghiệp sinh thái"),
        t(
            "UNIDO's practical guide for park managers and policy makers.",
            "Hướng dẫn thực hành của UNIDO cho ban quản lý khu công nghiệp và nhà hoạch định chính sách.",
        ),
        Type.TOOLKIT,
        datetime.date(2017, 10, 1),
        "",
        UNIDO,
        "en",
        [],
    ),
]

# Laws' legal status (shared/reference/facts.md, "Additions"): only what is
# known; what is not (the decision's and the circular's status, their dates in
# force) stays empty and their pages show nothing of it. The issuing body is the
# publisher above, the date issued the publication date. Keyed by English slug.
Status = PublicationPage.LegalStatus
LEGAL_STATUS = {
    "decision-1526-qd-ttg-2014": {"document_number": "1526/QĐ-TTg"},
    "decree-82-2018-nd-cp": {
        "document_number": "82/2018/NĐ-CP",
        "date_in_force": datetime.date(2018, 7, 10),
        "legal_status": Status.REPLACED,
        "replaced_by": "decree-35-2022-nd-cp",
    },
    "decree-35-2022-nd-cp": {
        "document_number": "35/2022/NĐ-CP",
        "date_in_force": datetime.date(2022, 7, 15),
        "legal_status": Status.IN_FORCE,
    },
    "circular-05-2025-tt-bkhdt": {"document_number": "05/2025/TT-BKHĐT"},
}

ALBUMS = [
    {
        "title": t(
            "Industrial-symbiosis workshops, November 2022", "Hội thảo cộng sinh công nghiệp, tháng 11 năm 2022"
        ),
        "slug": t("industrial-symbiosis-workshops-2022-photos", "anh-hoi-thao-cong-sinh-cong-nghiep-2022"),
        "search_description": t(
            "Illustrations from the workshops at Deep C, Hiep Phuoc and Amata.",
            "Hình minh họa từ các hội thảo tại DEEP C, Hiệp Phước và Amata.",
        ),
        "date": datetime.date(2022, 11, 25),
        "captions": [
            t(
                "Deep C: companies at the port side of Hai Phong (illustration)",
                "DEEP C: doanh nghiệp bên cảng Hải Phòng (minh họa)",
            ),
            t(
                "Hiep Phuoc: mapping the flows between neighbours (illustration)",
                "Hiệp Phước: lập bản đồ các dòng trao đổi giữa doanh nghiệp lân cận (minh họa)",
            ),
            t(
                "Amata: the last workshop of the series (illustration)",
                "Amata: hội thảo cuối cùng của chuỗi (minh họa)",
            ),
        ],
    },
    {
        "title": t("The demonstration parks", "Các khu công nghiệp thí điểm"),
        "slug": t("demonstration-parks-photos", "anh-cac-khu-cong-nghiep-thi-diem"),
        "search_description": t(
            "How the five parks might look as eco-industrial parks.",
            "Năm khu công nghiệp có thể trông như thế nào khi trở thành khu công nghiệp sinh thái.",
        ),
        "date": datetime.date(2024, 1, 15),
        "captions": [
            t("Solar roofs over factory halls (illustration)", "Mái nhà xưởng lắp pin mặt trời (minh họa)"),
            t("Green belts between companies (illustration)", "Vành đai cây xanh giữa các doanh nghiệp (minh họa)"),
            t(
                "Shared utilities at the edge of the park (illustration)",
                "Hạ tầng dùng chung ở rìa khu công nghiệp (minh họa)",
            ),
            t("A park beside the river (illustration)", "Khu công nghiệp bên sông (minh họa)"),
        ],
    },
]
VIDEO = {
    "title": t(
        "Videos about the Global Eco-Industrial Parks Programme",
        "Video về Chương trình Khu công nghiệp sinh thái toàn cầu",
    ),
    "slug": t("geipp-videos", "video-geipp"),
    "search_description": t(
        "Watch videos about GEIPP and eco-industrial parks on YouTube.",
        "Xem các video về GEIPP và khu công nghiệp sinh thái trên YouTube.",
    ),
    "intro": t(
        "A selection of videos hosted on YouTube; the player loads only if you ask for it.",
        "Tuyển chọn video trên YouTube; trình phát chỉ được tải khi bạn yêu cầu.",
    ),
    "video_url": "https://www.youtube.com/results?search_query=GEIPP+eco-industrial+parks",
}


def _pdf(title, reference, language, slug):
    lines = [
        reference or "",
        "Tài liệu minh họa do website tạo ra." if language == "vi" else "Placeholder generated for the demo site.",
        "EIP Việt Nam" if language == "vi" else "EIP Viet Nam",
    ]
    return media.fact_sheet(
        f"{title} ({language})", [line for line in lines if line], filename=f"{slug}-{language}.pdf"
    )


def _parks(slugs, locale):
    """Links to the parks of these (English) slugs, in ``locale``."""
    keys = ParkPage.objects.filter(locale__language_code="en", slug__in=slugs).values("translation_key")
    return [PublicationPark(park=park) for park in ParkPage.objects.filter(locale=locale, translation_key__in=keys)]


def _legal_status(category):
    """Set each law's legal status once, on its Vietnamese original, and bring
    its English translation up to date (the status is synchronised). A law
    that has its number already is left as it is: a second run changes nothing."""
    english = category.locale
    # child_of, not get_children(): the category's own numchild is from before its laws were added.
    laws = {page.slug: page for page in PublicationPage.objects.child_of(category).filter(slug__in=LEGAL_STATUS)}
    originals = {slug: origin.source_of(page).specific for slug, page in laws.items()}
    for slug, spec in LEGAL_STATUS.items():
        law = originals.get(slug)
        if law is None or law.document_number:
            continue
        for name, value in spec.items():
            setattr(law, name, originals[value] if name == "replaced_by" else value)
        law.save_revision().publish()
        if law.locale_id == english.pk:  # a demo built before laws were Vietnamese originals
            translate(law, glossary, Locale.objects.get(language_code="vi"))
        else:
            translate(law, glossary.reversed(), english)


# What each document is about, from its title (pages.themes.demo); a paper whose title is unknown gets none.
PUBLICATION_THEMES = {
    "decision-1526-qd-ttg-2014": ("policy",),
    "decree-82-2018-nd-cp": ("policy",),
    "decree-35-2022-nd-cp": ("policy",),
    "circular-05-2025-tt-bkhdt": ("policy",),
    "terminal-evaluation-eip-viet-nam-2019": ("cleaner", "symbiosis"),
    "eip-viet-nam-socio-economic-requirements-2019": ("policy",),
    "sustainability-2019-4687": ("capacity",),
    "international-framework-eip-2017": ("policy",),
    "international-framework-eip-v2-2021": ("policy",),
    "unido-implementation-handbook-eip-2017": ("capacity",),
}


def seed_publications():
    english = Locale.get_default()
    home = HomePage.objects.get(locale=english)
    index = ensure_translated_page(home, PublicationIndexPage, glossary, **INDEX)
    categories = ensure_translated_pages(index, PublicationCategoryPage, CATEGORIES, glossary)

    vietnamese = Locale.objects.get(language_code="vi")
    for category, slug, title, summary, kind, date, reference, publisher, editions, parks in PUBLICATIONS:
        vi_title = glossary.pairs[title]
        vi_reference = glossary.pairs.get(reference, reference)
        fields = {
            "slug": slug,
            "title": title,
            "search_description": summary,
            "intro": summary,
            "publication_type": kind,
            "publication_date": date,
            "reference": reference,
            "publisher": publisher,
            "file_en": _pdf(title, reference, "en", slug) if "en" in editions else None,
            "file_vi": _pdf(vi_title, vi_reference, "vi", glossary.pairs[slug]) if "vi" in editions else None,
        }
        if category == "law":
            # Vietnamese legal texts: the Vietnamese is the original, English versions are unofficial.
            placeholder = html.escape(glossary.pairs[PLACEHOLDER], quote=False)
            ensure_vietnamese_original(categories[category], PublicationPage, glossary, **fields,
                                       park_links=_parks(parks, vietnamese),
                                       body=[{"type": "paragraph", "value": f"<p>{placeholder}</p>"}])  # fmt: skip
            continue
        publication = ensure_page(
            categories[category],
            PublicationPage,
            **fields,
            park_links=_parks(parks, english),
            body=[{"type": "paragraph", "value": rich((PLACEHOLDER, glossary.pairs[PLACEHOLDER]))}],
        )
        translate_once(publication, glossary)

    _legal_status(categories["law"])
    tag(PublicationPage, PUBLICATION_THEMES)

    gallery = ensure_page(index, MediaGalleryPage, **GALLERY)
    translate_once(gallery, glossary)
    for number, spec in enumerate(ALBUMS):
        images = [
            media.park_landscape(f"Album {number + 1} photo {position + 1}", caption, seed=position + number)
            for position, caption in enumerate(spec["captions"])
        ]
        album = ensure_page(
            gallery,
            PhotoAlbumPage,
            cover_image=images[0],
            photos=[
                {
                    "type": "photo",
                    "value": {
                        "image": {"image": image.pk, "alt_text": caption, "decorative": False},
                        "caption": caption,
                    },
                }
                for image, caption in zip(images, spec["captions"], strict=True)
            ],
            **{key: value for key, value in spec.items() if key != "captions"},
        )
        translate_once(album, glossary)
    video = ensure_page(gallery, VideoPage, **VIDEO)
    translate_once(video, glossary)
