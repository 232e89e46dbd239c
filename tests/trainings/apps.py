from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    """A section that exists only in the test settings: it proves that a new
    section plugs into the shell by its declaration alone (section.py), with no
    line of the shell changed (tests/test_sections.py)."""

    name = "tests.trainings"
    label = "trainings"
    verbose_name = "Trainings (tests only)"
