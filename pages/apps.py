from django.apps import AppConfig, apps


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages"

    def ready(self):
        # Imported here, not at the top: they need the models, which Django loads
        # only after every app config; importing them registers what they offer.
        from wagtail.models import Page, TranslatableMixin
        from wagtail.permissions import register_permission_policy

        from pages import publishing, section_checks, sections, signals  # noqa: F401
        from pages.cache import receivers
        from pages.editorial.languages import LanguageSnippetPermissionPolicy
        from pages.mail import outbox
        from pages.old_addresses import checks  # noqa: F401
        from pages.operations import retention

        publishing.connect()
        # What the sections declare (every installed app's section.py) that
        # must be listened for from the start.
        receivers.invalidate_on_change(*sections.each("shown_models"))
        for retained in retention.all_retained():
            if retained.forget_mail:  # a person's data deleted takes their mail still waiting with it
                outbox.forget_with(retained.model)
        # Every translatable non-page model is edited per language (before
        # Wagtail looks a policy up, or it would create a default one).
        for model in apps.get_models():
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
                register_permission_policy(model, LanguageSnippetPermissionPolicy(model))
