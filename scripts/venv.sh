# Sourced by the other scripts: makes .venv with Python 3.11 and installs requirements.txt when it changed.
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
    echo "Создаю виртуальное окружение .venv ($("$PYTHON" --version))"
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
if ! sha256sum --status -c "$stamp" 2>/dev/null; then
    echo "Устанавливаю зависимости из requirements.txt"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r requirements.txt
    sha256sum requirements.txt > "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
