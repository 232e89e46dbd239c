from django.apps import AppConfig


class ParksConfig(AppConfig):
    """What the demonstration brings to the shell is declared in parks/section.py (pages.sections)."""

    name = "parks"
    verbose_name = "EIP demonstration"
