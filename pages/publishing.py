"""The publish pipeline: every consequence of a page being published,
unpublished, moved, made private or public, or deleted, in one written order.

Wagtail tells of these changes through several signals, in an order of its own
(a publish is saved, signalled, then logged; aliases follow their source; a
deleted live page is unpublished first). They are heard here and nowhere else
in the project, each turned into one event whose steps run in the order below,
whoever made the change: the admin, ``page.save_revision().publish()``,
scheduled publishing, wagtail-localize or a management command. No step
depends on what Wagtail has or has not done yet beyond saving the change.

The order, and why:
- ``translations`` first: the twins follow (their view restriction, their
  place among siblings), and their own events run inside this one.
- ``changes``: the page's last real content change (pages.changes), which
  the search entry, the announcements and every cached surface then read.
- ``search`` and ``announcements``: the site's own records, written in the
  change's transaction, so they commit (or roll back) with it.
- ``cache``: fragments and stored pages put out of reach; the new generations
  commit with the change, so no worker serves the old page once it is visible.
- ``cdn``: purged once the change is committed (pages.cache.purge), then
  ``renditions``, the slowest, rendered once committed, last.

Each step is a function of one argument, the page (``None`` for a privacy
change of a collection rather than a page), kept in the module that owns what
it changes. ``STEPS`` are the shell's own; a section declares its own as a
``Step`` in its declaration (pages.sections), placed right after a named step
of the shell: e-mail updates' ``announcements`` comes after ``search``.

Deliberately outside: "Publish and update translations" (an editor's choice
in the admin, pages.editorial.hooks), and Wagtail's own search and reference
indexes. Wagtail's CDN purge of the published page is disconnected: the
``cdn`` step purges the page with its twins, after the commit.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pages import changes, sections
from pages.cache import purge
from pages.cache import receivers as cache
from pages.editorial import tree_sync, view_restrictions
from pages.operations import renditions
from pages.search import index as search

STEPS = {
    "published": [
        ("changes", changes.record),
        ("search", search.index_page),
        ("cache", cache.page_changed),
        ("cdn", purge.page_and_twins),
        ("renditions", renditions.prepare_on_commit),
    ],
    "unpublished": [
        ("search", search.remove_page),
        ("cache", cache.page_changed),
        ("cdn", purge.page_and_twins),
    ],
    # A page made without a publish (a draft, or wagtail-localize's alias, which shows in menus).
    "created": [
        ("cache", cache.page_changed),
    ],
    # Moved to another parent, or its slug changed: addresses changed. (Wagtail's
    # move view moves the twins too: pages.editorial.tree_sync.cascade.)
    "moved": [
        ("cache", cache.tree_changed),
    ],
    # Moved among its siblings: menus changed; the twins take the same place.
    "reordered": [
        ("translations", tree_sync.mirror_position),
        ("cache", cache.tree_changed),
    ],
    "privacy changed": [
        ("translations", view_restrictions.mirror),
        ("cache", cache.tree_changed),
        ("cdn", purge.subtree_of),
    ],
    # Its search entry and announcement go with it (foreign keys); a live page
    # is unpublished first (by Wagtail), so the CDN has been purged.
    "deleted": [
        ("cache", cache.page_changed),
    ],
}


@dataclass(frozen=True)
class Step:
    """A section's step: ``run(page)`` on every event of ``kind``, right after
    the shell's step named ``after`` (at the end without one)."""

    kind: str
    name: str
    run: Callable
    after: str | None = None

    def problems(self):
        if self.kind not in STEPS:
            return [f"the step {self.name!r} follows {self.kind!r}, which is not an event ({', '.join(STEPS)})."]
        names = [name for name, _run in STEPS[self.kind]]
        if self.name in names:
            return [f"the step {self.name!r} has the name of one of the shell's steps."]
        if self.after is not None and self.after not in names:
            return [f"the step {self.name!r} comes after {self.after!r}, which {self.kind!r} does not have."]
        return []


def steps(kind, extra=None):
    """The steps of ``kind``, the shell's with the sections' placed in them."""
    result = list(STEPS[kind])
    for step in extra if extra is not None else sections.each("publish_steps"):
        if step.kind != kind:
            continue
        names = [name for name, _run in result]
        position = names.index(step.after) + 1 if step.after in names else len(result)
        result.insert(position, (step.name, step.run))
    return result


def order(kind):
    """The names of the steps of ``kind``, in the order they run."""
    return [name for name, _run in steps(kind)]


def dispatch(kind, page):
    for _name, run in steps(kind):
        run(page)


# --- Wagtail's and Django's signals, heard here only ------------------------------


def _published(sender, instance, **kwargs):
    dispatch("published", instance)


def _unpublished(sender, instance, **kwargs):
    dispatch("unpublished", instance)


def _moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    dispatch("reordered" if parent_page_before.pk == parent_page_after.pk else "moved", instance)


def _slug_changed(sender, instance, **kwargs):
    dispatch("moved", instance)


def _saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        dispatch("created", instance)


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        dispatch("deleted", instance)


def _restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:  # a restore drops every cache itself (manage.py restore)
        # Gone when the page itself is being deleted: then only caches drop.
        dispatch("privacy changed", Page.objects.filter(pk=instance.page_id).first())


def _restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        dispatch("privacy changed", instance.page)


def _collection_privacy_changed(sender, raw=False, **kwargs):
    # Pages, datasets and the API name no document or image of a private
    # collection (pages.visibility): no page of its own, every page may show one.
    if not raw:
        dispatch("privacy changed", None)


def connect():
    """Called once, from PagesConfig.ready()."""
    uid = "pages.publishing"
    page_published.connect(_published, dispatch_uid=uid)
    page_unpublished.connect(_unpublished, dispatch_uid=uid)
    post_page_move.connect(_moved, dispatch_uid=uid)
    page_slug_changed.connect(_slug_changed, dispatch_uid=uid)
    post_save.connect(_saved, dispatch_uid=f"{uid}.page-saved")
    post_delete.connect(_deleted, dispatch_uid=f"{uid}.page-deleted")
    for model in (PageViewRestriction, CollectionViewRestriction, Collection):
        handler = _restriction_changed if model is PageViewRestriction else _collection_privacy_changed
        post_save.connect(handler, sender=model, dispatch_uid=f"{uid}.{model._meta.label_lower}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"{uid}.{model._meta.label_lower}")
    m2m_changed.connect(_restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=uid)
    disconnect_wagtails_purge()


def disconnect_wagtails_purge():
    """wagtail.contrib.frontend_cache purges a published or unpublished page at
    once, before the change is committed (the CDN could fetch the old page again
    in between); the ``cdn`` step does it after the commit, with the twins. The
    app is listed before ``pages`` (settings), so its receivers exist by now."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache import signal_handlers

    for model in get_page_models():
        page_published.disconnect(signal_handlers.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, sender=model)
