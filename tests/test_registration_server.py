"""The last place goes once: visitors registering at the same moment on a real
gunicorn with several workers (SQLite or PostgreSQL, whichever the suite runs on)."""

import json
import subprocess
import threading

from tests.servers import Browser

SLUG = "training-eip-criteria-upcoming"
SETUP = f"""
from events.models import EventPage, Registration
english = EventPage.objects.get(locale__language_code="en", slug="{SLUG}")
Registration.objects.filter(event_key=english.translation_key).delete()
EventPage.objects.filter(translation_key=english.translation_key).update(capacity=1, waiting_list=True)
print(english.url)
"""
COUNT = f"""
import json
from events.models import EventPage, Registration
english = EventPage.objects.get(locale__language_code="en", slug="{SLUG}")
rows = Registration.objects.filter(event_key=english.translation_key)
print(json.dumps({{status: rows.filter(status=status).count() for status in ("confirmed", "waiting")}}))
"""
VISITORS = 6


def manage_output(site, code):
    return site.manage("shell", "-c", code, stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()[-1]


def test_visitors_at_the_last_place_get_one_place_and_the_waiting_list(seeded_site):
    url = manage_output(seeded_site, SETUP)
    with seeded_site.server(workers=3, REGISTRATION_RATE_LIMIT="100") as base:
        visitors = [Browser(base) for _ in range(VISITORS)]
        for visitor in visitors:
            assert visitor.request(url)[0] == 200  # the form, and its CSRF cookie
        start = threading.Barrier(VISITORS)
        answers = [None] * VISITORS

        def register(number):
            form = {"name": f"Visitor {number}", "email": f"visitor-{number}@example.org", "consent": "on"}
            form["organisation"] = "Test"
            start.wait(timeout=30)
            answers[number] = visitors[number].request(url + "register/", form)

        threads = [threading.Thread(target=register, args=(number,)) for number in range(VISITORS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=90)
    assert all(answer and answer[0] == 200 for answer in answers), answers
    confirmed = [body for _status, body in answers if "Your place is confirmed" in body]
    waiting = [body for _status, body in answers if "You are on the waiting list" in body]
    assert (len(confirmed), len(waiting)) == (1, VISITORS - 1)
    assert json.loads(manage_output(seeded_site, COUNT)) == {"confirmed": 1, "waiting": VISITORS - 1}
    # Each registrant was written to, in the page's language.
    subjects = [" ".join(str(message["Subject"]).split()) for message in seeded_site.mails()]
    assert sum(subject.startswith("Registration confirmed: ") for subject in subjects) >= 1
    assert sum(subject.startswith("On the waiting list: ") for subject in subjects) >= VISITORS - 1
