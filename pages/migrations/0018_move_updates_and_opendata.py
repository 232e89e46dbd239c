"""E-mail updates and open data move to their own apps (pages.updates, label
"updates"; pages.opendata, label "opendata"). Only Django's record of the
models moves: their tables keep their names and rows (each model's db_table),
and the new apps' 0001 migrations take the models over and relabel their
content types, so pages, permissions and log entries keep pointing at them."""

from django.db import migrations

MOVED = ["Delivery", "SubscriberTopic", "Announcement", "Subscriber", "SuppressedAddress", "SubscribePage"]
MOVED += ["DataPage", "DatasetChange"]


class Migration(migrations.Migration):
    dependencies = [("pages", "0017_periodic_jobs")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name) for name in MOVED],
            database_operations=[],
        )
    ]
