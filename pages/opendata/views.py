"""Downloads: ``/<language>/data/<dataset>.<format>`` (csv, json, xlsx).

The address's language prefix chooses the language of the values; column names
are the same in both. Answers carry an ETag (the rows' digest and the format)
and Last-Modified (the version's time, pages.opendata.snapshots), so partners'
scripts can ask "has it changed?" and get a 304.

The rows come from the dataset's snapshot (kept with the fragments: its
digest is the ETag, so it is known before the first byte); the file is written
as it is sent (pages.opendata.formats), so a download holds no whole file in
memory. Streamed answers are not kept by the page cache (which would hold the
whole file); the snapshot and the 304s keep repeated downloads cheap.
"""

from django.http import FileResponse, HttpResponseNotFound, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pages.opendata import formats, registry
from pages.opendata.snapshots import snapshot


def not_found(message):
    response = HttpResponseNotFound(message, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def _unknown(name, fmt):
    names = ", ".join(dataset.name for dataset in registry.all_datasets())
    if registry.get(name) is None:
        message = _("There is no dataset called “%(name)s”. The datasets are: %(names)s.") % {
            "name": name,
            "names": names,
        }
    else:
        message = _("There is no “%(format)s” download. The formats are: %(formats)s.") % {
            "format": fmt,
            "formats": ", ".join(registry.FORMATS),
        }
    return not_found(message)


def download(request, name, fmt):
    dataset = registry.get(name)
    if dataset is None or fmt not in registry.FORMATS:
        return _unknown(name, fmt)
    current = snapshot(dataset, request)
    etag = f'"{current["digest"][:32]}-{fmt}"'
    last_modified = int(current["changed_at"].timestamp())  # HTTP dates have whole seconds
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if conditional is not None:
        conditional["ETag"] = etag
        return conditional
    content_type = formats.CONTENT_TYPES[fmt]
    if fmt == "csv":
        response = StreamingHttpResponse(formats.csv_chunks(dataset, current), content_type=content_type)
    elif fmt == "json":
        chunks = formats.json_chunks(dataset, current, request.build_absolute_uri())
        response = StreamingHttpResponse(chunks, content_type=content_type)
    else:
        filename = f"eipvn-{name}-{get_language()}.{fmt}"
        response = FileResponse(formats.xlsx_file(dataset, current), content_type=content_type, filename=filename)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Content-Disposition"] = f'attachment; filename="eipvn-{name}-{get_language()}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: other sites' scripts may read it
    return response
