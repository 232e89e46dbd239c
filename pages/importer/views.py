"""The admin's Settings → Import content, for Moderators and superusers
(``importer.import_content``).

1. Upload a CSV or XLSX file (up to IMPORT_UPLOAD_MAX_SIZE); it is kept in the
   database under a random token, for its uploader only, so every app server
   reaches it and the editor never uploads it twice.
2. The dry run checks every row and shows, row by row, what would be created,
   updated, left unchanged or refused, and why, in the editor's language.
3. Confirm (drafts, or published if ticked): the same file is imported.

A request works on a file for at most SLICE_SECONDS, then answers with the
progress so far and goes on (a page that reloads itself for the dry run; a
"Continue" form, sent by a small script or by hand, for the import), so a
5,000-row file never meets the app server's 30-second timeout. Each row is
its own transaction, and a row already done is "unchanged" when met again, so
an import interrupted anywhere is finished by importing the file again.
Files older than a week are deleted when another is uploaded.
"""

import datetime
import io
import secrets
import time

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required

from pages.importer import reader, rows, run, template
from pages.importer.kinds import kinds
from pages.importer.models import ImportBatch, ImportedItem, ImportRow

PERMISSION = "importer.import_content"
SLICE_SECONDS = 8  # of work per request: well inside gunicorn's 30 s
KEEP = datetime.timedelta(days=7)
BUSY = datetime.timedelta(seconds=60)
PER_PAGE = 100
CHECK, IMPORT = "check", "import"

only_importers = permission_required(PERMISSION)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy("One row per item, with the template's header row."),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Import"),
        required=False,
        help_text=gettext_lazy("Only the rows of one kind, or every row."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", _("Every kind")),
            *((name, f"{name}: {kind.label}") for name, kind in kinds().items()),
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_UPLOAD_MAX_SIZE
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB: split it, or ask for it to be imported with the command.")
                % {"limit": limit >> 20}
            )
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        content = upload.read()
        try:
            reader.open_rows(io.BytesIO(content), kinds())
        except reader.BadFile as error:
            raise forms.ValidationError(str(error)) from error
        self.content = content
        return upload


def _batch(request, token):
    batch = ImportBatch.objects.filter(token=token, user=request.user).first()
    if batch is None:
        raise Http404
    return batch


@only_importers
def start(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        ImportBatch.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
        batch = ImportBatch.objects.create(
            token=secrets.token_urlsafe(32),
            user=request.user,
            file_name=form.cleaned_data["file"].name[:255],
            content=form.content,
            kind=form.cleaned_data["kind"],
        )
        return redirect("importer:report", batch.token)
    return TemplateResponse(
        request, "importer/start.html", {**_frame(), "form": form, "columns": template.described_columns()}
    )


def _frame():
    title = _("Import content")
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": "upload",
        "breadcrumbs_items": [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, {"url": "", "label": title}],
    }


class _SeenInBatch:
    """Rows of this stage already seen, from the rows written (every app server sees them)."""

    def __init__(self, batch, stage):
        self.rows = ImportRow.objects.filter(batch=batch, stage=stage)

    def first(self, key):
        return self.rows.filter(key=key).order_by("number").values_list("number", flat=True).first()

    def add(self, key, number):
        pass  # the row's outcome, written next, holds its key


def _claim(batch):
    """This request works on the batch, unless another one is (a double click)."""
    now = timezone.now()
    free = Q(busy_until__isnull=True) | Q(busy_until__lt=now)
    return bool(ImportBatch.objects.filter(free, pk=batch.pk).update(busy_until=now + BUSY))


def _work(batch, stage, user):
    """Process the batch's next slice of rows in ``stage``; True when the file is done."""
    if not _claim(batch):
        return False
    deadline = time.monotonic() + SLICE_SECONDS

    def record(outcome):
        if outcome.action == run.SKIPPED:
            return
        ImportRow.objects.create(
            batch=batch,
            stage=stage,
            number=outcome.number,
            action=outcome.action,
            key=outcome.key,
            title=outcome.title[:500],
            reasons=outcome.reasons,
        )

    try:
        counts, last, done = run.process(
            io.BytesIO(bytes(batch.content)),
            write=stage == IMPORT,
            publish=batch.publish,
            user=user,
            root=settings.IMPORT_ROOT,
            only_kind=batch.kind,
            seen=_SeenInBatch(batch, stage),
            after=batch.position,
            on_outcome=record,
            stop=lambda: time.monotonic() > deadline,
        )
        error = ""
    except reader.BadFile as problem:
        counts, last, done, error = {}, batch.position, True, str(problem)
    with transaction.atomic():
        batch.refresh_from_db()
        totals = batch.counts.setdefault(stage, {})
        for action, count in counts.items():
            totals[action] = totals.get(action, 0) + count
        if error:
            batch.counts["error"] = error
        batch.position = last
        if done:
            batch.counts.setdefault("total", last)
            batch.stage = ImportBatch.CHECKED if stage == CHECK else ImportBatch.DONE
            batch.position = 0
        batch.busy_until = None
        batch.save()
    return done


