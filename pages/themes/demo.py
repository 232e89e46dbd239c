"""The demo's themes and the themes page. The sections' demos set themes on
their items from what each is about (``themes(*keys)``)."""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from pages.demo import ensure_translated_page, translate_once
from pages.demo.translate import Glossary, translate
from pages.models import HomePage
from pages.search.folding import transliterate_slug

from .models import Theme, ThemesPage

glossary = Glossary()
t = glossary.t

# key: (name, description); the news demo's former topics are folded in (OLD_NAMES).
THEMES = {
    "water": (t("Water", "Nước"), t(
        "Using less fresh water, reusing it and treating wastewater in parks and factories.",
        "Sử dụng ít nước sạch hơn, tái sử dụng nước và xử lý nước thải trong khu công nghiệp và nhà máy.")),
    "energy": (t("Energy", "Năng lượng"), t(
        "Saving energy, using it more efficiently and turning to renewable sources.",
        "Tiết kiệm năng lượng, sử dụng năng lượng hiệu quả hơn và chuyển sang nguồn tái tạo.")),
    "waste": (t("Waste and materials", "Chất thải và nguyên vật liệu"), t(
        "Producing less waste, using materials better and keeping them in use: the circular economy.",
        "Giảm phát sinh chất thải, sử dụng nguyên vật liệu tốt hơn và tuần hoàn chúng: kinh tế tuần hoàn.")),
    "symbiosis": (t("Industrial symbiosis", "Cộng sinh công nghiệp"), t(
        "Companies exchanging by-products, energy, water and services with one another.",
        "Doanh nghiệp trao đổi phụ phẩm, năng lượng, nước và dịch vụ với nhau.")),
    "cleaner": (t("Cleaner production", "Sản xuất sạch hơn"), t(
        "Resource efficient and cleaner production (RECP) in the parks' companies.",
        "Sử dụng hiệu quả tài nguyên và sản xuất sạch hơn (RECP) trong doanh nghiệp của khu công nghiệp.")),
    "policy": (t("Policy and regulation", "Chính sách và pháp luật"), t(
        "Laws, decrees and policies on eco-industrial parks in Viet Nam.",
        "Luật, nghị định và chính sách về khu công nghiệp sinh thái tại Việt Nam.")),
    "capacity": (t("Capacity building", "Nâng cao năng lực"), t(
        "Training, guidance and tools for park managers, companies and officials.",
        "Đào tạo, hướng dẫn và công cụ cho ban quản lý khu, doanh nghiệp và cán bộ.")),
}  # fmt: skip
# The news demo's topics before themes (migrated from news.NewsTopic): renamed, not duplicated.
OLD_NAMES = {"policy": "Policy", "capacity": "Training", "waste": "Circular economy"}

PAGE = {
    "title": t("Themes", "Chủ đề"),
    "slug": t("themes", "chu-de"),
    "search_description": t(
        "Everything on water, energy, waste, industrial symbiosis and other themes, from every section.",
        "Mọi nội dung về nước, năng lượng, chất thải, cộng sinh công nghiệp và các chủ đề khác, từ mọi chuyên mục.",
    ),
    "intro": t(
        "News, events, publications and case studies, gathered by what they are about.",
        "Tin tức, sự kiện, ấn phẩm và nghiên cứu điển hình, tập hợp theo nội dung.",
    ),
}


def seed_themes():
    english = Locale.get_default()
    for key, (name, description) in THEMES.items():
        theme = Theme.objects.filter(locale=english, name__in=[name, OLD_NAMES.get(key, name)]).first()
        if theme is None:
            theme = Theme(locale=english)
        changed = theme.name != name or theme.description != description
        if changed:
            theme.name, theme.slug, theme.description = name, transliterate_slug(name), description
            theme.save()
        glossary.t(theme.slug, transliterate_slug(glossary.pairs[name]))
        # A renamed topic's translation is refreshed, not kept.
        (translate if changed and theme.pk else translate_once)(theme, glossary)
    home = HomePage.objects.get(locale=english)
    ensure_translated_page(home, ThemesPage, glossary, show_in_menus=False, **PAGE)


def themes(*keys, locale=None):
    """The demo's themes of these keys, in ``locale`` (English by default): what an item is about."""
    english = Locale.get_default()
    names = [THEMES[key][0] for key in keys]
    found = list(Theme.objects.filter(locale=english, name__in=names))
    if locale is not None and locale != english:
        found = [theme.get_translation(locale) for theme in found]
    return found


def tag(model, by_slug):
    """Give the demo's English pages of ``model`` ({slug: theme keys}) their
    themes, once (a demo built before themes gets them too), published with
    their translations so every language shows them."""
    english = Locale.get_default()
    for page in model.objects.filter(locale=english, slug__in=by_slug, alias_of__isnull=True):
        if page.themes.exists():
            continue
        found = themes(*by_slug[page.slug])
        for version in model.objects.filter(translation_key=page.translation_key, alias_of__isnull=True):
            version.themes.set(found)  # synchronised: every language names the source's rows
            version.save_revision().publish()
            # No words changed: the translation source is brought up to date with
            # its page, or the Translations report would call every translation
            # of a Vietnamese-first item (already made) out of date.
            if TranslationSource.objects.filter(object_id=version.translation_key, locale=version.locale).exists():
                TranslationSource.update_or_create_from_instance(version)
