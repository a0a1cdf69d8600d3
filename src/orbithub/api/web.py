"""Serve the web app's built assets at ``/``, with index.html for client-side routes.

The assets come from ``orbithub.web.assets_dir()`` when that package is installed and built;
otherwise nothing is mounted and ``/`` answers 404 (the API works without the web app).
``/api/...`` is never shadowed: the files are served only when no route matched.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse
from starlette.types import Receive, Scope, Send

__all__ = ["find_assets", "mount_web"]

_LOGGER = logging.getLogger(__name__)


def find_assets() -> Path | None:
    """The web app's asset directory (with an index.html), or None when it is not there."""
    try:
        web = importlib.import_module("orbithub.web")
    except ImportError:
        return None
    assets_dir = getattr(web, "assets_dir", None)
    if not callable(assets_dir):
        return None
    try:
        path = Path(assets_dir())
    except (OSError, RuntimeError, ValueError):
        _LOGGER.warning("the web app's assets could not be located; serving the API only")
        return None
    return path if (path / "index.html").is_file() else None


def mount_web(app: FastAPI, assets: Path) -> None:
    """Answer GET/HEAD of paths no route matches from ``assets`` (index.html as fallback).

    The files are served from the router's fallback, which runs only when no route matched at
    all: API paths keep their own 404 and 405 answers, and nothing here can shadow a route.
    """
    root = assets.resolve()
    index = root / "index.html"

    async def fallback(scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", "/"))
        method = scope.get("method", "GET")
        if scope["type"] != "http" or path == "/api" or path.startswith("/api/"):
            raise HTTPException(404)
        if method not in ("GET", "HEAD"):
            raise HTTPException(405)
        candidate = (root / path.lstrip("/")).resolve()
        # resolve() folds any ../ away, so a path outside the asset folder is refused here.
        if candidate.is_relative_to(root) and candidate.is_file():
            cache = "public, max-age=31536000, immutable" if "/assets/" in path else "no-cache"
            response = FileResponse(candidate, headers={"Cache-Control": cache})
        else:
            response = FileResponse(index, headers={"Cache-Control": "no-cache"})
        await response(scope, receive, send)

    app.router.default = fallback
