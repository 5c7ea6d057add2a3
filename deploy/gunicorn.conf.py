"""gunicorn's settings in production and in the load benchmark: `gunicorn -c deploy/gunicorn.conf.py coworking.wsgi`.

Threaded workers keep connections alive (a sync worker closes every connection after one answer, so a browser or
Varnish opens a new one per request); Django is thread-safe and opens one database connection per thread.
Each setting can be changed from the environment.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A worker is replaced after this many requests (with jitter, so not all at once): memory cannot creep.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
