"""Small tables every app server shares: cache generations and rate-limit counts.

They live in the database because it is the one store every worker, every
server and every management command reach, in the same transaction as the
content they describe.
"""

from django.db import models

from pages.cache.generations import TABLE as GENERATION_TABLE


class Generation(models.Model):
    """The current token of one cached thing (a language's pages, a path's
    pages, the shell's fragments); pages.cache.generations explains the scheme."""

    name = models.CharField(max_length=80, primary_key=True)
    value = models.CharField(max_length=32)

    class Meta:
        db_table = GENERATION_TABLE  # read and written in plain SQL on every request
        verbose_name = "cache generation"

    def __str__(self):
        return f"{self.name}={self.value}"


class RateLimitHit(models.Model):
    """One attempt counted against a limit (pages.operations.rate_limit). ``client`` is a
    keyed hash of the visitor's address: the address itself is never stored."""

    scope = models.CharField(max_length=40)
    client = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        verbose_name = "rate limit hit"
        indexes = [models.Index(fields=["scope", "client", "at"]), models.Index(fields=["at"])]

    def __str__(self):
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M:%S}"


class JobRun(models.Model):
    """The last run of one periodic job (pages.operations.jobs). Shared by every
    server: a runner starts a job only by claiming its row, so two never run the
    same job at once, and /healthz and the dashboard read when it last ran."""

    name = models.CharField(max_length=40, primary_key=True)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    succeeded_at = models.DateTimeField(null=True)
    outcome = models.CharField(max_length=10, blank=True)  # "running", "ok" or "failed"
    # The exception's class only: its message may hold an e-mail address (the log has the rest, redacted).
    error = models.CharField(max_length=100, blank=True)
    # A runner killed in the middle leaves the job claimed until then at the latest.
    claimed_until = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "periodic job"

    def __str__(self):
        return f"{self.name} {self.outcome}"
