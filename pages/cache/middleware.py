"""One request, one consistent view of what is current."""

from pages.cache import fragments, generations, page_cache


class CacheScopeMiddleware:
    """Keeps every generation a request reads for the request's duration (each
    is read once), and keeps previews (Wagtail's dummy requests for drafts) out
    of the fragments. For a page the page cache may answer, the generations it
    needs and the fragments' are read up front in one query. First in the
    chain, so that everything after it, scheduled publishing and the page cache
    included, sees the same."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generations.RequestScope(), fragments.bypassed_while(getattr(request, "is_dummy", False)):
            if needed := page_cache.generations_needed(request):
                generations.current([generations.FRAGMENTS, *needed])
            return self.get_response(request)
