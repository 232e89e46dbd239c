"""The notices every footer links: privacy, accessibility, terms of use.

They describe what this code does (what the contact form stores and for how
long, the cookies, the checks the pages pass), so a change to that behaviour
is a change to these texts too (tests/test_notices.py holds them together).
"""

import datetime

from wagtail.models import Locale

from pages.demo.translate import Glossary
from pages.models import HomePage, NoticePage

glossary = Glossary()
t = glossary.t
rich = glossary.rich

REVIEWED = datetime.date(2026, 11, 28)

PRIVACY = {
    "title": t("Privacy notice", "Thông báo về quyền riêng tư"),
    "slug": t("privacy", "quyen-rieng-tu"),
    "kind": NoticePage.Kind.PRIVACY,
    "intro": t(
        "What this website collects about you, why, for how long, and how to ask us to delete it.",
        "Trang web này thu thập thông tin gì về bạn, vì sao, lưu trong bao lâu và cách đề nghị chúng tôi xoá.",
    ),
    "search_description": t(
        "How the website of the Eco-Industrial Park Initiative in Viet Nam handles personal data.",
        "Cách trang web của Sáng kiến khu công nghiệp sinh thái tại Việt Nam xử lý dữ liệu cá nhân.",
    ),
    "body": [
        ("heading", {"text": t("Reading the website", "Khi bạn đọc trang web"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "You can read every page and download every publication without an account. The site uses "
                    "no analytics, advertising or tracking service, and sets no cookie while you read.",
                    "Bạn có thể đọc mọi trang và tải mọi ấn phẩm mà không cần tài khoản. Trang web không dùng dịch "
                    "vụ phân tích, quảng cáo hay theo dõi nào và không đặt cookie khi bạn đọc.",
                ),
                (
                    "The only cookies are technical: a security token (csrftoken) on pages with a form, so that "
                    "nobody else can send the form in your name, and a sign-in cookie for project staff using "
                    "the editing tools. Because of this, the site shows no cookie banner.",
                    "Cookie duy nhất là cookie kỹ thuật: mã bảo mật (csrftoken) trên các trang có biểu mẫu, để "
                    "không ai khác gửi biểu mẫu thay bạn, và cookie đăng nhập cho cán bộ dự án dùng công cụ biên "
                    "tập. Vì vậy trang web không hiển thị thông báo cookie.",
                ),
                (
                    "Like every web server, ours records each request (the address of your device, the time, "
                    "the page and your browser) to keep the site secure and to find faults. These logs are not "
                    "shared and are deleted as the server rotates them.",
                    "Như mọi máy chủ web, máy chủ của chúng tôi ghi lại từng yêu cầu (địa chỉ thiết bị của bạn, "
                    "thời điểm, trang được xem và trình duyệt) để bảo đảm an toàn và tìm lỗi. Các bản ghi này "
                    "không được chia sẻ và bị xoá khi máy chủ luân chuyển nhật ký.",
                ),
                (
                    "Sign-ins to the editing tools are recorded with the device's address, to stop password "
                    "guessing; these records are deleted automatically after 12 months.",
                    "Các lần đăng nhập vào công cụ biên tập được ghi lại cùng địa chỉ thiết bị để ngăn việc dò mật "
                    "khẩu; các bản ghi này tự động bị xoá sau 12 tháng.",
                ),
            ),
        ),
        ("heading", {"text": t("When you write to us", "Khi bạn gửi thư cho chúng tôi"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "The contact form asks for your name, e-mail address, organisation (optional), a subject "
                    "and your message. We use them only to answer you.",
                    "Biểu mẫu liên hệ đề nghị bạn cung cấp họ tên, địa chỉ thư điện tử, cơ quan (không bắt buộc), "
                    "chủ đề và nội dung thư. Chúng tôi chỉ dùng các thông tin này để trả lời bạn.",
                ),
                [
                    (
                        "Who sees it: the project's moderators, who answer messages, in the website's editing tools.",
                        "Ai được xem: những người kiểm duyệt của dự án, người trả lời thư, trong công cụ biên tập "
                        "của trang web.",
                    ),
                    (
                        "How long: each message is deleted automatically 12 months after it arrives.",
                        "Lưu trong bao lâu: mỗi thư tự động bị xoá 12 tháng sau khi đến.",
                    ),
                    (
                        "To stop abuse, the site counts messages per device address for one hour, keeping only "
                        "a scrambled form of the address, never the address itself, and for at most a day.",
                        "Để chống lạm dụng, trang web đếm số thư theo địa chỉ thiết bị trong một giờ, chỉ lưu dạng "
                        "đã mã hoá của địa chỉ, không bao giờ lưu chính địa chỉ, và tối đa một ngày.",
                    ),
                ],
            ),
        ),
        ("heading", {"text": t("When you register for an event", "Khi bạn đăng ký tham dự sự kiện"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "An event that takes registrations on this website asks for your name, e-mail address and "
                    "consent, and, when the organisers need them, your organisation, position, phone number, "
                    "preferred language and dietary or access needs. We use them only to organise the event: to "
                    "keep your place or your turn on the waiting list, to send you the confirmation with the "
                    "event's calendar file, and to tell you when a place becomes free.",
                    "Sự kiện nhận đăng ký trên trang web này sẽ hỏi họ tên, địa chỉ thư điện tử và sự đồng ý của "
                    "bạn, và khi ban tổ chức cần, cả cơ quan, chức vụ, số điện thoại, ngôn ngữ bạn muốn dùng và nhu "
                    "cầu về ăn uống hoặc hỗ trợ tiếp cận. Chúng tôi chỉ dùng các thông tin này để tổ chức sự kiện: "
                    "giữ chỗ hoặc thứ tự của bạn trong danh sách chờ, gửi thư xác nhận kèm tệp lịch của sự kiện và "
                    "báo cho bạn khi có chỗ trống.",
                ),
                [
                    (
                        "Who sees it: the project's moderators, in the website's editing tools.",
                        "Ai được xem: những người kiểm duyệt của dự án, trong công cụ biên tập của trang web.",
                    ),
                    (
                        "How long: registrations are deleted automatically 12 months after the event.",
                        "Lưu trong bao lâu: các đăng ký tự động bị xoá 12 tháng sau sự kiện.",
                    ),
                    (
                        "The confirmation e-mail has a link to give your place up; it works once.",
                        "Thư xác nhận có đường liên kết để nhường lại chỗ của bạn; đường liên kết chỉ dùng được "
                        "một lần.",
                    ),
                ],
            ),
        ),
        ("heading", {"text": t("E-mail updates", "Nhận tin qua thư điện tử"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "If you subscribe to our e-mail updates, we keep your e-mail address, the language, the "
                    "topics and how often you chose, and when you subscribed and confirmed. We use them only to "
                    "send you those updates, through our own mail server; no mailing service receives them.",
                    "Nếu bạn đăng ký nhận tin qua thư điện tử, chúng tôi lưu địa chỉ thư điện tử, ngôn ngữ, các "
                    "chủ đề và tần suất bạn đã chọn, cùng thời điểm bạn đăng ký và xác nhận. Chúng tôi chỉ dùng "
                    "các thông tin này để gửi bản tin cho bạn, qua máy chủ thư của chính chúng tôi; không có dịch "
                    "vụ gửi thư nào nhận các thông tin này.",
                ),
                [
                    (
                        "Nothing is sent but a confirmation until you open its link; an unconfirmed "
                        "subscription is deleted automatically after 8 days.",
                        "Chúng tôi không gửi gì ngoài thư xác nhận cho đến khi bạn mở đường liên kết trong thư; "
                        "đăng ký chưa được xác nhận tự động bị xoá sau 8 ngày.",
                    ),
                    (
                        "Every e-mail has a link to change your choice and one to unsubscribe. When you "
                        "unsubscribe, your address is deleted at once; we keep only a scrambled form of it "
                        "(a keyed hash, from which the address cannot be read) so that we never write to it "
                        "again.",
                        "Mỗi thư đều có đường liên kết để đổi lựa chọn và để huỷ đăng ký. Khi bạn huỷ đăng ký, "
                        "địa chỉ của bạn bị xoá ngay; chúng tôi chỉ lưu dạng đã mã hoá của địa chỉ (mã băm có "
                        "khoá, không thể đọc ra địa chỉ) để không bao giờ gửi thư tới địa chỉ đó nữa.",
                    ),
                    (
                        "The record of which e-mail was sent to you, and when, is deleted automatically "
                        "12 months after it was sent.",
                        "Bản ghi thư nào đã được gửi cho bạn và vào lúc nào tự động bị xoá 12 tháng sau khi gửi.",
                    ),
                    (
                        "Who sees it: the project's moderators, in the website's editing tools.",
                        "Ai được xem: những người kiểm duyệt của dự án, trong công cụ biên tập của trang web.",
                    ),
                ],
            ),
        ),
        ("heading", {"text": t("Your rights", "Quyền của bạn"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "You may ask what we hold about you, ask us to correct it, or ask us to delete it sooner: "
                    "write to the project office through the Contact us page. We handle personal data in line "
                    "with Viet Nam's rules on personal data protection.",
                    "Bạn có thể hỏi chúng tôi đang lưu thông tin gì về bạn, đề nghị sửa hoặc xoá sớm hơn: hãy gửi "
                    "thư cho văn phòng dự án qua trang Liên hệ. Chúng tôi xử lý dữ liệu cá nhân theo các quy định "
                    "của Việt Nam về bảo vệ dữ liệu cá nhân.",
                ),
            ),
        ),
    ],
}

