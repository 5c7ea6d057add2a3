"""The edge cache (deploy/varnish/default.vcl, issue 16 item 5): a real varnishd in front of a live Django
server. A second anonymous request is Varnish's hit, a publish is visible through it within a second (Wagtail's
frontend cache sends it PURGE), so is an event edited that the landing lists (the page cache's own PURGE of the
pages that read the row), and a signed-in resident's page never comes from it. One varnishd for the module.

Skipped, visibly, where varnishd is not installed; `.ci/run` installs it and sets REQUIRE_VARNISH=1, which
makes a missing varnishd fail instead.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client, override_settings
from wagtail.models import Site

from pages.models import StandardPage
from tests.events.channels import make_event_item
from tests.factories import make_empty_home

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)

if VARNISHD is None and os.environ.get("REQUIRE_VARNISH") == "1":
    raise RuntimeError("REQUIRE_VARNISH=1 but varnishd is not installed (apt-get install varnish)")
pytestmark = [
    pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed (apt-get install varnish)"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


SMALL = ("-s", "malloc,32m", "-p", "default_grace=0", "-p", "http_gzip_support=off")  # as deployed, smaller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def varnish(live_server):
    """varnishd on a free port, in front of the live server, with the project's VCL; its address."""
    backend = urlsplit(live_server.url)
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="varnish-test-"))
    workdir.chmod(0o755)
    vcl = workdir / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000"', f'.port = "{backend.port}"'))
    process = subprocess.Popen(
        [VARNISHD, "-F", "-j", "none", "-n", str(workdir), "-f", str(vcl), "-a", f"127.0.0.1:{port}", *SMALL],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    address = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    with override_settings(
        PAGE_CACHE_SECONDS=300,
        WAGTAILFRONTENDCACHE={
            "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": address}
        },
    ):
        yield address
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


def purge(url: str) -> None:
    """Varnish forgets this address (what an earlier test of the module left there)."""
    urllib.request.urlopen(urllib.request.Request(url, method="PURGE"), timeout=10).close()  # noqa: S310


def within_a_second(url: str, text: str) -> None:
    changed = time.monotonic()
    while text not in get(url)[1]:
        assert time.monotonic() - changed < 1, f"the change did not reach Varnish within a second: {url}"
        time.sleep(0.05)


def get(url: str, cookie: str = ""):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310 (http, local)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (a local test server)
        return response.headers, response.read().decode()


def test_varnish_keeps_anonymous_pages_purges_them_on_publish_and_never_keeps_a_residents(varnish, django_user_model):
    home = make_empty_home()
    # Pages' addresses (and so Wagtail's PURGE requests) name Varnish's host and port.
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=urlsplit(varnish).port)
    page = home.add_child(instance=StandardPage(title="Правила коворкинга", slug="rules"))
    page.save_revision().publish()
    url = f"{varnish}/rules/"

    _, body = get(url)
    assert "Правила коворкинга" in body
    second, again = get(url)
    assert second["X-Cache"] == "hit"
    assert int(second["Age"]) >= 0 and len(second["X-Varnish"].split()) == 2, "two ids: a hit of a stored object"
    assert again == body

    page.title = "Правила коворкинга, новая редакция"
    page.save_revision().publish()
    within_a_second(url, "новая редакция")

    resident = django_user_model.objects.create_user("resident", "resident@example.org", "password")
    client = Client()
    client.force_login(resident)
    session = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    for _ in range(2):
        headers, _ = get(url, cookie=session)
        assert headers["X-Cache"] == "miss"
        assert len(headers["X-Varnish"].split()) == 1, "a resident's request is passed to Django"
        assert "private" in headers["Cache-Control"]
    anonymous, _ = get(url)
    assert anonymous["X-Cache"] == "hit"


def test_an_event_edited_is_purged_from_the_landing_in_varnish_by_the_page_cache(varnish):
    """Not a page: Wagtail's frontend cache knows nothing of it; the page cache sends Varnish the PURGE of the
    pages that read the event's row (coworking/page_cache.py)."""
    home = make_empty_home()
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=urlsplit(varnish).port)
    event = make_event_item(home, "everyone")  # the landing's "upcoming events" block lists it
    url = f"{varnish}/"
    purge(url)

    assert event.title in get(url)[1]
    assert get(url)[0]["X-Cache"] == "hit"
    event.title = "Сессия перенесена в актовый зал"
    event.save()
    within_a_second(url, "Сессия перенесена в актовый зал")
    assert get(url)[0]["X-Cache"] == "hit", "stored again once made afresh"
