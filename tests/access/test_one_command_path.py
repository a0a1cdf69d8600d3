"""Every command goes through the guarded entry: no code calls ``hub.set`` / ``hub.call`` itself.

Only the entry (``orbithub.access.guard``) hands commands to the hub; the core defines those
calls and the adapters deliver them. A new route, service or bridge that commanded the hub
directly would skip the rights, the confirmation and the audit log, so this test fails on it.
"""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "orbithub"

_DIRECT = re.compile(r"\b_?hub\.(?:set|call)\(")
_ALLOWED = ("access/guard.py", "core/", "adapters/")


def _stray_calls() -> list[str]:
    found: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(_ALLOWED):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _DIRECT.search(line):
                found.append(f"{rel}:{number}: {line.strip()}")
    return found


def test_only_the_guarded_entry_commands_the_hub() -> None:
    assert _stray_calls() == []


def test_the_scan_finds_a_direct_call() -> None:
    # The scan must catch a violation, or the test above proves nothing.
    probe = SRC / "api" / "_command_probe.py"
    probe.write_text("async def f(hub):\n    await self._hub.set('d', 'p', 1)\n", encoding="utf-8")
    try:
        assert any("_command_probe" in line for line in _stray_calls())
    finally:
        probe.unlink()
