from django.core.management.base import BaseCommand

from pages.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the accent-folded search entries of every live page (publishing keeps them current)."

    def handle(self, *args, **options):
        rebuild()
        self.stdout.write(self.style.SUCCESS("Search entries rebuilt."))
