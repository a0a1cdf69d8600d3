"""An accessibility check of the page on screen with axe-core (a dev dependency of web/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[str]:
    """The serious and critical axe-core violations of the page, one line each."""
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed at {AXE}: run 'cd web && npm ci'")
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, object]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({id: v.id, nodes: v.nodes.map((n) => n.target.join(' > '))}))"""
    )
    return [f"{v['id']}: {v['nodes']}" for v in found]
