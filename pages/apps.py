from django.apps import AppConfig, apps


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages"

    def ready(self):
        from wagtail.models import Page, TranslatableMixin
        from wagtail.permissions import register_permission_policy

        from . import privacy, renditions, signals  # noqa: F401
        from .cache import receivers
        from .editorial.languages import LanguageSnippetPermissionPolicy
        from .models import Partner, RelatedAgency, TeamMember
        from .updates import retention  # noqa: F401

        receivers.invalidate_on_change(Partner, RelatedAgency, TeamMember)
        # Every translatable non-page model is edited per language (before
        # Wagtail looks a policy up, or it would create a default one).
        for model in apps.get_models():
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
                register_permission_policy(model, LanguageSnippetPermissionPolicy(model))
