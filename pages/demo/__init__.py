"""The shell's part of `seed_demo`: locales, the home page, the About section,
the footer snippets and the team. Every step looks before it creates, so a
second run changes nothing."""

import uuid

from wagtail.models import Locale, Page, Site

from pages.demo import content, media, notices
from pages.demo.translate import translate
from pages.models import (
    ContactFormField,
    ContactPage,
    HomePage,
    Partner,
    RelatedAgency,
    StandardPage,
    TeamMember,
    TeamPage,
)

__all__ = ["ensure_page", "translate_once"]


def translate_once(instance, glossary, locale=None):
    """Translate into Vietnamese (or ``locale``, e.g. English for a Vietnamese
    original, with ``glossary.reversed()``) unless a real (non-alias) translation exists."""
    target = locale or Locale.objects.get(language_code="vi")
    existing = instance.get_translation_or_none(target)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return existing
    return translate(instance, glossary, target)


def ensure_vietnamese_original(english_parent, model, glossary, *, slug, **fields):
    """A page written first in Vietnamese (decrees, the country's news): made
    under the Vietnamese twin of ``english_parent`` from the Vietnamese side of
    ``glossary``'s pairs (``fields`` are given in English, as elsewhere in the
    demo), with its English alias (pages.editorial.tree_sync), then translated
    into English. A demo built before keeps its English original."""
    from pages.editorial.tree_sync import twin_new_page

    english, vietnamese = Locale.get_default(), Locale.objects.get(language_code="vi")
    existing = english_parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    parent = english_parent.get_translation(vietnamese)
    page = ensure_page(parent, model, slug=glossary.pairs[slug], **{
        name: glossary.pairs.get(value, value) if isinstance(value, str) else value for name, value in fields.items()
    })  # fmt: skip
    twin_new_page(page)
    translate_once(page, glossary.reversed(), english)
    return page