ACCESSIBILITY = {
    "title": t("Accessibility statement", "Tuyên bố về khả năng tiếp cận"),
    "slug": t("accessibility", "kha-nang-tiep-can"),
    "kind": NoticePage.Kind.ACCESSIBILITY,
    "intro": t(
        "We want everyone to be able to use this website, in English and in Vietnamese.",
        "Chúng tôi muốn mọi người đều sử dụng được trang web này, bằng tiếng Anh và tiếng Việt.",
    ),
    "search_description": t(
        "The accessibility standard this website aims for, its known gaps and how to report a problem.",
        "Tiêu chuẩn tiếp cận mà trang web hướng tới, những hạn chế đã biết và cách báo lỗi.",
    ),
    "body": [
        ("heading", {"text": t("The standard we aim for", "Tiêu chuẩn chúng tôi hướng tới"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. Before "
                    "each release, every type of page is checked in both languages with an automated "
                    "accessibility checker (axe-core) and must show no violation.",
                    "Chúng tôi hướng tới đáp ứng Hướng dẫn về khả năng tiếp cận nội dung web (WCAG) 2.1 ở mức AA. "
                    "Trước mỗi lần phát hành, mọi loại trang đều được kiểm tra bằng cả hai ngôn ngữ với công cụ "
                    "kiểm tra tự động (axe-core) và không được có lỗi nào.",
                ),
                [
                    (
                        "Every page can be used with a keyboard alone, and works without JavaScript.",
                        "Mọi trang đều dùng được chỉ với bàn phím và hoạt động khi không có JavaScript.",
                    ),
                    (
                        "Pages have landmarks and headings that screen readers announce, and images carry "
                        "descriptions where they convey information.",
                        "Các trang có vùng mốc và tiêu đề mà trình đọc màn hình đọc được, và hình ảnh mang thông "
                        "tin đều có mô tả.",
                    ),
                    (
                        "Text can be enlarged to twice its size, and the pages fit narrow phone screens.",
                        "Chữ có thể phóng to gấp đôi và các trang vừa với màn hình điện thoại hẹp.",
                    ),
                ],
            ),
        ),
        ("heading", {"text": t("Known gaps", "Những hạn chế đã biết"), "level": "h2"}),
        (
            "paragraph",
            rich(
                [
                    (
                        "Some PDF reports and laws come from partners and may not be tagged for screen readers.",
                        "Một số báo cáo và văn bản pháp luật dạng PDF do đối tác cung cấp có thể chưa được gắn "
                        "thẻ cho trình đọc màn hình.",
                    ),
                    (
                        "Videos are hosted by YouTube or Vimeo; their captions depend on those who published them.",
                        "Video được lưu trên YouTube hoặc Vimeo; phụ đề phụ thuộc vào người đăng video.",
                    ),
                ],
            ),
        ),
        ("heading", {"text": t("Report a problem", "Báo lỗi"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "If something on this website is hard to use, tell us through the Contact us page and choose "
                    "the subject “General question”. We answer in English or Vietnamese and can send a document "
                    "in another format.",
                    "Nếu có nội dung nào trên trang web khó sử dụng, hãy báo cho chúng tôi qua trang Liên hệ và "
                    "chọn chủ đề “Câu hỏi chung”. Chúng tôi trả lời bằng tiếng Anh hoặc tiếng Việt và có thể gửi "
                    "tài liệu ở định dạng khác.",
                ),
            ),
        ),
    ],
}

