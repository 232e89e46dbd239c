"""A file's rows, one after the other: each checked (a dry run stops there) or
checked and applied, its outcome handed on as it comes, nothing kept but the
counts and the identities seen (for rows that repeat an earlier one).

The command runs a whole file; the admin runs a slice per request, from where
the last one stopped (``after``), until ``stop()`` says its time is up.
"""

import hashlib
import logging
from collections import Counter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from pages.importer import apply, reader, rows
from pages.importer.kinds import kinds as declared_kinds

logger = logging.getLogger(__name__)
SKIPPED = "skipped"  # a note (# …), an empty row, or a kind left out with --kind


class SeenInMemory:
    """Identities seen in this run → the row that had each: 8 bytes of hash
    per row (5,000 rows ≈ half a megabyte with the dictionary's own)."""

    def __init__(self):
        self._rows = {}

    @staticmethod
    def _short(key):
        return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")

    def first(self, key):
        return self._rows.get(self._short(key))

    def add(self, key, number):
        self._rows.setdefault(self._short(key), number)


def _reasons_of(error):
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]


def outcome_of(number, values, *, kinds, lookups, root, only_kind, seen, write, user, publish):
    """The row's Outcome (for a dry run, what would happen), or None for a row skipped."""
    kind_name = rows.normalised(values.get("kind")).lower()
    if kind_name.startswith("#"):
        return None
    if not any(rows.normalised(value) for value in values.values()):
        return None
    title = rows.normalised(values.get("title_en")) or rows.normalised(values.get("title_vi"))
    if kind_name not in kinds:
        reason = _('kind: "%(value)s" is not one of: %(kinds)s.') % {"value": kind_name, "kinds": ", ".join(kinds)}
        return rows.Outcome(number, rows.REFUSED, title, [reason])
    if only_kind and kind_name != only_kind:
        return rows.Outcome(number, SKIPPED, title)
    if reader.EXTRA in values:
        reason = _('the row has more cells than the header has columns ("%(value)s").') % {
            "value": rows.normalised(values[reader.EXTRA])[:40]
        }
        return rows.Outcome(number, rows.REFUSED, title, [reason])
    plan = rows.check(number, values, kinds[kind_name], lookups, root)
    if isinstance(plan, rows.Outcome):
        return plan
    earlier = seen.first(plan.key)
    if earlier is not None:
        reason = _("the same item as row %(number)s (the same old address, or the same title and date).") % {
            "number": earlier
        }
        return rows.Outcome(number, rows.REFUSED, plan.title, [reason])
    seen.add(plan.key, number)
    if not write:
        return rows.Outcome(number, plan.action, plan.title, [], plan.key)
    try:
        action = apply.apply(plan, user=user, publish=publish)
    except apply.NotImported as error:
        return rows.Outcome(number, rows.REFUSED, plan.title, [str(error)], plan.key)
    except ValidationError as error:
        return rows.Outcome(number, rows.REFUSED, plan.title, _reasons_of(error), plan.key)
    except Exception:
        logger.exception("import: row %s could not be imported", number)
        reason = _(
            "the item could not be made (an unexpected error, written to the site's log); nothing of it was kept."
        )
        return rows.Outcome(number, rows.REFUSED, plan.title, [reason], plan.key)
    return rows.Outcome(number, action, plan.title, [], plan.key)


def process(
    handle,
    *,
    write=False,
    publish=False,
    user=None,
    root=None,
    only_kind="",
    seen=None,
    after=0,
    on_outcome=None,
    progress=None,
    every=250,
    stop=None,
):
    """Go through the file's rows after row ``after``. Returns (counts, the
    last row number read, whether the file is done). Raises reader.BadFile."""
    kinds = declared_kinds()
    seen = seen if seen is not None else SeenInMemory()
    lookups = rows.Lookups()
    counts = Counter()
    last = after
    _header, iterator = reader.open_rows(handle, kinds)
    read = 0
    for number, values in iterator:
        if number <= after:
            continue
        if read and stop is not None and stop():  # at least one row a call, so each goes forward
            iterator.close()
            return counts, last, False
        outcome = outcome_of(
            number,
            values,
            kinds=kinds,
            lookups=lookups,
            root=root,
            only_kind=only_kind,
            seen=seen,
            write=write,
            user=user,
            publish=publish,
        )
        last = number
        read += 1
        if outcome is not None:
            counts[outcome.action] += 1
            if on_outcome is not None:
                on_outcome(outcome)
        if progress is not None and read % every == 0:
            progress(number, counts)
    return counts, last, True
