"""The outbox: a page of a registered topic first published, for everyone, in
a language is recorded here, in the publish's own transaction when it has one;
``manage.py send_updates`` sends it later, off the request path. So is a
correction (pages.changes) a later publication of such a page brings: once per
correction and language, whatever publishes the page again afterwards.

Not announced: an untranslated wagtail-localize alias (or a translation whose
strings are all still English), a page with a view restriction, a second
publication of the same page in the same language (one logged by Wagtail
before this one's time, whether or not this one is logged yet), the demo,
what the importer brings in (old content, pages.importer), and the
corrections a page's first publication already carries.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from pages.changes import new_corrections
from pages.demo.registry import seeding_now
from pages.importer.context import importing_now
from pages.lookups import page_date
from pages.origin import awaiting_translation
from pages.updates import topics
from pages.updates.models.records import Announcement
from pages.visibility import public


def is_shown(page):
    """Not an alias, and public by the site's one rule (pages.visibility) when it
    is announced: now, or on its date for news dated ahead (``announced_at``),
    so an article past its expiry date, or made private, is never sent."""
    return public(Page.objects.filter(pk=page.pk, alias_of__isnull=True), at=announced_at(page)).exists()


def first_publication(page):
    """No publication of the page logged before this one. Wagtail sets
    ``last_published_at`` before it saves, signals or logs a publication, so the
    answer is the same whether this one's own log entry is written yet or not."""
    if page.last_published_at is None:  # scheduled for later: not published yet
        return False
    earlier = PageLogEntry.objects.filter(page=page, action="wagtail.publish", timestamp__lt=page.last_published_at)
    return not earlier.exists()


def announced_at(page):
    """When the page may be announced: now, or for a type listed only from its
    date (BasePage.listed_from_its_date: news dated ahead), that date, so no
    subscriber hears of an article before the listings show it."""
    now = timezone.now()
    page = page.specific
    if getattr(page, "listed_from_its_date", False) and (date := page_date(page)) and date > now:
        return date
    return now


def record(page, alias=False):
    """A step of every publish (pages.publishing); returns the announcement of
    a first publication or None (a correction's are recorded too)."""
    # The demo's pages are not news, nor is old content brought in by the importer.
    if seeding_now() or importing_now() or alias or page.alias_of_id:
        return None
    topic = topics.for_page(page)
    if topic is None:
        return None
    if not first_publication(page):
        record_corrections(page, topic)
        return None
    if not is_shown(page) or awaiting_translation(page) or not topic.announces(page.specific):
        return None
    return _once(page_id=page.pk, correction_key=None, defaults={
        "topic": topic.key, "language": page.locale.language_code, "created_at": announced_at(page)})  # fmt: skip


def record_corrections(page, topic):
    """Each correction new to the page, for its topic's subscribers in the page's language."""
    corrections = new_corrections(page)
    if not corrections or not is_shown(page) or awaiting_translation(page):
        return []
    language = page.locale.language_code
    return [
        _once(
            correction_key=correction.translation_key,
            language=language,
            defaults={"page_id": page.pk, "topic": topic.key, "created_at": timezone.now()},
        )  # fmt: skip
        for correction in corrections
    ]


def _once(defaults, **key):
    try:
        with transaction.atomic():
            announcement, _created = Announcement.objects.get_or_create(**key, defaults=defaults)
    except IntegrityError:  # two publishes of the same page at once: one row
        announcement = Announcement.objects.get(**key)
    return announcement
