"""Evaluate untrusted input under limits: templates, regular expressions, YAML and JSON bodies.

Templates come in discovery messages and automations; documents come in API bodies and files.
Each is evaluated here with limits on time, iterations, sizes and nesting, so one bad input is
refused with a clear error instead of holding the event loop or the memory of the hub.
"""

from __future__ import annotations

from orbithub.bounded.limits import LimitExceeded, Limits
from orbithub.bounded.sandbox import REGEX_FILTERS, BoundedEnvironment, BoundedTemplate

__all__ = ["REGEX_FILTERS", "BoundedEnvironment", "BoundedTemplate", "LimitExceeded", "Limits"]
