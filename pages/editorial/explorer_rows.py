"""The page explorer's rows, at a cost that does not grow with the section.

Wagtail's explorer lists a page's children 50 at a time, each row annotated
(untranslated languages, site root, approved schedule: Wagtail's; the
review button's translation and the row's source: ours) so that its buttons
ask no query. Two things still grew with content (a news category of 2,000
articles, measured on SQLite: 0.2 s → 0.9 s):
- The database works out every annotation for every child, then sorts and
  keeps 50. ``slice_first`` finds the shown page's keys first (the filter and
  the order alone), then loads those rows with their annotations.
- wagtail-localize's "Translate this page" and "Sync translated pages"
  buttons ask four queries a row. ``localize_buttons`` gives the same buttons
  from two more annotations (``with_localize_states``), and asks as
  wagtail-localize does for a page that is not a listed row (a page's header).
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import Button
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

UNTRANSLATED = "localize_has_untranslated_locale"
SYNC_SOURCE = "localize_sync_source_id"


class _SliceFirst:
    """A queryset whose slice (a paginator's page of model instances) is read
    in two queries: the keys in order, then those rows with every annotation."""

    def _fetch_all(self):
        if self._result_cache is None and self.query.is_sliced and self._fields is None:
            keys = list(self.values_list("pk", flat=True))  # annotations left out unless the order needs them
            rows = self._chain()
            rows.query.clear_limits()
            found = {row.pk: row for row in rows.filter(pk__in=keys).order_by()}
            self._result_cache = [found[key] for key in keys if key in found]
            self._prefetch_done = True  # done by ``rows`` on the same instances
            return
        super()._fetch_all()


_CLASSES = {}


def slice_first(queryset):
    cls = type(queryset)
    if cls not in _CLASSES:
        _CLASSES[cls] = type(f"SliceFirst{cls.__name__}", (_SliceFirst, cls), {})
    clone = queryset._chain()
    clone.__class__ = _CLASSES[cls]
    return clone


def with_localize_states(pages):
    """What wagtail-localize's listing buttons ask of each row, in the listing's query."""
    written = Page.objects.filter(translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True)
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    )
    return pages.annotate(
        **{
            UNTRANSLATED: Exists(Locale.objects.exclude(pk__in=written.values("locale_id"))),
            SYNC_SOURCE: Subquery(sources.values("pk")[:1]),
        }
    )


def localize_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's "Translate this page" and "Sync translated pages",
    the same buttons (plain ``Button``s, as it makes them) under the same
    conditions, from a row's annotations."""
    if not hasattr(page, UNTRANSLATED):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name=view_name, next_url=next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if getattr(page, UNTRANSLATED):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield Button(gettext_lazy("Translate this page"), url, priority=60, icon_name="wagtail-localize-language")
    source_id = getattr(page, SYNC_SOURCE)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield Button(gettext_lazy("Sync translated pages"), url, priority=60, icon_name="resubmit")
