"""“Publish and update translations”: one click for an English page.

Publishing English leaves its translations' sources as they were at the last
sync, so a translator would not see the new or changed strings until someone
pressed “Sync translated pages”. This action menu item publishes and syncs
the sources in one step; the translated pages themselves stay as they are
until their translation is reviewed and published.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem
from wagtail_localize.models import TranslationSource

from pages.editorial import segment_history

ACTION_VALUE = "update-translations"


class PublishAndUpdateTranslationsMenuItem(ActionMenuItem):
    label = _("Publish and update translations")
    name = "action-publish"
    icon_name = "resubmit"
    template_name = "pages/admin/publish_and_update_translations.html"
    order = 15  # just after Publish

    def is_shown(self, context):
        if context["view"] != "edit" or context["locked_for_user"]:
            return False
        page = context["page"]
        return (
            self.get_user_page_permissions_tester(context).can_publish()
            and TranslationSource.objects.get_for_instance_or_none(page) is not None
        )

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), "value": ACTION_VALUE}


def update_translation_sources(page, user):
    """Refresh the page's translation source from its live version and carry
    the view restrictions over; returns how many translations were updated."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None or not page.live or (page.go_live_at and page.go_live_at > timezone.now()):
        return 0
    segment_history.sync(source)
    translations = source.translations.filter(enabled=True).select_related("target_locale")
    for translation in translations:
        source.update_target_view_restrictions(translation.target_locale)
    return len(translations)
