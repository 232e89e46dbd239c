from django import template
from django.conf import settings
from django.template import Context
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.templatetags.wagtailcore_tags import richtext

from pages import changes, links, navigation, old_addresses
from pages.cache import fragments, routing
from pages.json_ld import as_script
from pages.listing import resolve
from pages.navigation import slots
from pages.navigation.footer import footer_data
from pages.navigation.footer import notice_url as _notice_url
from pages.navigation.footer import subscribe_url as _subscribe_url
from pages.numbers import localized_number, plain_number

register = template.Library()
SITE_NAME = settings.SITE_NAME


def _page_or_none(value):
    # Templates without a page (404, views) pass "" for an unknown variable.
    return value if isinstance(value, Page) else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's HTML. It differs from page to page only by the active
    section and the current page's own link, so it is kept per both."""
    request = context["request"]
    menu = navigation.main_menu(request)
    current = request.path
    urls = {menu["home_url"]} | {
        url for item in menu["items"] for url in [item["url"], *(child["url"] for child in item["children"])]
    }
    active = next((i for i, item in enumerate(menu["items"]) if item["url"] and current.startswith(item["url"])), -1)
    marked = current if current in urls else ""
    site = navigation.site_for(request)

    def build():
        items = [{**item, "is_active": i == active} for i, item in enumerate(menu["items"])]
        return render_to_string("includes/main_menu.html", {"menu": {**menu, "items": items}, "current_path": current})

    return mark_safe(fragments.cached(f"menu-html:{active}:{marked}", navigation.site_id(site), build))  # noqa: S308


@register.simple_tag(takes_context=True)
def home_url(context):
    return navigation.main_menu(context["request"])["home_url"]


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    page = _page_or_none(page)
    return {
        "ancestors": navigation.breadcrumbs(context["request"], page),
        "page": page,
        "languages": context.get("languages"),
    }


@register.simple_tag(takes_context=True)
def page_languages(context, page):
    """The switcher's links, the hreflang alternates (real translations only)
    and the canonical URL, which for an untranslated alias is its source, in
    whichever language the page was written first."""
    request = context["request"]
    page = _page_or_none(page)
    language = get_language()
    links = [{**link, "is_current": link["code"] == language} for link in navigation.language_links(request, page)]
    current = next(link for link in links if link["is_current"])
    source = next((link for link in links if link["is_source"]), links[0])
    alternates = [link for link in links if link["is_translation"]]
    canonical = None
    if page is not None:
        canonical = current["full_url"] if current["is_translation"] else source["full_url"]
    return {
        "links": links,
        "alternates": alternates if len(alternates) > 1 else [],
        # English for everyone else, when both are real, whichever was written first.
        "x_default": links[0] if links[0]["is_translation"] and len(alternates) > 1 else None,
        "canonical": canonical,
        # An untranslated alias: the source's words under this language's address.
        "untranslated": page is not None and not current["is_translation"],
        "source_code": source["code"],
    }


@register.inclusion_tag("includes/old_address_note.html", takes_context=True)
def old_address_note(context, page):
    """The note of a section's page that a visitor reached from an old
    website's address (pages.old_addresses): rendered per request, outside
    every cached fragment; the page cache never keeps a page with it."""
    page = _page_or_none(page)
    return {"note": old_addresses.note_for(context.get("request"), page) if page is not None else None}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer's HTML, the same on every page of a language: rendered once and
    kept with the shell's fragments (escaping its many links costs more than the data)."""
    request = context["request"]
    site = navigation.site_for(request)
    site_id = navigation.site_id(site)
    year = timezone.localdate().year

    def build():
        footer = {**footer_data(site_id), "year": year}
        return render_to_string("includes/footer.html", footer, request=request)

    return mark_safe(fragments.cached(f"footer-html:{year}", site_id, build))  # noqa: S308 - autoescaped template


@register.simple_tag(takes_context=True)
def notice_url(context, kind):
    """This language's notice of ``kind`` ("privacy", "accessibility", "terms"), or ""."""
    site = navigation.site_for(context.get("request"))
    return _notice_url(navigation.site_id(site), kind)


