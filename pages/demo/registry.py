"""`seed_demo` runs each app's demo content through this registry.

An app contributes with a `demo.py` (or `demo/` package) that registers a
function; `pages` imports no section app. Functions run in `order`, so a
section can rely on the shell (home page, locales) existing.
"""

from django.utils.module_loading import autodiscover_modules

_seeders = []


def register(order):
    def decorator(function):
        if function not in [seeder for _, seeder in _seeders]:
            _seeders.append((order, function))
        return function

    return decorator


def seeders():
    autodiscover_modules("demo")
    return [function for _, function in sorted(_seeders, key=lambda item: item[0])]