def ensure_page(parent, model, *, slug, **fields):
    """The child of ``parent`` with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, show_in_menus=fields.pop("show_in_menus", True), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_translated_page(parent, model, glossary, **spec):
    """``ensure_page``, then its Vietnamese translation (once)."""
    page = ensure_page(parent, model, **spec)
    translate_once(page, glossary)
    return page


def ensure_translated_pages(parent, model, specs, glossary):
    """``{key: page}`` for each of ``specs``, made under ``parent`` in this order and translated."""
    return {key: ensure_translated_page(parent, model, glossary, **spec) for key, spec in specs.items()}


def _key_figures(heading, figures):
    # List items carry ids, so wagtail-localize can match each translated item.
    return {
        "heading": heading,
        "figures": [
            {
                "type": "item",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{heading}/{label}")),
                "value": {"value": value, "unit": unit, "label": label, "note": note},
            }
            for value, unit, label, note in figures
        ],
    }


def _home():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    # Wagtail's first migration leaves a placeholder welcome page holding the
    # slug "home" and the site: free the slug, build the home page, move the
    # site to it, then retire the placeholder.
    placeholder = site.root_page
    placeholder.slug = "wagtail-placeholder"
    placeholder.save(update_fields=["slug", "url_path"])
    hero = media.park_landscape("Eco-industrial park illustration", content.IMAGE_CAPTIONS["hero"])
    fields = {key: value for key, value in content.HOME.items() if key not in {"key_figures", "body"}}
    home = HomePage(
        hero_image=hero,
        key_figures=[{"type": "key_figures", "value": _key_figures(**content.HOME["key_figures"])}],
        body=[{"type": "paragraph", "value": content.HOME["body"]}],
        **fields,
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.site_name = "EIP Viet Nam"
    site.save()
    placeholder.delete()
    return home


def _about(home):
    about = ensure_page(home, StandardPage, **content.ABOUT)
    translate_once(about, content.glossary)

    intro_image = media.park_landscape(
        "Companies sharing resources, illustration", content.IMAGE_CAPTIONS["introduction"], seed=1
    )
    introduction = ensure_page(
        about,
        StandardPage,
        body=[{"type": block_type, "value": value} for block_type, value in content.INTRODUCTION_BODY]
        + [
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": intro_image.pk,
                        "alt_text": content.IMAGE_CAPTIONS["introduction"],
                        "decorative": False,
                    },
                    "caption": content.IMAGE_CAPTIONS["introduction"],
                },
            }
        ],
        **content.INTRODUCTION,
    )
    translate_once(introduction, content.glossary)

    fact_sheet = media.fact_sheet(
        "EIP Viet Nam fact sheet",
        [
            "Eco-Industrial Park Initiative in Viet Nam",
            "Funded by SECO, implemented by UNIDO with the Government of Viet Nam.",
            "First phase 2014-2019 (reported, UNIDO 2019): 72 enterprises,",
            "USD 6.5 million saved a year, 22,000 MWh, 600,000 m3 water,",
            "32,000 t CO2 a year avoided.",
            "Five demonstration parks: Amata, Deep C, Hiep Phuoc, Hoa Khanh, Tra Noc.",
        ],
    )
    results = ensure_page(
        about,
        StandardPage,
        body=[
            {"type": "paragraph", "value": content.RESULTS_TEXT},
            {
                "type": "key_figures",
                "value": _key_figures(content.RESULTS_PHASE_ONE_HEADING, content.RESULTS_PHASE_ONE),
            },
            {
                "type": "key_figures",
                "value": _key_figures(content.RESULTS_PHASE_TWO_HEADING, content.RESULTS_PHASE_TWO),
            },
            {"type": "document", "value": {"document": fact_sheet.pk, "title": content.RESULTS_FACT_SHEET}},
        ],
        **content.RESULTS,
    )
    translate_once(results, content.glossary)

    benefits_body = []
    for block_type, value in content.BENEFITS_BODY:
        if block_type == "call_to_action":
            value = {**value, "link": {"page": results.pk, "url": ""}}
        benefits_body.append({"type": block_type, "value": value})
    benefits = ensure_page(about, StandardPage, body=benefits_body, **content.BENEFITS)
    translate_once(benefits, content.glossary)

    team = ensure_page(about, TeamPage, **content.TEAM)
    translate_once(team, content.glossary)


def _snippets():
    en = Locale.get_default()
    for order, (mark, role, name, url) in enumerate(content.PARTNERS):
        partner = Partner.objects.filter(locale=en, name=name).first()
        if partner is None:
            partner = Partner.objects.create(
                locale=en, name=name, role=role, url=url, logo=media.wordmark(mark), sort_order=order
            )
        translate_once(partner, content.glossary)
    for order, (short_name, name, url) in enumerate(content.AGENCIES):
        agency = RelatedAgency.objects.filter(locale=en, url=url, short_name=short_name).first()
        if agency is None:
            agency = RelatedAgency.objects.create(
                locale=en, short_name=short_name, name=name, url=url, sort_order=order
            )
        translate_once(agency, content.glossary)
    for order, member in enumerate(content.TEAM_MEMBERS):
        person = TeamMember.objects.filter(locale=en, role=member["role"]).first()
        if person is None:
            person = TeamMember.objects.create(
                locale=en, photo=media.avatar(f"Portrait placeholder {order + 1}"), sort_order=order, **member
            )
        translate_once(person, content.glossary)


def seed_shell():
    home = _home()
    translate_once(home, content.glossary)
    _snippets()
    _about(home)
    return home


def seed_contact():
    """Contact us comes last in the menu, as on the original site."""
    home = HomePage.objects.get(locale=Locale.get_default())
    contact = ensure_page(
        home,
        ContactPage,
        form_fields=[
            ContactFormField(label=label, field_type=kind, required=required, choices=choices)
            for label, kind, required, choices in content.CONTACT_FIELDS
        ],
        **content.CONTACT,
    )
    translate_once(contact, content.glossary)


def seed_notices():
    """Privacy, accessibility and terms of use: linked from the footer, not the menu."""
    notices.seed(ensure_page, translate_once)
