"""The e-mails of the updates, in the subscriber's language: plain text with an
HTML alternative, and on every one the unsubscribe link in the body and in the
``List-Unsubscribe`` headers (RFC 2369, one-click per RFC 8058)."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pages.updates import links

SITE = "EIP Viet Nam"


def _message(subscriber, subject, paragraphs, action=None, items=()):
    """``action``: (label, url) of the message's one button; ``items``: dicts
    of title, date_line, teaser, url."""
    unsubscribe = links.address(subscriber, "updates-unsubscribe")
    context = {
        "subject": subject,
        "paragraphs": paragraphs,
        "action": action,
        "items": items,
        "manage_url": links.address(subscriber, "updates-manage"),
        "unsubscribe_url": unsubscribe,
        "language": subscriber.language,
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:200],
        body=render_to_string("updates/email/message.txt", context),
        to=[subscriber.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("updates/email/message.html", context), "text/html")
    return message


def confirmation(subscriber):
    with translation.override(subscriber.language):
        return _message(
            subscriber,
            _("Please confirm your subscription to %(site)s updates") % {"site": SITE},
            [
                _("Someone, probably you, asked to receive e-mail updates from the %(site)s website at this address.")
                % {"site": SITE},
                _(
                    "Nothing will be sent until you confirm. The link works for %(days)s days; if you did not ask, "
                    "ignore this e-mail."
                )
                % {"days": links.CONFIRM_DAYS},
            ],
            action=(_("Confirm my subscription"), links.address(subscriber, "updates-confirm")),
        )


def already_subscribed(subscriber):
    with translation.override(subscriber.language):
        return _message(
            subscriber,
            _("Your subscription to %(site)s updates") % {"site": SITE},
            [
                _("Someone, probably you, asked to subscribe this address, which already receives our updates."),
                _("To change the sections, the themes, the language or how often we write, use the link below."),
            ],
            action=(_("Change my preferences"), links.address(subscriber, "updates-manage")),
        )


def updates(subscriber, items, digest=None):
    """One announcement (``digest`` None) or a daily or weekly digest of several."""
    with translation.override(subscriber.language):
        if digest is None and items[0].get("correction"):
            subject = _("Corrected on %(site)s: %(title)s") % {"site": SITE, "title": items[0]["title"]}
            intro = _("A page on the %(site)s website has been corrected:") % {"site": SITE}
        elif digest is None:
            subject = _("New on %(site)s: %(title)s") % {"site": SITE, "title": items[0]["title"]}
            intro = _("This has just been published on the %(site)s website:") % {"site": SITE}
        else:
            count = len(items)
            if digest == "daily":
                subject = ngettext(
                    "%(site)s daily digest: %(count)d new item", "%(site)s daily digest: %(count)d new items", count
                )
            else:
                subject = ngettext(
                    "%(site)s weekly digest: %(count)d new item", "%(site)s weekly digest: %(count)d new items", count
                )
            subject = subject % {"site": SITE, "count": count}
            intro = _("Published on the %(site)s website since our last digest:") % {"site": SITE}
        return _message(subscriber, subject, [intro], items=items)