TERMS = {
    "title": t("Terms of use", "Điều khoản sử dụng"),
    "slug": t("terms-of-use", "dieu-khoan-su-dung"),
    "kind": NoticePage.Kind.TERMS,
    "intro": t(
        "How you may reuse what this website publishes.",
        "Cách bạn có thể sử dụng lại nội dung mà trang web này công bố.",
    ),
    "search_description": t(
        "Terms for quoting and reusing the texts, figures and documents of this website.",
        "Điều khoản trích dẫn và sử dụng lại văn bản, số liệu và tài liệu của trang web này.",
    ),
    "body": [
        ("heading", {"text": t("Reusing the content", "Sử dụng lại nội dung"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "You may quote and share the texts and figures of this website for non-commercial purposes "
                    "if you name the source: “Eco-Industrial Park Initiative in Viet Nam” and the page's "
                    "address. Where a page, document or dataset states its own licence, that licence applies.",
                    "Bạn có thể trích dẫn và chia sẻ văn bản và số liệu của trang web này cho mục đích phi thương "
                    "mại nếu ghi rõ nguồn: “Sáng kiến khu công nghiệp sinh thái tại Việt Nam” và địa chỉ trang. "
                    "Khi một trang, tài liệu hoặc bộ dữ liệu nêu giấy phép riêng thì áp dụng giấy phép đó.",
                ),
                (
                    "Publications by partners, photographs and logos belong to their authors; ask them before "
                    "reusing them.",
                    "Ấn phẩm của đối tác, ảnh và biểu trưng thuộc về tác giả; hãy hỏi ý kiến họ trước khi sử dụng lại.",
                ),
            ),
        ),
        ("heading", {"text": t("Figures and links", "Số liệu và liên kết"), "level": "h2"}),
        (
            "paragraph",
            rich(
                (
                    "Each figure on this website gives its year and source; quote them with both. Links to other "
                    "websites are given for information, and we are not responsible for their content.",
                    "Mỗi số liệu trên trang web đều ghi năm và nguồn; hãy trích dẫn kèm cả hai. Liên kết tới các "
                    "trang web khác chỉ nhằm cung cấp thông tin và chúng tôi không chịu trách nhiệm về nội dung "
                    "của các trang đó.",
                ),
            ),
        ),
    ],
}

NOTICES = [PRIVACY, ACCESSIBILITY, TERMS]


def seed(ensure_page, translate_once):
    home = HomePage.objects.get(locale=Locale.get_default())
    for notice in NOTICES:
        fields = {key: value for key, value in notice.items() if key != "body"}
        page = ensure_page(
            home,
            NoticePage,
            show_in_menus=False,
            last_reviewed=REVIEWED,
            body=[{"type": block_type, "value": value} for block_type, value in notice["body"]],
            **fields,
        )
        translate_once(page, glossary)
