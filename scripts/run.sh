#!/usr/bin/env bash
# From nothing to the demo site: installs, migrates, loads the demo, points the site's links at the address
# it serves, creates the demo accounts once (their passwords are kept in .demo-credentials, which git
# ignores) and prints their logins and passwords on every run, serves.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# A server that listens on every interface is reached from this machine through the loopback address.
case "$HOST" in
    0.0.0.0) SITE_HOST=127.0.0.1 ;;
    *) SITE_HOST="$HOST" ;;
esac
SERVED="http://$SITE_HOST:$PORT"
# Links in e-mails, API answers, the sitemap and calendars name this address (set PUBLIC_BASE_URL behind a proxy).
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-$SERVED}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-localhost,127.0.0.1,[::1],$SITE_HOST}"
python manage.py migrate --noinput
python manage.py load_demo
python manage.py set_site_address
python manage.py create_demo_admin
python manage.py create_demo_residents
echo "Сайт: $SERVED/   Администрирование: $SERVED/admin/"
if [ "$PUBLIC_BASE_URL" != "$SERVED" ]; then
    echo "Ссылки сайта ведут на $PUBLIC_BASE_URL"
fi
exec python manage.py runserver "$HOST:$PORT"
