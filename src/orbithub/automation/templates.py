"""Templated values: ``{{ trigger.person }} left`` rendered in a sandbox when a step runs.

Any text with ``{{`` or ``{%`` is a template (Jinja syntax, in jinja2's sandbox so a template
cannot reach Python internals). It sees:

* ``trigger``: what fired the run (``trigger.kind``, ``trigger.device``, ``trigger.person``,
  ``trigger.json`` for a webhook's body ...);
* ``state(device, path)``: a device's current value (None when not reported);
* ``now``: the local time of the automation's space (a ``datetime``);
* ``automation``: ``automation.id`` and ``automation.name``.

Templates are compiled when the automation is loaded, so a syntax error or an unknown name is
reported with the automation's file and field, not when it first runs. An undefined attribute
at run time (``trigger.jsno``) fails the step with a message naming it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import datetime

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta, nodes

from orbithub.bounded import BoundedEnvironment, BoundedTemplate, LimitExceeded
from orbithub.errors import OrbitHubError
from orbithub.spec.model import Value

__all__ = [
    "NAMES",
    "TemplateFailed",
    "check_template",
    "is_template",
    "parse",
    "render",
    "variables",
]

NAMES = frozenset({"trigger", "state", "now", "automation"})
"""The names a template may use."""

# Templates produce plain text (notifications, values), never HTML: nothing to escape. They
# run under the same limits as discovery templates (time, loops, sizes, numbers).
_ENV = BoundedEnvironment(
    undefined=StrictUndefined,
    # round(x, 1) as in Python, not jinja's "common" rounding
    filters={"round": round},
)


class TemplateFailed(OrbitHubError):
    """A template could not be rendered (an undefined name, an error in an expression)."""


def _clip(text: str) -> str:
    # A refused template may be long; the message names it, it does not repeat it.
    return text if len(text) <= 200 else text[:200] + "..."


def is_template(text: object) -> bool:
    """Whether a value is a template (a string with ``{{`` or ``{%``)."""
    return isinstance(text, str) and ("{{" in text or "{%" in text)


@functools.lru_cache(maxsize=1024)
def parse(text: str) -> nodes.Template:
    """The syntax tree of a template (cached).

    Raises:
        TemplateSyntaxError: the template does not parse.
    """
    return _ENV.parse(text)


@functools.lru_cache(maxsize=1024)
def _compiled(text: str) -> BoundedTemplate:
    return _ENV.bounded(text)


def check_template(text: str) -> str:
    """Check a template at load time; returns it unchanged.

    Raises:
        ValueError: a syntax error (with its line in the template), or a name the template
            cannot know, with the names it can.
    """
    if not is_template(text):
        return text
    try:
        _compiled(text)  # first: it refuses an oversized source before any parsing
        tree = parse(text)
    except TemplateSyntaxError as exc:
        line = f" on line {exc.lineno} of the template" if text.count("\n") else ""
        raise ValueError(f"template syntax error{line}: {exc.message}") from None
    except LimitExceeded as exc:
        raise ValueError(f"template refused: {exc}") from None
    unknown = sorted(meta.find_undeclared_variables(tree) - NAMES)
    if unknown:
        raise ValueError(
            f"template uses unknown name(s) {', '.join(unknown)}; "
            f"a template may use {', '.join(sorted(NAMES))}"
        )
    return text


def render(text: str, variables: Mapping[str, object]) -> str:
    """Render a template to text (plain text is returned as it is).

    Raises:
        TemplateFailed: rendering failed; the message names the template and why.
    """
    if not is_template(text):
        return text
    try:
        return _compiled(text).render(variables)
    except LimitExceeded as exc:
        raise TemplateFailed(f"template {_clip(text)!r} refused: {exc}") from None
    except TemplateError as exc:
        raise TemplateFailed(f"template {text!r} failed: {exc}") from None
    except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
        raise TemplateFailed(f"template {text!r} failed: {type(exc).__name__}: {exc}") from None


def variables(
    trigger: Mapping[str, object],
    state: Callable[[str, str], Value | None],
    now: datetime,
    automation_id: str,
    automation_name: str,
) -> dict[str, object]:
    """The names a template sees, for one step of one run."""
    return {
        "trigger": dict(trigger),
        "state": state,
        "now": now,
        "automation": {"id": automation_id, "name": automation_name},
    }
