"""Registration for an event on its own page.

The English and Vietnamese pages of an event are one event: registrations are
counted by the event's translation key, so both count the same places. A
registration is stored before any e-mail is sent; a mail failure is logged and
never loses it. Places are given out under a per-event lock (the first write of
the transaction), so two visitors at the last place get one place and one spot
on the waiting list, on SQLite and PostgreSQL alike.
"""
