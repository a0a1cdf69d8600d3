"""The assistant package's public names."""

from __future__ import annotations

import orbithub.assistant


def test_public_names() -> None:
    assert orbithub.assistant.__all__ == [
        "MAX_TEXT",
        "ActionTaken",
        "Assistant",
        "Choice",
        "Intent",
        "Interpretation",
        "Language",
        "Permissions",
        "Reply",
        "SceneRef",
        "Speaker",
    ]
