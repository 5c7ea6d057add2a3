"""Load benchmark: the site served as in production (gunicorn, the production settings, PostgreSQL), loaded
with Debian's `wrk`, case after case, with the cache off and on.

    python bench/load_bench.py                       # every case, 15 s each at 1 and 8 connections
    python bench/load_bench.py --duration 5 --cases landing,bank

It needs a PostgreSQL database with the demo (`--database-url`, made with `manage.py migrate` and
`manage.py load_demo`), `wrk` (`apt-get install wrk`) and, for the cache on, Redis (`--redis-url`).
With the cache on, the pages are also loaded through Varnish (deploy/varnish/default.vcl) in front of the same
gunicorn, and the landing's HTML is served by nginx as a static file beside it (`apt-get install varnish
nginx-light`; either is left out, and said so, where it is not installed).
For each case it gives requests per second, the median and 95th percentile of the latency, the SQL queries
one request takes (counted in this process, through Django's test client with the same settings) and the
largest resident memory of a gunicorn worker. It prints the table and writes `docs/performance.md` with the
machine and the date. "Cache off" is Django's dummy cache; "cache on" is Redis shared by the workers, with
whole pages cached for anonymous visitors (coworking/page_cache.py).
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tqdm import tqdm

PROJECT = Path(__file__).resolve().parent.parent
VCL = PROJECT / "deploy" / "varnish" / "default.vcl"
# As deploy/varnish/default.vcl says to run it: Django's gzipped and plain copies kept as they come.
VARNISHD_PARAMS = ["-s", "malloc,256m", "-p", "http_gzip_support=off"]
PAGES = ("landing", "standard page", "bank", "bank search", "solution", "events", "exhibition")
NGINX_CONF = """
worker_processes 2;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {folder}/nginx-body;
    proxy_temp_path {folder}/nginx-proxy;
    fastcgi_temp_path {folder}/nginx-fastcgi;
    uwsgi_temp_path {folder}/nginx-uwsgi;
    scgi_temp_path {folder}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/static-site;
        location / {{ try_files /index.html =404; }}
    }}
}}
"""
CASES = {
    "landing": "/",
    "standard page": "/regulations/",
    "bank": "/bank/",
    "bank search": "/bank/?q=экономика",
    "solution": "/bank/solution-1/",
    "events": "/events/",
    "exhibition": "/exhibitions/economy-around-us/",
    "API v2 pages": "/api/v2/pages/",
    "API v2 pages fields=*": "/api/v2/pages/?fields=*",
    "API v3 bank search": "/api/v3/bank/search/?q=проект",
}
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass
class Result:
    case: str
    cache: str
    connections: int
    rps: float
    p50_ms: float
    p95_ms: float
    errors: int
    queries: int
    worker_mb: float


def environment(args, *, cache_on: bool) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_cache_off" if not cache_on else "coworking.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{args.port}",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "MEDIA_ROOT": args.media_root,
        "PYTHONPATH": str(PROJECT),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    if cache_on:
        env.update(REDIS_URL=args.redis_url, CACHE_KEY_PREFIX=f"bench-{secrets.token_hex(4)}")
    return env


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def start_gunicorn(args, env: dict) -> subprocess.Popen:
    if port_taken(args.port):  # another server there would be measured instead
        raise SystemExit(f"port {args.port} is taken: choose another with --port")
    command = [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "coworking.wsgi"]
    workers = ["--workers", str(args.workers)] if args.workers else []  # else deploy/gunicorn.conf.py's
    server = subprocess.Popen(  # noqa: S603 (our own command line)
        [*command, *workers, "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning"],
        cwd=PROJECT,
        env=env,
        start_new_session=True,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=5)
            return server
        except OSError:
            time.sleep(0.5)
    stop(server)
    raise SystemExit("gunicorn did not answer within a minute")


def wait_for(port: int, process: subprocess.Popen, what: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
            return
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"{what} stopped at start") from None
            time.sleep(0.2)
    stop(process)
    raise SystemExit(f"{what} did not answer")


def varnish_params(args) -> list[str]:
    return [word for param in args.varnish_param for word in ("-p", param)]


def gunicorn_label(args) -> str:
    workers = args.workers or int(os.environ.get("GUNICORN_WORKERS", (os.cpu_count() or 1) * 2))
    threads = int(os.environ.get("GUNICORN_THREADS", "4"))
    return f"gunicorn {workers} workers of {threads} threads, preloaded (deploy/gunicorn.conf.py)"


def start_varnish(args, folder: Path) -> subprocess.Popen:
    """varnishd with the project's VCL in front of the benchmark's gunicorn."""
    if port_taken(args.varnish_port):
        raise SystemExit(f"port {args.varnish_port} is taken: choose another with --varnish-port")
    work = folder / "varnish"
    work.mkdir(mode=0o755)
    vcl = work / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{args.port}"'))
    command = [shutil.which("varnishd") or "/usr/sbin/varnishd", "-F", "-j", "none", "-n", str(work), "-f", str(vcl)]
    server = subprocess.Popen(  # noqa: S603 (our own command line)
        [*command, "-a", f"127.0.0.1:{args.varnish_port}", *VARNISHD_PARAMS, *varnish_params(args)],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for(args.varnish_port, server, "varnishd")
    return server


def start_nginx(args, folder: Path, html: bytes) -> subprocess.Popen:
    """nginx serving the landing's HTML as a static file: what a static page costs on this machine."""
    if port_taken(args.nginx_port):
        raise SystemExit(f"port {args.nginx_port} is taken: choose another with --nginx-port")
    site = folder / "static-site"
    site.mkdir(mode=0o755)
    (site / "index.html").write_bytes(html)
    folder.chmod(0o755)
    config = folder / "nginx.conf"
    config.write_text(NGINX_CONF.format(folder=folder, port=args.nginx_port))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    server = subprocess.Popen([nginx, "-c", str(config), "-e", str(folder / "nginx-error.log")], start_new_session=True)  # noqa: S603
    wait_for(args.nginx_port, server, "nginx")
    return server


