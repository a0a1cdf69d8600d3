"""Simulated devices with believable physics: a family's home, office, car and phones.

``SimAdapter`` runs every device whose adapter is ``sim`` on the hub's clock; ``demo_world``
describes the demo home it was built for.
"""

from orbithub.adapters.sim.adapter import SimAdapter
from orbithub.adapters.sim.demo_world import DemoWorld, demo_world

__all__ = ["DemoWorld", "SimAdapter", "demo_world"]
