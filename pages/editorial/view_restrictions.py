"""A view restriction covers every language of a page.

Wagtail restricts one page (and its subtree) in one locale; wagtail-localize
does not copy restrictions to translations. An editor who makes the English
page private expects its Vietnamese twin to be private too, so restrictions are
mirrored to the page's translations when they are saved or removed.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

from pages.lookups import twins


def _twin_restrictions(restriction):
    for twin in twins(restriction.page):
        existing = PageViewRestriction.objects.filter(page=twin).first()
        yield twin, existing


@receiver(post_save, sender=PageViewRestriction)
def _mirror_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for twin, existing in _twin_restrictions(instance):
        if existing is None:
            existing = PageViewRestriction(page=twin)
        elif (existing.restriction_type, existing.password) == (instance.restriction_type, instance.password):
            continue
        existing.restriction_type = instance.restriction_type
        existing.password = instance.password
        existing.save()
        existing.groups.set(instance.groups.all())


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def _mirror_groups(sender, instance, action, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or not isinstance(instance, PageViewRestriction):
        return
    groups = set(instance.groups.all())
    for _twin, existing in _twin_restrictions(instance):
        if existing is not None and set(existing.groups.all()) != groups:
            existing.groups.set(groups)


@receiver(post_delete, sender=PageViewRestriction)
def _mirror_deleted(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()  # gone when the page itself is deleted
    if page is not None:
        PageViewRestriction.objects.filter(page__in=twins(page)).delete()
