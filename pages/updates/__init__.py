"""E-mail updates: visitors subscribe (double opt-in) to topics in a language,
and hear of each news article, event or publication first published in it,
one message each or in a daily or weekly digest.

- ``topics``: the registry sections put their topics in (the shell imports none).
- ``subscriptions``: subscribe, confirm, change, unsubscribe, suppress.
- ``announcements``: the outbox row written when a page is first published.
- ``sender``: ``manage.py send_updates``; claims each message before sending it.
- ``mail``: the messages themselves; ``links``: their signed addresses.
"""
