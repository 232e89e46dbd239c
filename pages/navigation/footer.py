"""Data for the shared footer: partners by role, the related agencies, the
site's notices (privacy, accessibility, terms of use) and the pages the
sections offer to it by role (the e-mail updates page, the Data page)."""

from django.utils import translation

from pages import sections
from pages.cache import fragments
from pages.listing import public
from pages.models import NoticePage, Partner, RelatedAgency
from pages.navigation.localized import active_locale, in_locale_with_fallback


def _shell_page_urls(locale):
    """{role: this language's live, public page of that role's type, or ""}."""
    urls = {}
    for role, page_type in sections.merged("shell_pages").items():
        page = public(page_type.objects.live().filter(locale=locale)).first()
        urls[role] = page.get_url() if page else ""
    return urls


def _build_footer():
    locale = active_locale()
    partners = in_locale_with_fallback(Partner.objects.select_related("logo"), locale)
    groups = []
    for role, label in Partner.Role.choices:
        members = []
        for partner in partners:
            if partner.role != role:
                continue
            logo = None
            if partner.logo is not None:
                rendition = partner.logo.get_rendition("height-80|format-png")
                logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
            members.append({"name": partner.name, "url": partner.url, "logo": logo, "lang": partner.text_language})
        if members:
            groups.append({"role": role, "label": str(label), "partners": members})
    agencies = [
        {"short_name": agency.short_name, "name": agency.name, "url": agency.url, "lang": agency.text_language}
        for agency in in_locale_with_fallback(RelatedAgency.objects.all(), locale)
    ]
    shell_pages = _shell_page_urls(locale)
    return {
        "partner_groups": groups,
        "agencies": agencies,
        "notices": _notices(locale),
        "data_url": shell_pages.get("data", ""),
        "subscribe_url": shell_pages.get("subscribe", ""),
        "language": translation.get_language(),
    }


def _notices(locale):
    """The live, public notices of this language, in the order of their kinds."""
    pages = {page.kind: page for page in public(NoticePage.objects.live().filter(locale=locale))}
    return [
        {"kind": kind, "title": pages[kind].title, "url": pages[kind].get_url()}
        for kind in NoticePage.Kind.values
        if kind in pages
    ]


def notice_url(site_id, kind):
    """The address of this language's notice of ``kind`` ("privacy", …), or ""."""
    return next((notice["url"] for notice in footer_data(site_id)["notices"] if notice["kind"] == kind), "")


def subscribe_url(site_id):
    """The address of this language's e-mail updates page, or ""."""
    return footer_data(site_id)["subscribe_url"]


def footer_data(site_id):
    return fragments.cached("footer", site_id, _build_footer)
