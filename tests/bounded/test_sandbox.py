"""Templates render under limits: the bombs a hostile template tries are refused, and fast."""

from __future__ import annotations

import time

import pytest

from orbithub.bounded import REGEX_FILTERS, BoundedEnvironment, LimitExceeded, Limits

ENV = BoundedEnvironment(filters=REGEX_FILTERS)


def _render(source: str, **variables: object) -> str:
    return ENV.bounded(source).render(variables)


def _refused(source: str, **variables: object) -> LimitExceeded:
    started = time.perf_counter()
    with pytest.raises(LimitExceeded) as caught:
        _render(source, **variables)
    # Compile and render together; a few milliseconds of budget plus Jinja's compiler.
    assert time.perf_counter() - started < 0.5
    return caught.value


@pytest.mark.parametrize(
    ("source", "limit"),
    [
        ("{{ 9**(9**9) }}", "number"),
        ("{{ x ** (x ** x) }}", "number"),
        ("{{ 'a' * 1000000000 }}", "text"),
        ("{{ [1, 2] * 1000000000 }}", "text"),
        ("{{ 'a' | center(999999999) }}", "text"),
        ("{{ 'a' | center(width=999999999) }}", "text"),
        ("{{ 'a'.ljust(999999999) }}", "text"),
        ("{{ '{:>999999999}'.format(1) }}", "text"),
        ("{{ '{:>{w}}'.format(1, w=999999999) }}", "text"),
        ("{{ '%0999999999d' % 1 }}", "text"),
        ("{{ '%0999999999d' | format(1) }}", "text"),
        ("{{ ('a' * 60000).replace('', 'bbbbb') }}", "text"),
        ("{{ ('a' * 60000) | replace('', 'bbbbb') }}", "text"),
        (
            "{{ ('a' * 6000) | regex_replace('', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb') }}",
            "text",
        ),
        (
            "{% set ns = namespace(s='ab') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
            "text",
        ),
        ("{% for i in range(100000) %}{% endfor %}", "iterations"),
        (
            "{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}",
            "iterations",
        ),
        ("{% for i in range(9000) %}" + "x" * 100 + "{% endfor %}", "text"),
        ("{{ range(10000) | map('center', 60000) | list | length }}", "work"),
    ],
)
def test_bombs_are_refused_with_the_limit_named(source: str, limit: str) -> None:
    refused = _refused(source, x=9)
    assert refused.limit == limit
    assert any(word in str(refused) for word in ("limit", "supported"))


def test_nested_loops_over_data_stop_within_the_time_budget() -> None:
    env = BoundedEnvironment(Limits(iterations=10**9))
    template = env.bounded("{% for a in v %}{% for b in v %}{{ a }}{% endfor %}{% endfor %}")
    started = time.perf_counter()
    with pytest.raises(LimitExceeded) as caught:
        template.render({"v": list(range(3000))})
    assert caught.value.limit in ("time", "text")
    # The budget is 5 ms of CPU; scheduling on a busy machine may add a little.
    assert time.perf_counter() - started < 0.1


def test_a_template_that_ran_out_of_time_is_refused_at_once_afterwards() -> None:
    env = BoundedEnvironment(Limits(iterations=10**9, text=10**9, work=10**12))
    template = env.bounded("{% for a in v %}{% for b in v %}{% endfor %}{% endfor %}")
    with pytest.raises(LimitExceeded, match="ran longer"):
        template.render({"v": list(range(3000))})
    started = time.perf_counter()
    with pytest.raises(LimitExceeded, match="refused from now on"):
        template.render({"v": [1]})
    assert time.perf_counter() - started < 0.001


def test_huge_numbers_are_refused_when_compiling_not_computed() -> None:
    # Jinja folds constant expressions while compiling: the limit must hold there too.
    started = time.perf_counter()
    with pytest.raises(LimitExceeded, match="bits"):
        ENV.bounded("{{ 9**(9**9) }}")
    with pytest.raises(LimitExceeded, match="bits"):
        ENV.bounded("{{ " + "9" * 400 + " }}")
    assert time.perf_counter() - started < 0.5


def test_a_catastrophic_regular_expression_times_out() -> None:
    started = time.perf_counter()
    with pytest.raises(LimitExceeded, match="regular expression"):
        _render("{{ x | regex_search('(a|aa)+$') }}", x="a" * 40 + "b")
    assert time.perf_counter() - started < 0.5


def test_long_sources_and_patterns_are_refused() -> None:
    with pytest.raises(LimitExceeded, match="characters is over the limit"):
        ENV.bounded("x" * 20_000)
    with pytest.raises(LimitExceeded, match="regular expression of"):
        _render("{{ x | regex_match(p) }}", x="a", p="a" * 2000)


def test_lipsum_is_gone_and_lists_cannot_be_changed() -> None:
    with pytest.raises(Exception, match="lipsum"):
        _render("{{ lipsum(100000) }}")
    with pytest.raises(Exception, match=r"not safely callable|unsafe"):
        _render("{% set l = [1] %}{{ l.append(2) }}")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ 2 ** 10 }} {{ x * 3 }} {{ 'ab' * 2 }}", "1024 27 abab"),
        ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
        ("{% for i in v recursive %}{{ i.n }}{{ loop(i.c) }}{% endfor %}", "12"),
        ("{{ '%05.1f' % 3.14159 }} {{ '{:>4}'.format(7) }}", "003.1    7"),
        ("{{ 'a-b' | replace('-', '+') }} {{ [1, 2] | join(',') }}", "a+b 1,2"),
        ("{{ 'on' ~ 'line' }} {{ 'ab' | center(6) }}", "online   ab  "),
        ("{{ 'abc' | regex_replace('(b)', '[\\\\1]') }}", "a[b]c"),
        # zigbee2mqtt's event templates use ``continue``, as Home Assistant allows
        (
            "{% for i in range(5) %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}",
            "0134",
        ),
    ],
)
def test_normal_templates_render_as_before(source: str, expected: str) -> None:
    assert _render(source, x=9, v=[{"n": 1, "c": [{"n": 2, "c": []}]}]) == expected


def test_parsing_leaves_the_tree_as_written() -> None:
    # Code that reads a template's tree (which names it uses) must not see the checks.
    tree = ENV.parse("{% for i in range(3) %}{{ i ~ 'x' }}{% endfor %}")
    assert "bounded" not in repr(tree)
