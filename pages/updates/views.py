"""The subscribe page's form and the pages the e-mailed links open.

Every link opens a page with a button (a POST), so mail scanners that follow
links confirm or cancel nothing; the one exception is RFC 8058's one-click
unsubscribe, a POST the mail client sends without a CSRF token, which the
signed token authenticates (only that view is exempt from CSRF). A bad or
forged link answers 404, an expired confirmation 400, each with a page in the
address's language.
"""

from django.apps import apps
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from eipvn.client_address import client_address
from pages import signed_tokens
from pages.forms import fields_html, mark_invalid_fields
from pages.listing import public
from pages.mail import outbox
from pages.navigation.localized import active_locale
from pages.operations import rate_limit
from pages.themes.lookups import theme_rows
from pages.updates import links, mail, subscriptions, topics
from pages.updates.forms import PreferencesForm, SubscribeForm

RATE_LIMIT = 5  # subscribe requests per client address
RATE_WINDOW = 60 * 60  # seconds


def subscribe_page(language=None):
    """The live, public e-mail updates page of this language, or None."""
    # By name: the page model imports this module to serve its form.
    pages = apps.get_model("updates", "SubscribePage").objects.live()
    return public(pages.filter(locale__language_code=language or get_language())).first()


def _initial(request, page):
    wanted = request.GET.getlist("topic")
    keys = [key for key, _label in topics.choices()]
    # ?theme=<slug> (a theme's page): that theme alone, unless topics are asked for too.
    slugs = request.GET.getlist("theme")
    themes = [str(row["translation_key"]) for row in theme_rows(active_locale()) if row["slug"] in slugs]
    chosen = [key for key in wanted if key in keys]
    return {
        "email": request.GET.get("email", "").strip()[:254],
        "language": page.locale.language_code,
        "topics": chosen or ([] if themes else keys),
        "themes": themes,
        "frequency": "immediate",
    }


def _queue(message, subscriber, kind):
    """Sent by the outbox's worker: the answer never waits for the mail server,
    and an address gets at most the outbox's daily cap of such mails."""
    outbox.queue(message, kind, outbox.about(subscriber), visitor_caused=True)


def subscribe(request, page):
    context = page.get_context(request)
    status = 200
    if request.method != "POST":
        form = SubscribeForm(initial=_initial(request, page))
    else:
        form = SubscribeForm(request.POST)
        if form.is_spam():
            context["notice"] = _(
                "Your request could not be accepted. If you are a person, please leave the last field empty."
            )
        elif form.is_valid():
            # Counted only for requests that would send an e-mail: a mistake to correct costs nothing.
            if rate_limit.over_limit("updates", client_address(request), RATE_LIMIT, RATE_WINDOW):
                context["notice"] = _(
                    "You have asked several times in a short time. Please wait an hour and try again."
                )
                status = 429
            else:
                data = form.cleaned_data
                subscriber, answer = subscriptions.subscribe(
                    data["email"], data["language"], data["topics"], data["frequency"], data.get("themes", [])
                )
                if answer == "confirm":
                    _queue(mail.confirmation(subscriber), subscriber, "updates-confirm")
                elif answer == "manage":
                    _queue(mail.already_subscribed(subscriber), subscriber, "updates-already")
                # The same answer whether the address was new, waiting or subscribed.
                context.update({"sent": True, "email": data["email"]})
                return TemplateResponse(request, page.get_template(request), context)
    # Without a query string (topics or an address chosen ahead) the blank form is every visitor's.
    blank_name = None if request.GET else f"blank-form:{page.pk}"
    context.update({"form": form, "form_fields": fields_html(form, blank_name)})
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _answer(request, template, context, status=200):
    response = render(request, f"updates/{template}.html", {"page": subscribe_page(), **context}, status=status)
    add_never_cache_headers(response)
    return response


def _invalid(request):
    return _answer(request, "invalid_link", {}, status=404)


def confirm(request, token):
    try:
        subscriber = links.from_confirm_token(token)
    except signed_tokens.Expired:
        return _answer(request, "invalid_link", {"expired": True}, status=400)
    if subscriber is None:
        return _invalid(request)
    confirmed_now = False
    if request.method == "POST":
        confirmed_now = subscriptions.confirm(subscriber)
        subscriber.refresh_from_db()
    return _answer(
        request,
        "confirm",
        {
            "subscriber": subscriber,
            "confirmed_now": confirmed_now,
            "manage_url": links.path(subscriber, "updates-manage"),
        },
    )


def manage(request, token):
    subscriber = links.from_subscriber_token(token)
    if subscriber is None:
        return _invalid(request)
    initial = {
        "language": subscriber.language,
        "topics": subscriber.topic_keys(),
        "themes": subscriber.theme_keys(),
        "frequency": subscriber.frequency,
    }
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        subscriptions.change(subscriber, data["language"], data["topics"], data["frequency"], data.get("themes", []))
        saved = True
    mark_invalid_fields(form)
    return _answer(
        request,
        "manage",
        {
            "subscriber": subscriber,
            "form": form,
            "saved": saved,
            "unsubscribe_url": links.path(subscriber, "updates-unsubscribe"),
        },
    )


@csrf_exempt  # RFC 8058: the mail client's one-click POST carries no CSRF token; the signed token is the proof
def unsubscribe(request, token):
    subscriber = links.from_subscriber_token(token)
    if subscriber is None:
        return _invalid(request)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
        return _answer(request, "unsubscribe", {"done": True})
    return _answer(
        request,
        "unsubscribe",
        {"subscriber": subscriber, "manage_url": links.path(subscriber, "updates-manage")},
    )
