"""Mail the site sends: every message goes through the outbox (``outbox``), so
no visitor's request waits for the mail server, and a failure is retried."""
