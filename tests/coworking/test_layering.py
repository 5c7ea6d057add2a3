"""How the project's modules depend on each other.

Inside an app, imports run one way (pages -> views -> selectors and services -> models): a circle works
only in the order Django happens to load the modules, and breaks the day someone imports them in another.
Page models leave rendering, messages and redirects to the app's views, which their routes call.
The modules are read as text (their `import` statements), nothing is run.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = Path(__file__).resolve().parents[2]
APPS = ["coworking", *(app for app in settings.INSTALLED_APPS if (PROJECT / app / "apps.py").is_file())]
VIEW_MODULES = {"django.shortcuts", "django.template.response", "django.contrib.messages"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules(app: str) -> dict[str, Path]:
    return {module_name(path): path for path in (PROJECT / app).rglob("*.py") if "migrations" not in path.parts}


def imported_names(path: Path) -> set[str]:
    """Every module or name an `import` in this file reaches, at any depth of the file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def import_graph(app: str) -> dict[str, set[str]]:
    modules = app_modules(app)
    return {
        name: {other for other in imported_names(path) if other in modules} - {name} for name, path in modules.items()
    }


def find_circle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports, as the list of modules along it, or an empty list."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = "open"
        trail.append(module)
        for other in sorted(graph[module]):
            if state.get(other) == "open":
                return [*trail[trail.index(other) :], other]
            if other not in state and (circle := visit(other)):
                return circle
        state[module] = "done"
        trail.pop()
        return []

    for module in sorted(graph):
        if module not in state and (circle := visit(module)):
            return circle
    return []


def test_a_circle_of_imports_is_found():
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": set()}) == []


@pytest.mark.parametrize("app", APPS)
def test_the_modules_of_an_app_import_each_other_one_way(app):
    assert find_circle(import_graph(app)) == []


@pytest.mark.parametrize("app", APPS)
def test_page_models_leave_rendering_to_the_apps_views(app):
    models = {name: path for name, path in app_modules(app).items() if name.split(".")[1:2] == ["models"]}
    rendering = {name: sorted(imported_names(path) & VIEW_MODULES) for name, path in models.items()}
    assert {name: found for name, found in rendering.items() if found} == {}
