"""A database made before e-mail updates and open data had apps of their own
(pages 0017) keeps its subscribers, pages, grants and waiting mail through the
move (pages 0018, updates 0001, opendata 0001): the tables keep their rows and
the content types change app."""

import json
import os
import subprocess
import sys

from tests.servers import ROOT

BEFORE = """
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.utils import timezone
from wagtail.models import Page
from pages.mail import outbox
from pages.opendata.models import DataPage, DatasetChange
from pages.updates.models import SubscribePage, Subscriber, SubscriberTopic

home = Page.objects.get(depth=2)
for model, slug in ((DataPage, "data"), (SubscribePage, "updates")):
    page = home.add_child(instance=model(title=slug, slug=slug))
    # As the code before the move made it: a content type of the app "pages".
    old, _ = ContentType.objects.get_or_create(app_label="pages", model=model._meta.model_name)
    Page.objects.filter(pk=page.pk).update(content_type=old)
reader = Subscriber.objects.create(email="reader@example.org", language="en", status="confirmed")
SubscriberTopic.objects.create(subscriber=reader, topic="news")
DatasetChange.objects.create(dataset="news", language="en", digest="x", at=timezone.now(), rows=3)
outbox.queue(EmailMessage("Hi", "Body", to=[reader.email]), "test", about_=f"pages.subscriber:{reader.pk}")
"""

AFTER = """
import json
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page
from pages.models import OutgoingMail
from pages.opendata.models import DatasetChange
from pages.updates.models import Subscriber

moderator = User.objects.create(username="moderator")
moderator.groups.add(Group.objects.get(name="Moderators"))
print(json.dumps({
    "pages": sorted(type(page.specific).__name__ for page in Page.objects.filter(depth=3)),
    "topics": [subscriber.topic_keys() for subscriber in Subscriber.objects.all()],
    "changes": DatasetChange.objects.filter(dataset="news", digest="x").count(),
    "may_suppress": moderator.has_perm("updates.suppress_subscriber"),
    "mail_about": list(OutgoingMail.objects.values_list("about", flat=True)),
    "left_in_pages": list(ContentType.objects.filter(
        app_label="pages", model__in=["subscriber", "datapage", "subscribepage", "datasetchange"]
    ).values_list("model", flat=True)),
}))
"""


def test_a_database_from_before_the_move_keeps_its_rows_pages_and_grants(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'before.sqlite3'}"}

    def manage(*args):
        command = [sys.executable, str(ROOT / "manage.py"), *args]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout

    # `migrate pages` also makes the new apps' content types (post_migrate): the harder case.
    manage("migrate", "--noinput", "pages", "0017_periodic_jobs")
    manage("shell", "-c", BEFORE)
    manage("migrate", "--noinput")
    found = json.loads(manage("shell", "-c", AFTER).strip().splitlines()[-1])
    assert found["pages"] == ["DataPage", "SubscribePage"]
    assert found["topics"] == [["news"]] and found["changes"] == 1
    assert found["may_suppress"]  # the Moderators' grant of pages 0014 follows the content type
    assert found["mail_about"] == [f"updates.subscriber:{1}"]  # still deleted with its subscriber
    assert found["left_in_pages"] == []
