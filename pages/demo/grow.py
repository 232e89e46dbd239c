"""``manage.py grow_content``: the demo grown by a factor, to measure what content costs.

Each grown page is a copy of a demo page of its kind (and its twin a copy of
the demo twin, under the same translation key, the source language first so
pages.origin still tells which is the source), published, in the same
category, dated further back, and titled in both languages as what it is: a
sample made for load testing. Its body says so too; nothing in it is a fact.

Copies go through Wagtail's own ``Page.copy`` (``add_child``: valid tree
nodes, child relations copied), without revisions or log entries and inside
``bulk_load.deferred()``; the indexes are rebuilt once at the end. Numbered
slugs make it idempotent: a second run with the same factor adds nothing.

Kinds are named by model label, so the shell imports no section.
"""

import datetime
import re
import uuid
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pages.demo.registry import seeding
from pages.operations import bulk_load
from pages.search.index import rebuild as rebuild_search_entries


@dataclass(frozen=True)
class Kind:
    label: str  # model label, e.g. "news.NewsPage"
    noun: tuple  # (English, Vietnamese)
    slug: tuple  # the noun in slugs (English, Vietnamese)
    dates: tuple = ()  # date fields moved back in time with each copy
    past_only: str = ""  # copy only the demo pages whose field is in the past (events)
    reset: dict = field(default_factory=dict)  # fields a copy does not inherit (featured, registration)


KINDS = (
    Kind(
        "news.NewsPage",
        ("Sample article", "Bài viết mẫu"),
        ("sample-article", "bai-viet-mau"),
        dates=("date",),
        reset={"featured": False},
    ),
    Kind(
        "publications.PublicationPage",
        ("Sample publication", "Ấn phẩm mẫu"),
        ("sample-publication", "an-pham-mau"),
        dates=("publication_date",),
    ),
    Kind(
        "events.EventPage",
        ("Sample past event", "Sự kiện mẫu đã qua"),
        ("sample-past-event", "su-kien-mau-da-qua"),
        dates=("start", "end", "registration_closes"),
        past_only="start",
        reset={"highlighted": False, "registration_enabled": False},
    ),
)
SUFFIX = ("(generated for load testing)", "(tạo để thử tải)")
SLUG_SUFFIX = ("generated-for-load-testing", "tao-de-thu-tai")
NOTICE = (
    "Generated for load testing: an illustrative copy, not real content.",
    "Tạo tự động để thử tải: bản sao minh họa, không phải nội dung thật.",
)
# Each copy is dated this much before the one it follows (its date, not its
# publication: Wagtail's copy publishes it now).
STEP = datetime.timedelta(days=3)


class Refused(Exception):
    pass


def slug(kind, number, language):
    index = 0 if language == "en" else 1
    return f"{kind.slug[index]}-{number}-{SLUG_SUFFIX[index]}"


def generated_numbers(model, kind):
    """The numbers of the copies already made (from the English slugs)."""
    pattern = re.compile(rf"-(\d+)-{SLUG_SUFFIX[0]}$")
    slugs = model.objects.filter(slug__endswith=SLUG_SUFFIX[0]).values_list("slug", flat=True)
    return {int(match.group(1)) for match in map(pattern.search, slugs) if match}


def templates(model, kind):
    """The demo's pages of this kind, as groups of twins (source first); pages
    with an alias among their twins are left out (nothing to copy there)."""
    pages = model.objects.live().exclude(slug__endswith=SLUG_SUFFIX[0]).exclude(slug__endswith=SLUG_SUFFIX[1])
    if kind.past_only:
        pages = pages.filter(**{f"{kind.past_only}__lt": timezone.now()})
    groups = {}
    for page in pages.order_by("pk"):
        groups.setdefault(page.translation_key, []).append(page)
    aliased = set(Page.objects.filter(alias_of__isnull=False).values_list("translation_key", flat=True))
    return [twins for key, twins in groups.items() if key not in aliased and len(twins) > 1]


