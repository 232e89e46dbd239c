"""A checked row (rows.Plan) made into pages, all of it or nothing.

Each row runs in its own transaction: the page in its source language, its
translation (or, with no texts in the other language, the untranslated alias
an editor's new page gets), links to parks and themes, documents, redirects
from its old addresses and the record of the import. A failure anywhere rolls
all of it back, and files already written to storage are removed.

The translation is made the way a translator's is: a wagtail-localize
Translation of the source page whose strings are filled from the row, so the
translation editor shows it complete, and a later change of the source shows
which strings need translating again.

Pages are saved as draft revisions (live=False for a new page; a new draft of
an existing one leaves what visitors see alone) unless ``publish`` is set.
"""

import html

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pages.editorial.localize_views import save_translation_draft
from pages.editorial.tree_sync import twin_new_page
from pages.importer import files, rows
from pages.importer.context import importing
from pages.importer.models import ImportedItem
from pages.search.folding import transliterate_slug


class NotImported(Exception):
    """A row that could not be made after all (a file that cannot be fetched…);
    its message is for the editor."""


def _paragraphs_html(paragraphs):
    return "".join(f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in paragraphs)


def _body(paragraphs):
    return [{"type": "paragraph", "value": _paragraphs_html(paragraphs)}] if paragraphs else []


def _slug(title):
    return transliterate_slug(title)[: rows.SLUG_MAX].strip("-") or "item"


def _fill(page, plan, documents):
    """Set the row's values, source-language texts, links and files on ``page``."""
    kind = plan.kind
    for name, value in plan.values.items():
        setattr(page, name, value)
    for name, pair in plan.texts.items():
        setattr(page, name, pair[plan.source])
    page.body = _body(plan.body[plan.source])
    if kind.parks:
        relation, field, _model = kind.parks
        link = type(page)._meta.get_field(relation).related_model
        setattr(page, relation, [link(**{field: park}) for park in plan.parks])
    if kind.themes:
        relation, field, _model = kind.themes
        if field is None:  # a many-to-many field (pages.themes): the themes themselves
            setattr(page, relation, plan.themes)
        else:
            link = type(page)._meta.get_field(relation).related_model
            setattr(page, relation, [link(**{field: theme}) for theme in plan.themes])
    for name, document in documents.items():
        setattr(page, name, document)


def _documents(plan, page, written):
    """{page field: document} for the row's files (the page's own where unchanged)."""
    found = {}
    for name, ref in plan.files.items():
        language = name.rsplit("_", 1)[-1]
        title = plan.texts["title"].get(language) or plan.title
        current = getattr(page, name, None) if page is not None else None
        try:
            found[name] = files.store(ref, title, written, current)
        except files.FileProblem as problem:
            raise NotImported(f"{name}: {problem}") from problem
    return found


def _translations(plan, segments):
    """{segment id: translated text} for the source's string segments, from the
    row's texts in the other language."""
    target, found = plan.target, {}
    body = [html.escape(paragraph, quote=False) for paragraph in plan.body[target]]
    body_index = 0
    wanted = {name: html.escape(pair[target], quote=False) for name, pair in plan.texts.items()}
    wanted["slug"] = _slug(plan.texts["title"][target])
    for segment in segments:
        name = segment.context.path.split(".")[0]
        if name == "body":
            if body_index >= len(body):
                raise NotImported("body: the paragraphs do not match")
            found[segment.pk] = body[body_index]
            body_index += 1
        elif wanted.get(name):
            found[segment.pk] = wanted[name]
        else:
            raise NotImported(f"{name}: no text in the other language")
    return found


def _translate(plan, page, user, publish):
    """Fill the translation of ``page`` into the other language from the row,
    and save it as a draft (published with ``publish``)."""
    locale = Locale.objects.get(language_code=plan.target)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = list(StringSegment.objects.filter(source=source).select_related("context").order_by("order"))
    texts = _translations(plan, segments)
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=locale,
            context_id=segment.context_id,
            defaults={
                "data": texts[segment.pk],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    twin = page.get_translation_or_none(locale)
    if twin is not None and not twin.alias_of_id:
        revision = save_translation_draft(translation, user)
    else:
        translation.save_target(user=user, publish=False)
        twin = page.get_translation(locale).specific
        revision = twin.latest_revision
    if publish:
        revision.publish(user=user)


def _redirects(plan, page):
    for path, language in plan.old_paths:
        target = (
            page
            if language == plan.source
            else page.get_translation_or_none(Locale.objects.get(language_code=language))
        )
        Redirect.objects.update_or_create(
            old_path=path, site=None, defaults={"redirect_page": target or page, "is_permanent": True}
        )


def _create(plan, user, publish, written):
    kind = plan.kind
    page = kind.page_model(live=False, owner=user, locale=plan.category.locale)
    _fill(page, plan, _documents(plan, None, written))
    siblings = set(plan.category.get_children().values_list("slug", flat=True))
    slug = base = _slug(plan.texts["title"][plan.source])
    number = 2
    while slug in siblings:
        slug, number = f"{base}-{number}", number + 1
    page.slug = slug
    plan.category.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page = type(page).objects.get(pk=page.pk)
    if plan.translated:
        _translate(plan, page, user, publish)
    else:
        twin_new_page(page)
    return page


def _update(plan, user, publish, written):
    page = plan.item.page.specific
    draft = page.get_latest_revision_as_object()
    _fill(draft, plan, _documents(plan, draft, written))
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    if plan.translated:
        _translate(plan, draft, user, publish)
    return page


def apply(plan, *, user=None, publish=False):
    """Make or change the row's item; returns the action taken. Raises
    NotImported (nothing of the row is left) when it cannot."""
    if plan.action == rows.UNCHANGED:
        return rows.UNCHANGED
    written = []
    try:
        with importing(), transaction.atomic():
            item = ImportedItem.objects.select_for_update().filter(key=plan.key).first()
            if item is not None and item.digest == plan.digest:
                return rows.UNCHANGED
            if plan.action == rows.CREATE:
                if item is not None:  # made meanwhile by another import of the same row
                    raise NotImported("this item was imported meanwhile: import the file again")
                page = _create(plan, user, publish, written)
                ImportedItem.objects.create(
                    key=plan.key, identity=plan.identity, kind=plan.kind.name, page=page, digest=plan.digest
                )
            else:
                page = _update(plan, user, publish, written)
                item.digest = plan.digest
                item.save(update_fields=["digest", "updated_at"])
            _redirects(plan, Page.objects.get(pk=page.pk))
    except BaseException:
        files.remove_written(written)
        raise
    return plan.action
