"""The HTTP + WebSocket API (FastAPI): accounts and grants, devices, history, the live view.

Build the app with :func:`create_app` and run it with :func:`serve_api`.
"""

from orbithub.access import Principal, Role
from orbithub.api.app import create_app
from orbithub.api.errors import ApiError
from orbithub.api.serve import serve_api
from orbithub.api.services import HubServices, set_services
from orbithub.api.settings import ApiSettings

__all__ = [
    "ApiError",
    "ApiSettings",
    "HubServices",
    "Principal",
    "Role",
    "create_app",
    "serve_api",
    "set_services",
]
