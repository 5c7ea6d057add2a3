#!/usr/bin/env bash
# The test suite. SQLite unless DATABASE_URL says otherwise; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ruff check .
ruff format --check .
python manage.py check
python manage.py makemigrations --check --dry-run
# One worker per core (pytest-xdist); PYTEST_WORKERS=0 runs in one process.
python -m pytest -n "${PYTEST_WORKERS:-auto}" "$@"
