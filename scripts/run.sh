#!/usr/bin/env bash
# From nothing to the demo site: installs, migrates, loads the demo, prints the admin login, serves.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
python manage.py migrate --noinput
python manage.py load_demo
python manage.py create_demo_admin
python manage.py create_demo_residents
echo "Сайт: http://127.0.0.1:8000/   Администрирование: http://127.0.0.1:8000/admin/"
exec python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
