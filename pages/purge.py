"""CDN purge on publish, in both languages.

wagtail.contrib.frontend_cache purges the page that was published or
unpublished. Its twin in the other language shows the page's title in the
language switcher and hreflang links, so it is purged as well, at its own
URL (Vietnamese slugs differ from English ones).
"""

from django.conf import settings
from wagtail.signals import page_published, page_unpublished


def _purge_translations(sender, instance, **kwargs):
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    twins = instance.get_translations(inclusive=False).live().specific()
    if twins:
        purge_pages_from_cache(twins)


def connect():
    if settings.WAGTAILFRONTENDCACHE:
        page_published.connect(_purge_translations, dispatch_uid="eipvn-purge-translations-published")
        page_unpublished.connect(_purge_translations, dispatch_uid="eipvn-purge-translations-unpublished")
