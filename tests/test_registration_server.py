"""The last place goes once: visitors registering, then confirming from the
e-mailed links, at the same moment on a real gunicorn with several workers
(SQLite or PostgreSQL, whichever the suite runs on)."""

import json
import re
import subprocess
import threading
from urllib.parse import urlsplit

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


def at_once(count, action):
    """Run ``action(number)`` for each visitor in threads released together; returns the answers."""
    start = threading.Barrier(count)
    answers = [None] * count

    def run(number):
        start.wait(timeout=30)
        answers[number] = action(number)

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    return answers


def confirm_path(message):
    body = message.get_body(preferencelist=("plain",)).get_content()
    return urlsplit(re.search(r"https?://\S+/register/confirm/\S+/", body).group(0)).path


def test_visitors_at_the_last_place_get_one_place_and_the_waiting_list(seeded_site):
    url = manage_output(seeded_site, SETUP)
    with seeded_site.server(workers=3, REGISTRATION_RATE_LIMIT="100") as base:
        visitors = [Browser(base) for _ in range(VISITORS)]
        for visitor in visitors:
            assert visitor.request(url)[0] == 200  # the form, and its CSRF cookie

        def register(number):
            form = {"name": f"Visitor {number}", "email": f"visitor-{number}@example.org", "consent": "on"}
            form["organisation"] = "Test"
            return visitors[number].request(url + "register/", form)

        asked = at_once(VISITORS, register)
        # Every visitor gets the same answer: check your e-mail.
        assert all(answer and answer[0] == 200 and "Please check your e-mail" in answer[1] for answer in asked)
        requests = {str(m["To"]): m for m in seeded_site.mails() if str(m["To"]).startswith("visitor-")}
        assert sorted(requests) == sorted(f"visitor-{number}@example.org" for number in range(VISITORS))

        def confirm(number):
            path = confirm_path(requests[f"visitor-{number}@example.org"])
            visitors[number].request(path)  # the page with the button, and its CSRF cookie
            return visitors[number].request(path, {})

        answers = at_once(VISITORS, confirm)
    assert all(answer and answer[0] == 200 for answer in answers), answers
    confirmed = [body for _status, body in answers if "Your place is confirmed" in body]
    waiting = [body for _status, body in answers if "You are on the waiting list" in body]
    assert (len(confirmed), len(waiting)) == (1, VISITORS - 1)
    assert json.loads(manage_output(seeded_site, COUNT)) == {"confirmed": 1, "waiting": VISITORS - 1}
    # Each registrant was written to, in the page's language.
    mails = [m for m in seeded_site.mails() if str(m["To"]).startswith("visitor-")]
    subjects = [" ".join(str(message["Subject"]).split()) for message in mails]
    assert sum(subject.startswith("Registration confirmed: ") for subject in subjects) == 1
    assert sum(subject.startswith("On the waiting list: ") for subject in subjects) == VISITORS - 1


def test_an_address_gets_at_most_its_daily_cap_of_requested_mails_from_many_clients_at_once(seeded_site):
    url = manage_output(seeded_site, SETUP)
    victim = "cap-victim@example.org"
    with seeded_site.server(workers=3, REGISTRATION_RATE_LIMIT="100") as base:
        visitors = [Browser(base) for _ in range(VISITORS)]
        for visitor in visitors:
            assert visitor.request(url)[0] == 200

        def register(number):
            # Each as a different client behind the proxy (loopback is the trusted proxy in tests).
            form = {"name": "Alice", "email": victim, "consent": "on", "organisation": "Test"}
            return visitors[number].request(url + "register/", form, **{"X-Forwarded-For": f"192.0.2.{number + 1}"})

        answers = at_once(VISITORS, register)
    assert all(answer and "Please check your e-mail" in answer[1] for answer in answers), answers
    limit = int(manage_output(seeded_site, "from pages.mail import outbox; print(outbox.VISITOR_CAP[0])"))
    # At once, a request may count another's entry before its own turn: never more than the cap.
    assert 1 <= len([m for m in seeded_site.mails() if str(m["To"]) == victim]) <= limit < VISITORS