@register.inclusion_tag("includes/subscribe_short.html", takes_context=True)
def subscribe_form(context, topic, label):
    """The short e-mail updates form of a section's listing, with its topic preset."""
    site = navigation.site_for(context.get("request"))
    url = _subscribe_url(site.pk if site else 0)
    return {"subscribe_url": url, "topic": topic, "label": label, "where": topic}


@register.simple_tag(takes_context=True)
def card_list(context, items, template_name, name):
    """Each item (a page) rendered by ``template_name`` as ``name``. A card shows
    only what the page and its language say, so its HTML is kept with the
    shell's fragments: a listing re-renders only cards changed since. Items
    may be ``pages.listing.PageRef``s: pages are loaded only for missing cards."""
    items = list(items)
    request = context.get("request")
    site = navigation.site_for(request)
    template = context.template.engine.get_template(template_name)

    languages = []  # filled once, when a first card is missing

    def build(i):
        page = resolve(items[i])
        if not languages:
            # A page shown in its source's words says so (``lang`` and a tag):
            # asked for every item at once, in two queries.
            languages.append(navigation.alias_languages([resolve(item) for item in items]))
        values = {"request": request, name: page, "text_language": languages[0].get(page.pk, "")}
        return template.render(Context(values, autoescape=context.autoescape))

    # A listing may add the page's category (``category_page``); the same page
    # without it (e.g. under "More news") is another card.
    names = [f"card:{template_name}:{item.pk}:{int(bool(getattr(item, 'category_page', None)))}" for item in items]
    return mark_safe("".join(fragments.cached_each(names, navigation.site_id(site), build)))  # noqa: S308


@register.simple_tag(takes_context=True)
def render_slot(context, name, **extra):
    """What section apps show in this place of the shell ("home", "footer", …)."""
    return slots.render(name, context["request"], **extra)


@register.filter
def safe_url(value):
    """A link typed in the CMS, or "" if it could run a script (pages.links)."""
    return links.safe_url(value)


@register.filter
def safe_richtext(value):
    """Wagtail's ``richtext``, without any link that could run a script."""
    return mark_safe(links.neutralise_links(richtext(value)))  # noqa: S308 - Wagtail's rich text, links checked


register.filter("localized_number", localized_number)
register.filter("plain_number", plain_number)


@register.simple_tag(takes_context=True)
def page_meta(context, page):
    """Description, share image and JSON-LD (BreadcrumbList and WebPage
    everywhere, Organization on the home page) for the page's head, and when
    the page last changed and its corrections (includes/page_changes.html)."""
    page = _page_or_none(page)
    if page is None:
        return {}
    request = context["request"]
    site = navigation.site_for(request)
    return fragments.cached(f"page-meta:{page.pk}", navigation.site_id(site), lambda: _page_meta(request, site, page))


def _list_item(position, crumb, root):
    item = {"@type": "ListItem", "position": position, "name": crumb["title"]}
    # A page with no URL (e.g. under no site yet, as while seed_demo builds the
    # tree) is still a step of the trail; schema.org lets "item" be left out.
    if crumb["url"]:
        item["item"] = root + crumb["url"]
    return item


def _page_meta(request, site, page):
    meta = {"description": page.search_description or getattr(page, "intro", "")}
    image = page.share_image() if hasattr(page, "share_image") else None  # BasePage's hook
    root = site.root_url if site else ""
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        meta["image"] = rendition.url if "://" in rendition.url else root + rendition.url
    crumbs = [*navigation.breadcrumbs(request, page), {"title": page.title, "url": page.url}]
    data = [
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [_list_item(position, crumb, root) for position, crumb in enumerate(crumbs, start=1)],
        }
    ]
    if page.depth == 2:
        data.append(
            {
                "@context": "https://schema.org",
                "@type": "Organization",
                "name": str(SITE_NAME),
                "alternateName": "EIP Viet Nam",
                "url": root + "/",
                "logo": root + static("img/logo.svg"),
                "funder": {"@type": "Organization", "name": "Swiss State Secretariat for Economic Affairs (SECO)"},
                "parentOrganization": {"@type": "Organization", "name": "UNIDO"},
            }
        )
    meta["last_updated"] = changes.last_updated(page)
    meta["corrections"] = changes.corrections_of(page)
    data.append(_web_page(page, root, meta))
    meta["json_ld"] = as_script(data)
    return meta


