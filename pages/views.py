from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found as django_page_not_found


@never_cache
def healthz(request):
    """Liveness for load balancers: the process answers; no database needed."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    # LocaleMiddleware has already activated the language of the URL prefix.
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request):
    # Rendered without context processors or the database: 500.html is static.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())