def _attrs(kind, model, page, number):
    index = 0 if page.locale.language_code == "en" else 1
    title = f"{kind.noun[index]} {number} {SUFFIX[index]}"
    attrs = {
        "title": title,
        "draft_title": title,
        "slug": slug(kind, number, page.locale.language_code),
        "seo_title": "",
        "search_description": NOTICE[index],
        **kind.reset,
    }
    names = {f.name for f in model._meta.get_fields()}
    if "intro" in names:
        attrs["intro"] = NOTICE[index]
    if "body" in names:
        attrs["body"] = [{"type": "paragraph", "value": f"<p>{NOTICE[index]}</p>"}]
    for name in kind.dates:
        value = getattr(page, name, None)
        if value is not None:
            attrs[name] = value - STEP * number
    return attrs


def _own_pairs(source_attrs, twin_attrs):
    pairs = {value: twin_attrs[name] for name, value in source_attrs.items() if isinstance(value, str) and value}
    return {**pairs, NOTICE[0]: NOTICE[1], NOTICE[1]: NOTICE[0]}


def _copy(page, attrs, translation_key):
    page.refresh_from_db(fields=["path", "depth", "numchild"])
    return page.copy(
        to=page.get_parent(),
        update_attrs={**attrs, "translation_key": translation_key},
        copy_revisions=False,
        keep_live=True,
        log_action=None,
        reset_translation_key=False,
    )


def _pairs(source, target_locale):
    """{source string: its translation} of a wagtail-localize source, into ``target_locale``."""
    rows = StringTranslation.objects.filter(
        locale=target_locale,
        translation_of__segments__source=source,
    ).values_list("translation_of__data", "data")
    return dict(rows)


def _track(source_page, target_page, pairs):
    """The twin as wagtail-localize's translation of the source, every string
    translated (as the demo's: pages.demo.translate), so the editor and the
    Translations report see it like any other."""
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    Translation.objects.get_or_create(source=source, target_locale=target_page.locale, defaults={"enabled": True})
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=segment.string_id,
                locale=target_page.locale,
                context_id=segment.context_id,
                data=pairs[segment.string.data],
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            for segment in StringSegment.objects.filter(source=source).select_related("string")
            if segment.string.data in pairs
        ],
        ignore_conflicts=True,
    )


def grow_kind(kind, factor, report=lambda line: None):
    """Copies of this kind up to ``factor`` times the demo's count; returns how many were made."""
    model = apps.get_model(kind.label)
    groups = templates(model, kind)
    if not groups:
        return 0
    wanted = range(1, len(groups) * (factor - 1) + 1)
    done = generated_numbers(model, kind)
    missing = [number for number in wanted if number not in done]
    known = {}
    for count, number in enumerate(missing, 1):
        twins = groups[(number - 1) % len(groups)]
        source, twin = twins[0], twins[1]  # source first (lowest pk): its copy stays the source
        if source.pk not in known:
            template = TranslationSource.objects.filter(object_id=source.translation_key).first()
            known[source.pk] = _pairs(template, twin.locale) if template else {}
        key = uuid.uuid4()
        with transaction.atomic():
            made = []
            for page in (source, twin):
                attrs = _attrs(kind, model, page, number)
                made.append((_copy(page, attrs, key), attrs))
            (source_copy, source_attrs), (twin_copy, twin_attrs) = made
            pairs = {**known[source.pk], **_own_pairs(source_attrs, twin_attrs)}
            _track(source_copy, twin_copy, pairs)
        if count % 500 == 0:
            report(f"  {kind.label}: {count} of {len(missing)}")
    return len(missing)


def check_allowed(debug, confirmed):
    if not (debug or confirmed):
        raise Refused(
            "Refusing to grow content: DEBUG is off, so this may be a real site's database. "
            "Run with --yes-on-this-database if it is a throw-away copy."
        )


def grow(factor, report=lambda line: None, indexes=True):
    """Every kind grown to ``factor`` times; {label: pages added (each with its twin)}."""
    if factor < 1:
        raise Refused("The factor must be 1 or more.")
    Locale.objects.get(language_code="vi")  # the demo must be there
    made = {}
    with bulk_load.deferred(), seeding():
        for kind in KINDS:
            try:
                apps.get_model(kind.label)
            except LookupError:  # a section this site does without
                continue
            made[kind.label] = grow_kind(kind, factor, report)
    if indexes and any(made.values()):
        report("rebuilding the indexes …")
        bulk_load.rebuild_indexes()
        rebuild_search_entries()
    return made
