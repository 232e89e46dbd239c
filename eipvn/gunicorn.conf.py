"""gunicorn settings for production (`make serve`, the systemd unit in eipvn/deploy/).

Command-line flags override these; environment variables tune them per host.
"""

import multiprocessing
import os

from gunicorn.glogging import Logger

from eipvn.client_address import address_from

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
# The proxy in front sets X-Forwarded-*; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108


class AccessLogger(Logger):
    """The access log's ``remote`` is the visitor, as the app sees it
    (eipvn.client_address, TRUSTED_PROXIES), not the proxy in front."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = address_from(environ) or "-"
        return atoms


logger_class = AccessLogger
accesslog = "-"
errorlog = "-"
access_log_format = (
    '{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", "query": "%(q)s", '
    '"status": "%(s)s", "bytes": "%(B)s", "duration_ms": "%(M)s", "agent": "%(a)s"}'
)
