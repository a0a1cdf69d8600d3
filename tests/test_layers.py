"""Imports flow down the package table of the design: never up, never sideways."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "orbithub"

# package -> the packages of ours it may import (besides itself and the root errors module)
ALLOWED: dict[str, set[str]] = {
    "spec": set(),
    "bounded": set(),
    "language": set(),
    "core": {"spec"},
    "adapters": {"core", "spec", "bounded"},
    "automation": {"core", "spec", "mobility", "bounded", "language"},
    "mobility": {"core", "spec"},
    "storage": {"core", "spec"},
    # The access rules read the accounts' types (users, grants) and current grants.
    "access": {"core", "spec", "storage"},
    "assistant": {"core", "spec", "storage", "automation", "access", "language"},
    "api": {
        "core",
        "spec",
        "storage",
        "access",
        "automation",
        "assistant",
        "mobility",
        "adapters",
        "web",
        "bounded",
        "language",
    },
    # The demo world's parts may use everything a hub is made of, but never the API or the CLI.
    "demo": {
        "core",
        "spec",
        "storage",
        "access",
        "automation",
        "assistant",
        "mobility",
        "adapters",
        "bounded",
        "sdk",
        "language",
    },
    # Fleet workers run the hub's parts per home on NATS JetStream. The fleet's gateway signs
    # people in with the API's accounts and answers with its errors, so fleet sits above the
    # API (which never imports fleet).
    "fleet": {
        "api",
        "core",
        "spec",
        "storage",
        "access",
        "automation",
        "assistant",
        "mobility",
        "adapters",
        "bounded",
        "sdk",
    },
    "cli": {"*"},
    "sdk": {"spec", "adapters"},
    "web": set(),
}
ROOT_MODULES = {"errors", "files", "__init__"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {n for n in names if n == "orbithub" or n.startswith("orbithub.")}


def _violations() -> list[str]:
    found: list[str] = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).parts
        if len(rel) == 1:
            continue  # root modules (errors) import nothing of ours
        package = rel[0]
        allowed = ALLOWED.get(package)
        assert allowed is not None, f"package {package} is missing from the layer table"
        for name in _imports(path):
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 else "__init__"
            if target in ROOT_MODULES or target == package or "*" in allowed:
                if (
                    package == "adapters"
                    and target == "adapters"
                    and len(parts) > 2
                    and len(rel) > 1
                    and parts[2] != rel[1]
                ):
                    found.append(f"{'/'.join(rel)} imports {name} (an adapter imports another)")
                continue
            if target not in allowed:
                found.append(f"{'/'.join(rel)} imports {name}")
    return found


def test_no_upward_or_sideways_imports() -> None:
    assert _violations() == []


def test_core_imports_no_adapter_storage_or_http(tmp_path: Path) -> None:
    # The checker itself must catch a violation, or the test above proves nothing.
    bad = SRC / "core" / "_layer_probe.py"
    bad.write_text("from orbithub.storage import db\n", encoding="utf-8")
    try:
        assert any("_layer_probe" in v for v in _violations())
    finally:
        bad.unlink()


def test_serve_never_imports_the_demo() -> None:
    # The modules `orbithub serve` runs import no demo part: no demo accounts, scenes or tariff.
    code = (
        "import sys, orbithub.cli.main, orbithub.cli.demo, orbithub.cli.compose,"
        " orbithub.cli.services;"
        "print(sorted(m for m in sys.modules if m.startswith('orbithub.demo')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.strip() == "[]"
