"""The demo world's own parts: its family's accounts and habits, its tariff, scenes and Wi-Fi.

``orbithub demo`` builds its home from these; ``orbithub serve`` never imports them, so a real
home gets no demo accounts, no demo scenes and no charging on a tariff nobody set. The
simulated devices themselves are an adapter (:mod:`orbithub.adapters.sim`), usable by any hub.
"""

from orbithub.demo.accounts import DemoLogin, seed_demo_accounts
from orbithub.demo.parts import DemoParts, demo_parts
from orbithub.demo.places import DEMO_WIFI
from orbithub.demo.scenes import documents as scene_documents
from orbithub.demo.tariff import beijing_tariff

__all__ = [
    "DEMO_WIFI",
    "DemoLogin",
    "DemoParts",
    "beijing_tariff",
    "demo_parts",
    "scene_documents",
    "seed_demo_accounts",
]
