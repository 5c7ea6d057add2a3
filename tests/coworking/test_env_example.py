"""`.env.example` lists every environment variable the code reads, and nothing the code no longer reads.

The code is read as text: Python's environment look-ups and the settings' helpers, and the shell scripts'
`${NAME:-default}` expansions.
"""

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", ".git", "migrations", "node_modules", "media", "staticfiles"}
PYTHON_READS = re.compile(
    r"""(?:environ\.get\(|environ\[|getenv\(|env_(?:bool|int|list)\(|require_(?:env|base_url)\()\s*["']([A-Z][A-Z0-9_]*)["']"""
)
SHELL_READS = re.compile(r"\$\{([A-Z][A-Z0-9_]*):?-")
EXAMPLE_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)
# Read by Django itself (manage.py and wsgi.py only give it a default).
READ_BY_DJANGO = {"DJANGO_SETTINGS_MODULE"}
# Keys of a request's WSGI environ (PEP 3333), read the same way as the process's environment.
WSGI_KEYS = {"REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "HTTP_HOST", "HTTP_COOKIE", "SERVER_NAME", "SERVER_PORT"}


def source_files() -> list[Path]:
    files = [*PROJECT.rglob("*.py"), *PROJECT.rglob("*.sh"), PROJECT / ".ci" / "run"]
    return [path for path in files if path.is_file() and not SKIPPED & set(path.relative_to(PROJECT).parts)]


def variables_read() -> dict[str, set[str]]:
    """Each variable the code reads, with the files that read it."""
    found: dict[str, set[str]] = {}
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        pattern = PYTHON_READS if path.suffix == ".py" else SHELL_READS
        for name in pattern.findall(text):
            found.setdefault(name, set()).add(str(path.relative_to(PROJECT)))
    return found


def variables_listed() -> set[str]:
    return set(EXAMPLE_LINE.findall((PROJECT / ".env.example").read_text(encoding="utf-8")))


def test_the_scan_finds_the_settings_and_the_scripts_variables():
    read = variables_read()
    assert {"SECRET_KEY", "DATABASE_URL", "ELASTICSEARCH_TIMEOUT", "IMAGE_MAX_SIDE", "PORT"} <= set(read)
    assert "coworking/settings/base.py" in read["DATABASE_URL"]
    assert "scripts/run.sh" in read["PORT"]


def test_every_variable_the_code_reads_is_listed_in_env_example():
    missing = {
        name: sorted(files) for name, files in variables_read().items() if name not in variables_listed() | WSGI_KEYS
    }
    assert missing == {}


def test_env_example_lists_no_variable_the_code_does_not_read():
    assert variables_listed() - set(variables_read()) - READ_BY_DJANGO == set()
