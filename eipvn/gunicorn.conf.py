"""gunicorn settings for production (`make serve`, the systemd unit in eipvn/deploy/).

Command-line flags override these; environment variables tune them per host.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: two per core plus one, unless WEB_CONCURRENCY says otherwise.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# A request that takes longer is stuck: its worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGHUP or SIGTERM, workers finish the requests they hold for this long.
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (staggered) so slow leaks never add up.
max_requests = 1000
max_requests_jitter = 100
# The proxy in front sets X-Forwarded-*; trust it only from these addresses (the
# app's own TRUSTED_PROXY_IPS unless gunicorn is told otherwise).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or os.environ.get("TRUSTED_PROXY_IPS") or "127.0.0.1,::1"
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

accesslog = "-"
errorlog = "-"
# One JSON object a line, written with json.dumps (a quote or a line break in a
# user agent stays inside its field), ``remote`` the visitor as the app sees it
# (eipvn.client_address, TRUSTED_PROXY_IPS), not the proxy; access_log_format is not used.
logger_class = "eipvn.json_logs.GunicornJsonLogger"