def _context(batch, stage, request, **extra):
    results = ImportRow.objects.filter(batch=batch, stage=stage)
    shown = request.GET.get("show")
    if shown in (rows.CREATE, rows.UPDATE, rows.UNCHANGED, rows.REFUSED):
        results = results.filter(action=shown)
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("p"))
    counts = batch.counts.get(stage, {})
    tallies = _tallies(counts, stage)
    labels = {tally["action"]: tally["label"] for tally in tallies}
    # In the import's report, each item's title leads to its page in the admin.
    pages = {}
    if stage == IMPORT:
        keys = [row.key for row in page if row.key and row.action != rows.REFUSED]
        pages = dict(ImportedItem.objects.filter(key__in=keys).values_list("key", "page_id"))
    return {
        **_frame(),
        "batch": batch,
        "stage": stage,
        "results": page,
        "rows": [
            (
                row,
                labels.get(row.action, row.action),
                reverse("wagtailadmin_pages:edit", args=[pages[row.key]]) if row.key in pages else "",
            )
            for row in page
        ],
        "shown": shown,
        "tallies": tallies,
        "to_import": counts.get(rows.CREATE, 0) + counts.get(rows.UPDATE, 0),
        "read": batch.position,
        "error": batch.counts.get("error", ""),
        "total": batch.counts.get("total"),
        **extra,
    }


def _tallies(counts, stage):
    if stage == CHECK:
        labels = {
            rows.CREATE: _("to create"),
            rows.UPDATE: _("to update"),
            rows.UNCHANGED: _("unchanged"),
            rows.REFUSED: _("refused"),
        }
    else:
        labels = {
            rows.CREATE: _("created"),
            rows.UPDATE: _("updated"),
            rows.UNCHANGED: _("unchanged"),
            rows.REFUSED: _("refused"),
        }
    return [{"action": action, "label": label, "count": counts.get(action, 0)} for action, label in labels.items()]


@only_importers
def report(request, token):
    """The dry run: worked on while it lasts (the page reloads itself), then its report."""
    batch = _batch(request, token)
    if batch.stage == ImportBatch.CHECKING:
        if not _work(batch, CHECK, request.user):
            batch.refresh_from_db()
            return TemplateResponse(request, "importer/working.html", _context(batch, CHECK, request, reload=True))
        batch.refresh_from_db()
    if batch.stage in (ImportBatch.IMPORTING, ImportBatch.DONE):
        return redirect("importer:result", batch.token)
    return TemplateResponse(request, "importer/report.html", _context(batch, CHECK, request))


@only_importers
def confirm(request, token):
    """The import of the checked file, a slice per request."""
    batch = _batch(request, token)
    if request.method != "POST":
        return redirect("importer:report", batch.token)
    if batch.stage == ImportBatch.CHECKING:
        return redirect("importer:report", batch.token)
    if batch.stage == ImportBatch.CHECKED:
        batch.publish = request.POST.get("publish") == "on"
        batch.stage = ImportBatch.IMPORTING
        batch.save(update_fields=["publish", "stage"])
    if batch.stage == ImportBatch.IMPORTING and not _work(batch, IMPORT, request.user):
        batch.refresh_from_db()
        return TemplateResponse(request, "importer/working.html", _context(batch, IMPORT, request, reload=False))
    return redirect("importer:result", batch.token)


@only_importers
def result(request, token):
    batch = _batch(request, token)
    if batch.stage in (ImportBatch.CHECKING, ImportBatch.CHECKED):
        return redirect("importer:report", batch.token)
    return TemplateResponse(request, "importer/result.html", _context(batch, IMPORT, request))


@only_importers
def download_template(request, fmt):
    if fmt == "csv":
        response = HttpResponse(template.as_csv(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            template.as_xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="import-template.{fmt}"'
    return response
