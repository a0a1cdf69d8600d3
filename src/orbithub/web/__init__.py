"""OrbitHub's installable web app: where its built files are, for the API to serve at ``/``.

The sources live in ``web/`` at the repository root (Vite + Lit); ``npm run build`` there writes
the built app into ``static/`` beside this module, and those files are committed, so installing
OrbitHub needs no Node.js.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["assets_dir"]

_STATIC = Path(__file__).resolve().parent / "static"


def assets_dir() -> Path:
    """The folder holding the built web app (``index.html``, ``sw.js``, ``assets/``...).

    Returns:
        The packaged folder; it has an ``index.html`` in every release.
    """
    return _STATIC