def _web_page(page, root, meta):
    """schema.org WebPage: its last change (``dateModified``, the same value as
    the page's "Last updated" and the sitemap's ``lastmod``) and its corrections."""
    item = {"@context": "https://schema.org", "@type": "WebPage", "name": page.title, "inLanguage": get_language()}
    if page.url:
        item["url"] = root + page.url
    if meta["last_updated"]:
        item["dateModified"] = timezone.localtime(meta["last_updated"]).isoformat()
    if meta["corrections"]:
        item["correction"] = [
            {"@type": "CorrectionComment", "datePublished": correction["date"].isoformat(), "text": correction["text"]}
            for correction in meta["corrections"]
        ]
    return item


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, timeout):
        self.nodelist, self.name, self.vary_on, self.timeout = nodelist, name, vary_on, timeout

    def render(self, context):
        values = [value.resolve(context) for value in self.vary_on]
        if any(value is None for value in values):  # not to be kept (e.g. a search's free text)
            return self.nodelist.render(context)
        request = context.get("request")
        site = navigation.site_for(request) if request is not None else None
        return fragments.cached(
            f"fragment:{self.name}:{':'.join(map(str, values))}",
            navigation.site_id(site),
            lambda: mark_safe(self.nodelist.render(context)),  # noqa: S308
            timeout=self.timeout,
        )


@register.tag
def fragment(parser, token):
    """``{% fragment "name" page.pk [timeout=120] %}…{% endfragment %}``: the
    enclosed HTML, kept with the shell's fragments (dropped on any publish,
    snippet or image change; never used in previews) per name, values, site and
    language, for ``timeout`` seconds at most (a day by default). For parts that
    show only what those values determine, such as a page's pictures, whose
    renditions cost more to look up than to show, or a listing's filter form
    (its choices and what was chosen). A value that is None keeps nothing."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    timeout = fragments.TIMEOUT
    if bits[-1].startswith("timeout="):
        timeout = int(bits.pop().removeprefix("timeout="))
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]], timeout)


@register.inclusion_tag("includes/filter_select.html")
def filter_select(name, label, all_label, options, selected, value_key="value", label_key="label"):
    """One labelled <select> of a listing's filter form. ``options`` may be
    (value, label) pairs, dicts or objects (read with value_key/label_key), or plain values."""
    pairs = []
    for option in options:
        if isinstance(option, dict):
            pairs.append((option[value_key], option[label_key]))
        elif isinstance(option, list | tuple):
            pairs.append((option[0], option[1]))
        elif hasattr(option, value_key):
            pairs.append((getattr(option, value_key), getattr(option, label_key)))
        else:
            pairs.append((option, str(option)))
    return {"name": name, "label": label, "all_label": all_label, "options": pairs, "selected": selected}


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """Wagtail's ``pageurl`` (Page.relative_url) with the request's Site kept
    with the fragments (pages.cache.routing.cached_site) instead of a query."""
    request = context.get("request")
    if request is None:
        return page.get_url()
    return page.relative_url(routing.cached_site(request), request)


@register.simple_tag(takes_context=True)
def subpage_url(context, page, url_name, *args, **kwargs):
    """Wagtail's ``routablepageurl``: a routable page's sub-view, with the
    request's Site as ``page_url`` finds it."""
    base_url = page_url(context, page)
    if not base_url.endswith("/"):
        base_url += "/"
    return base_url + page.reverse_subpage(url_name, args=args, kwargs=kwargs)
