"""The site's caches and what keeps them current.

- ``generations``: the database's word on what is current; every cache key
  carries the generations it was made under.
- ``page_cache``: whole pages for anonymous visitors.
- ``fragments`` and ``routing``: data and HTML behind the pages, and which page
  an address leads to.
- ``purge``: the CDN, in both languages.
- ``receivers``: every change that may show on a public page, and what it
  puts out of reach (pages' own changes reach it through the publish
  pipeline, pages.publishing; it hears the site, images and snippets itself).
- ``middleware``: one consistent view of the generations per request.

This package knows the shell (pages) and Wagtail, never a section app.
"""
