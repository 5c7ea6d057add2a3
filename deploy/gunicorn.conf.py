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
# The site is loaded once, in the master, and each worker is forked from it: a worker replaced (below) starts in
# milliseconds instead of importing Django and Wagtail again (1-2 s of CPU taken from the running workers; at
# 1,500 requests a second, 4 workers were each replaced every 5 s), and the frozen objects (coworking/wsgi.py)
# are shared with the master's pages of memory. Nothing connects to the database or Redis while loading.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in ("1", "true", "yes", "on")
# A worker is replaced after this many requests (with jitter, so not all at once): memory cannot creep.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
