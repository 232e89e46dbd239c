"""Keeping the site running: backups and restores, scheduled publishing,
image renditions, personal data past its time, rate limits, the schema
snapshot for fresh SQLite databases and the bulk loading of the demo."""
