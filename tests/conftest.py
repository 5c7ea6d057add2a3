import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from demo.loader import load_demo
from pages.models import HomePage


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as a new process does; the database is rolled back between tests,
    and cached reads must not outlive it."""
    cache.clear()


@pytest.fixture
def demo_site(db, django_capture_on_commit_callbacks) -> Site:
    """The whole demo site, as `manage.py load_demo` builds it (wagtail-localize publishes on commit)."""
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(report=lambda line: None)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(demo_site) -> HomePage:
    return demo_site.root_page.specific


@pytest.fixture
def russian(db) -> Locale:
    return Locale.objects.get_or_create(language_code="ru")[0]


@pytest.fixture
def empty_home(db, russian) -> HomePage:
    """A bare HomePage as the default site's root, for tests that build their own content."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Коворкинг", slug="home", locale=russian))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client
