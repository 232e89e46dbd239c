"""Mail waiting to leave (pages.mail.outbox): written in the transaction that
asked for it, sent by ``manage.py send_mail_queue`` outside any visitor's
request, deleted once the mail server has taken it."""

from django.db import models


class OutgoingMail(models.Model):
    kind = models.CharField(max_length=40)  # e.g. "registration-request": for reports, never the address
    # The record this mail is about ("events.registration:12"): deleting that
    # record deletes its mail still waiting (pages.mail.outbox.forget).
    about = models.CharField(max_length=80, blank=True, db_index=True)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    attachments = models.JSONField(default=list, blank=True)  # [{"name", "content", "mimetype"}], text only
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    # Set by the sender that claimed it; a sender that crashed lets it go when this passes.
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "outgoing mail"
        ordering = ["next_attempt_at", "pk"]

    def __str__(self):
        return f"{self.kind} {self.pk}"
