import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or reset the local 'admin' account with a fresh password (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Where the admin will be served.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_admin only runs with DEBUG on (development settings).")
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"\nDevelopment admin (this machine only): {options['url']}\n"
                f"  username: admin\n  password: {password}\n"
            )
        )
