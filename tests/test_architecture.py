"""The flow reads top-down (ingest -> extract -> store -> group -> publish): no import cycle,
storage never reaches up into extraction or grouping, and the database shape is complete
from the first open."""

from __future__ import annotations

import ast
from pathlib import Path

import httpx
import pytest
from conftest import free_port, served

from claims.db import VIEWS, open_db
from claims.serve import load_metadata

PACKAGE = Path(__file__).resolve().parent.parent / "claims"


def _module_name(path: Path) -> str:
    """`claims/extraction/units.py` -> `claims.extraction.units`; a package is its name."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _targets(node: ast.AST) -> list[str]:
    """The project modules one import statement names (submodules where it names them)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in MODULES]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        found = []
        for alias in node.names:
            sub = f"{node.module}.{alias.name}"
            if sub in MODULES:
                found.append(sub)
            elif node.module in MODULES:
                found.append(node.module)
        return found
    return []


def imports(name: str) -> set[str]:
    """Every project module `name` imports, at the top or inside a function (lazily)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    return {t for node in ast.walk(tree) for t in _targets(node)} - {name}


GRAPH = {name: imports(name) for name in MODULES}


def reachable(start: str) -> set[str]:
    """Every module `start` imports, directly or through others."""
    seen, todo = set(), [start]
    while todo:
        for nxt in GRAPH[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_the_graph_is_read_from_real_imports():
    assert "claims.extraction.units" in GRAPH["claims.extraction"] | reachable("claims.extraction")
    assert "claims.db" in GRAPH["claims.ingest"]


def test_no_import_cycle():
    cycles = sorted(name for name in GRAPH if name in reachable(name))
    assert cycles == [], f"modules on an import cycle: {cycles}"


@pytest.mark.parametrize("storage", ["claims.db", "claims.ids", "claims.models"])
def test_storage_imports_neither_extraction_nor_grouping(storage):
    upward = {m for m in reachable(storage)
              if m.startswith("claims.extraction") or m == "claims.compare"}
    assert upward == set()


def test_extraction_imports_only_models_and_itself():
    outside = {m for name in GRAPH if name.startswith("claims.extraction")
               for m in GRAPH[name] if not m.startswith("claims.extraction")}
    assert outside <= {"claims.models", "claims.data"}


def test_a_fresh_database_has_every_view(tmp_path):
    db = open_db(tmp_path / "fresh.db")
    assert set(VIEWS) <= set(db.view_names())
    for name in VIEWS:
        assert db.execute(f'SELECT count(*) FROM "{name}"').fetchone() == (0,)


def test_a_fresh_database_answers_every_canned_query_over_http(tmp_path):
    path = tmp_path / "claims.db"
    open_db(path).close()
    queries = load_metadata()["databases"]["claims"]["queries"]
    port = free_port()
    with served(["serve", "--db", str(path), "--port", str(port)], port) as (url, _):
        for name in queries:
            for suffix in ("", ".json"):
                response = httpx.get(f"{url}/claims/{name}{suffix}", timeout=10)
                assert response.status_code == 200, (name, suffix, response.text[:300])