def installed(name: str) -> bool:
    return bool(shutil.which(name) or Path(f"/usr/sbin/{name}").exists())


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def worker_memory_mb(server: subprocess.Popen) -> float:
    """The largest resident set of the master's worker processes, in MB."""
    largest = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{server.pid}$", text, re.MULTILINE):
            found = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
            largest = max(largest, int(found.group(1)) if found else 0)
    return largest / 1024


def run_wrk(url: str, connections: int, duration: int, script: Path) -> tuple[float, float, float, int]:
    threads = min(connections, 2)
    wrk = shutil.which("wrk")
    output = subprocess.run(  # noqa: S603 (our own command line)
        [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"BENCH (\d+) (\d+) (\d+) (\d+) (\d+)", output)
    requests, micros, p50, p95, errors = (int(value) for value in found.groups())
    return requests / (micros / 1e6), p50 / 1000, p95 / 1000, errors


def queries_per_request(env: dict) -> dict[str, int]:
    """SQL queries of one request per case (the second one: the first makes renditions and fills caches),
    counted in a child process with the server's settings."""
    code = (
        "import json, django; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"cases = {CASES!r}\n"
        "client, counts = Client(HTTP_HOST='127.0.0.1'), {}\n"
        "for name, url in cases.items():\n"
        "    client.get(url)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(url)\n"
        "    counts[name] = len(queries)\n"
        "print(json.dumps(counts))\n"
    )
    output = subprocess.run(  # noqa: S603 (our own command line)
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def collect_static(env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=PROJECT, env=env, check=True
    )


def run(args) -> list[Result]:
    cases = {name: url for name, url in CASES.items() if not args.cases or name in args.cases}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "report.lua"
        script.write_text(WRK_SCRIPT)
        modes = [(label, cache_on) for label, cache_on in (("off", False), ("on", True)) if label in args.modes]
        total = len(modes) * len(cases) * len(args.connections)  # the edge cases come on top
        with tqdm(total=total, desc="load", unit="case") as progress:
            collect_static(environment(args, cache_on=False))
            for label, cache_on in modes:
                env = environment(args, cache_on=cache_on)
                queries = queries_per_request(env)
                server = start_gunicorn(args, env)
                try:
                    for name, path in cases.items():
                        url = f"http://127.0.0.1:{args.port}{urllib.parse.quote(path, safe='/?=&*')}"
                        for _ in range(3):
                            urllib.request.urlopen(url, timeout=30).read()
                        for connections in args.connections:
                            rps, p50, p95, errors = run_wrk(url, connections, args.duration, script)
                            memory = worker_memory_mb(server)
                            results.append(
                                Result(name, label, connections, rps, p50, p95, errors, queries[name], memory)
                            )
                            progress.set_postfix_str(f"{name} {label} c={connections}: {rps:.0f} rps")
                            progress.update()
                    if cache_on:
                        results += edge_cases(args, cases, Path(folder), script, progress)
                finally:
                    stop(server)
    return results


def edge_cases(args, cases: dict, folder: Path, script: Path, progress) -> list[Result]:
    """The pages through Varnish in front of the running gunicorn, and the landing's HTML from nginx."""
    results = []
    pages = {name: path for name, path in cases.items() if name in PAGES}
    if installed("varnishd") and pages:
        varnish = start_varnish(args, folder)
        try:
            for name, path in pages.items():
                url = f"http://127.0.0.1:{args.varnish_port}{urllib.parse.quote(path, safe='/?=&*')}"
                urllib.request.urlopen(url, timeout=30).read()
                for connections in args.connections:
                    rps, p50, p95, errors = run_wrk(url, connections, args.duration, script)
                    results.append(Result(name, "Varnish", connections, rps, p50, p95, errors, 0, 0))
                    progress.set_postfix_str(f"{name} Varnish c={connections}: {rps:.0f} rps")
        finally:
            stop(varnish)
    else:
        print("varnishd is not installed: no Varnish cases (apt-get install varnish)")
    if installed("nginx") and "landing" in cases:
        html = urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=30).read()
        nginx = start_nginx(args, folder, html)
        try:
            for connections in args.connections:
                url = f"http://127.0.0.1:{args.nginx_port}/"
                rps, p50, p95, errors = run_wrk(url, connections, args.duration, script)
                results.append(Result("landing", "nginx static file", connections, rps, p50, p95, errors, 0, 0))
        finally:
            stop(nginx)
    else:
        print("nginx is not installed: no static figure (apt-get install nginx-light)")
    return results


def table(results: list[Result]) -> str:
    lines = [
        "| case | cache | connections | requests/s | p50 ms | p95 ms | errors | SQL queries | worker MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        # Varnish's and nginx's rows: no query or worker of Django's is involved on a hit.
        queries, memory = (f"{r.queries}", f"{r.worker_mb:.0f}") if r.worker_mb else ("–", "–")
        lines.append(
            f"| {r.case} | {r.cache} | {r.connections} | {r.rps:,.0f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | "
            f"{r.errors} | {queries} | {memory} |"
        )
    return "\n".join(lines)


def machine() -> str:
    lines = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in lines if "model name" in line), platform.processor())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({cpu}), {memory:,} MB RAM, {system}; load average {load}"


