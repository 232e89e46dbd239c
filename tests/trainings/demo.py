"""The Trainings index in both languages, out of the menu: the test section's demo."""

from wagtail.models import Locale

from pages.demo import ensure_translated_page
from pages.demo.translate import Glossary
from pages.models import HomePage

from .models import TrainingIndexPage

glossary = Glossary()
t = glossary.t


def seed_trainings():
    home = HomePage.objects.get(locale=Locale.get_default())
    ensure_translated_page(
        home, TrainingIndexPage, glossary, title=t("Trainings", "Đào tạo"), slug=t("trainings", "dao-tao"),
        show_in_menus=False,
    )  # fmt: skip
