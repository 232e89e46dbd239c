"""Two-step verification for staff: a code from an authenticator app (TOTP, django-otp).

Optional per person: anyone who signs in to the admin can turn it on under
Account → Two-step verification; from then on the admin asks for a code after
the password. ``TWO_FACTOR_REQUIRED=true`` makes it compulsory: staff without
an authenticator are sent to set one up before anything else.

Until the code is given, the password alone signs in to nothing: the admin
sends the user to the code page, and everywhere else (pages only for signed-in
users, documents in private collections) the request is an anonymous visitor's.
The rule is held in one place, TwoFactorMiddleware, not view by view.

Setting up shows a new secret each time it starts, bound to the session that
saw it: a secret shown to someone else (another session, an onlooker) can never
be confirmed, and after too many wrong codes the secret is replaced.
"""

from base64 import b32encode
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access

ADMIN_PREFIX = "/admin/"
SETUP_SESSION_KEY = "two_factor_setup_device"
SETUP_MAX_FAILURES = 5  # wrong codes before setup starts again with a new secret


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError(_("Enter the digits your app shows."))
        return code


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@require_admin_access
def verify(request):
    """The second step of signing in."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right, or it has expired. Enter the code your app shows now."))
    return render(request, "two_factor/verify.html", {"form": form, "next": _next_url(request)})


def _new_setup_device(request):
    """A new secret for this session only; any secret shown before is dropped."""
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=request.user, confirmed=False, name="Authenticator")
    request.session[SETUP_SESSION_KEY] = device.pk
    return device


def _this_sessions_setup_device(request):
    pk = request.session.get(SETUP_SESSION_KEY)
    if pk is None:
        return None
    return TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first()


@require_admin_access
def setup(request):
    """Connect an authenticator app: scan the code (or type the key), confirm with a code."""
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.path})}")
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if confirmed is not None:
        return render(request, "two_factor/manage.html", {"device": confirmed})
    if request.method != "POST":
        return _setup_page(request, CodeForm(), _new_setup_device(request))
    device = _this_sessions_setup_device(request)
    if device is None:
        messages.error(request, _("Setup was started again elsewhere, so that key no longer works. Use the new one."))
        return redirect(reverse("two_factor_setup"))
    form = CodeForm(request.POST)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            del request.session[SETUP_SESSION_KEY]
            otp_login(request, device)
            messages.success(request, _("Two-step verification is on. Keep your phone at hand when you sign in."))
            return redirect(reverse("two_factor_setup"))
        if device.throttling_failure_count >= SETUP_MAX_FAILURES:
            notice = _(
                "Too many wrong codes, so here is a new key. Remove the old EIP Viet Nam entry from your app, "
                "add this one and enter the code it shows."
            )
            return _setup_page(request, CodeForm(), _new_setup_device(request), notice)
        form.add_error("code", _("That code is not right, or it has expired. Enter the code your app shows now."))
    return _setup_page(request, form, device)


def _setup_page(request, form, device, notice=""):
    context = {"form": form, "qr_svg": _qr_svg(device.config_url), "secret": _readable_key(device), "notice": notice}
    return render(request, "two_factor/setup.html", context)


@require_admin_access
@require_POST
def disable(request):
    if settings.TWO_FACTOR_REQUIRED or not request.user.is_verified():
        messages.error(request, _("Two-step verification cannot be turned off here."))
    else:
        TOTPDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Two-step verification is off."))
    return redirect(reverse("two_factor_setup"))


def _qr_svg(data):
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 - generated by qrcode from our own URL


def _readable_key(device):
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


urlpatterns = [
    path("verify/", verify, name="two_factor_verify"),
    path("setup/", setup, name="two_factor_setup"),
    path("disable/", disable, name="two_factor_disable"),
]


class TwoFactorMiddleware:
    """Until a signed-in user with an authenticator has entered a code (or,
    when it is required, set one up), the session signs in to nothing: in the
    admin they are sent to the code page; everywhere else the request goes on
    as an anonymous visitor's, so no page restricted to signed-in users and no
    private document opens to the password alone."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.open_paths = None

    def __call__(self, request):
        # No session cookie, no signed-in user: the session is not even read
        # (reading it would add "Vary: Cookie" to answers that never had it).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _waits_for_second_step(user):
            if not request.path.startswith(ADMIN_PREFIX):
                _as_anonymous(request)
            elif request.path not in self._open_paths():
                return self._second_step(request, user)
        return self.get_response(request)

    def _open_paths(self):
        if self.open_paths is None:
            self.open_paths = {
                reverse("two_factor_verify"),
                reverse("two_factor_setup"),
                reverse("wagtailadmin_logout"),
            }
        return self.open_paths

    def _second_step(self, request, user):
        if user_has_device(user):
            return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.get_full_path()})}")
        return redirect(reverse("two_factor_setup"))


def _waits_for_second_step(user):
    if user.is_verified():
        return False
    return settings.TWO_FACTOR_REQUIRED or user_has_device(user)


def _as_anonymous(request):
    anonymous = AnonymousUser()

    async def auser():
        return anonymous

    request.user = anonymous
    request.auser = auser