def write_report(results: list[Result], args, started: datetime, path: Path) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    marker_start, marker_end = "<!-- load_bench:start -->", "<!-- load_bench:end -->"
    block = (
        f"{marker_start}\n"
        f"Run of {started:%Y-%m-%d %H:%M} UTC on {machine()}. "
        f"{gunicorn_label(args)}; varnishd {' '.join([*VARNISHD_PARAMS, *varnish_params(args)])}; "
        f"{args.duration} s per case, `wrk` at {' and '.join(map(str, args.connections))} connections, "
        f"PostgreSQL, the demo site.\n\n{table(results)}\n{marker_end}"
    )
    if marker_start in text:
        text = re.sub(rf"{marker_start}.*?{marker_end}", lambda _: block, text, flags=re.DOTALL)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/coworking_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--media-root", default=str(PROJECT / "media"))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--varnish-port", type=int, default=8766)
    parser.add_argument("--nginx-port", type=int, default=8767)
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: deploy/gunicorn.conf.py's)")
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=lambda text: [int(n) for n in text.split(",")], default=[1, 8])
    parser.add_argument("--cases", type=lambda text: [name.strip() for name in text.split(",")], default=[])
    parser.add_argument(
        "--modes", type=lambda text: [m.strip() for m in text.split(",")], default=["off", "on"], help="off,on"
    )
    parser.add_argument("--varnish-param", action="append", default=[], help="a varnishd -p NAME=VALUE (repeatable)")
    parser.add_argument("--output", type=Path, default=PROJECT / "docs" / "performance.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    started = datetime.now(UTC)
    results = run(args)
    print(table(results))
    write_report(results, args, started, args.output)
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
