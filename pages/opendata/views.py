"""Downloads: ``/<language>/data/<dataset>.<format>`` (csv, json, xlsx).

The address's language prefix chooses the language of the values; column names
are the same in both. Answers carry an ETag (the rows' digest and the format)
and Last-Modified (the version's time, pages.opendata.snapshots), so partners'
scripts can ask "has it changed?" and get a 304. Anonymous answers are also
kept by the page cache like any page under a language prefix.
"""

from django.http import HttpResponse, HttpResponseNotFound
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
    if fmt == "csv":
        body = formats.as_csv(dataset, current)
    elif fmt == "json":
        body = formats.as_json(dataset, current, request.build_absolute_uri())
    else:
        body = formats.as_xlsx(dataset, current)
    response = HttpResponse(body, content_type=formats.CONTENT_TYPES[fmt])
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Content-Disposition"] = f'attachment; filename="eipvn-{name}-{get_language()}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: other sites' scripts may read it
    return response
