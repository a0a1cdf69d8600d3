"""What the template limits cost a normal render: CPU µs per render, unbounded vs bounded.

The same everyday templates (a discovery value template, a command template, an automation's
notification with a loop) are compiled once and rendered many times by Jinja's plain sandbox
(how OrbitHub rendered them before) and by OrbitHub's bounded environment. It also prints how
long a bomb takes to be refused, and the compile time of a template.

    python bench/bench_templates.py [--renders 20000]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from orbithub.bounded import BoundedEnvironment, LimitExceeded

_TEMPLATES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "discovery value",
        "{{ (value_json.temperature | float) | round(1) }}",
        {"value_json": {"temperature": "21.456"}},
    ),
    (
        "command",
        '{"state": "{{ value }}", "brightness": {{ (value * 2.55) | int }}}',
        {"value": 40},
    ),
    (
        "notification",
        "{{ who ~ ' left' }}: {% for d in doors %}{{ d.name }} {{ d.state }}; {% endfor %}",
        {
            "who": "Mei",
            "doors": [{"name": f"door {i}", "state": "closed"} for i in range(5)],
        },
    ),
]


def _per_render(render: Any, variables: dict[str, Any], count: int) -> float:
    for _ in range(200):
        render(variables)
    # CPU time of this process: on a busy machine, wall time mostly measures the neighbours.
    started = time.process_time()
    for _ in range(count):
        render(variables)
    return (time.process_time() - started) / count * 1e6


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--renders", type=int, default=20_000)
    args = parser.parse_args()
    plain = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    bounded = BoundedEnvironment(undefined=StrictUndefined)
    print(f"{'CPU per render':<18} {'unbounded µs':>13} {'bounded µs':>11} {'extra µs':>9}")
    for name, source, variables in _TEMPLATES:
        before = _per_render(plain.from_string(source).render, variables, args.renders)
        after = _per_render(bounded.bounded(source).render, variables, args.renders)
        print(f"{name:<18} {before:>13.2f} {after:>11.2f} {after - before:>9.2f}")
    for name, source in (
        ("compile (bounded)", _TEMPLATES[2][1]),
        ("compile 9**(9**9)", "{{ 9**(9**9) }}"),
    ):
        started = time.perf_counter()
        try:
            bounded.bounded(source)
        except LimitExceeded:
            name += " refused"
        print(f"{name:<30} {(time.perf_counter() - started) * 1000:8.2f} ms")
    bomb = bounded.bounded("{% for a in v %}{% for b in v %}{{ a }}{% endfor %}{% endfor %}")
    started = time.perf_counter()
    try:
        bomb.render({"v": list(range(100_000))})
    except LimitExceeded as exc:
        print(
            f"{'nested-loop bomb refused':<30} {(time.perf_counter() - started) * 1000:8.2f} ms"
            f" ({exc.limit})"
        )


if __name__ == "__main__":
    main()
