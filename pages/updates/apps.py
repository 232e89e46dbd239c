from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    """E-mail updates, a room of its own: models, migrations, views, admin,
    templates and tests here; it builds on the shell (pages), never the reverse."""

    name = "pages.updates"
    label = "updates"
    verbose_name = "E-mail updates"

    def ready(self):
        from pages.mail import outbox
        from pages.updates import retention  # noqa: F401 (registers what the purge deletes)
        from pages.updates.models import Subscriber

        # A person's data deleted takes their mail still waiting with it.
        outbox.forget_with(Subscriber)
