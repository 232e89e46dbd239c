"""The API's rate limit, read by the API (pages.opendata.api) and stated on the Data page."""

RATE_LIMIT = 120  # requests per visitor's address …
RATE_WINDOW = 60  # … in this many seconds
