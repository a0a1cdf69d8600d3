"""OrbitHub: an open, self-hostable smart-living hub with the phone as control centre."""

from importlib.metadata import PackageNotFoundError, version

from orbithub.errors import OrbitHubError

try:
    __version__ = version("orbithub")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["OrbitHubError", "__version__"]
