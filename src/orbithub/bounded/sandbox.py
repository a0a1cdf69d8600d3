"""One Jinja environment for every untrusted template: sandboxed, and bounded in time and size.

Jinja's sandbox stops a template from reaching Python's internals, but not from running for
minutes (two nested loops), from computing ``9**(9**9)`` (Jinja even folds that constant while
compiling) or from building gigabytes of text. :class:`BoundedEnvironment` adds the limits of a
:class:`~orbithub.bounded.limits.Limits`:

* the template's tree is rewritten before code generation so every ``for`` loop counts its
  iterations and every ``~`` checks the size it makes;
* the growing operators (``+ * ** %``) are intercepted, which also stops Jinja from folding
  them at compile time, and checked before they run;
* every call, filter and test is counted, checked (padding widths, replacement sizes) and its
  result measured; every write to the output is counted through ``finalize``;
* the clock is read every few steps, and a render past its time is stopped.

A template that broke its time or iteration limit once is refused at once afterwards: its
author's data will not get smaller, and a flood of messages must not cost the limit each time.
"""

from __future__ import annotations

import functools
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from orbithub.bounded import patterns
from orbithub.bounded.limits import Budget, LimitExceeded, Limits, current_budget, enter, leave

__all__ = ["BoundedEnvironment", "BoundedTemplate"]

_SEQUENCES = (str, list, tuple)
_PASSED = (Context, jinja2.Environment, EvalContext)  # what Jinja passes a filter first
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_PERCENT_FIELD = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")
_ITERATE = "bounded_iterate"  # the filter every loop's items go through
_TEXT = "bounded_text"  # the filter every ``~`` goes through
_REFUSED_KEPT = 1024  # sources remembered as refused (they come from the network: bounded)

REGEX_FILTERS: Mapping[str, Callable[..., Any]] = {
    "regex_match": patterns.regex_match,
    "regex_search": patterns.regex_search,
    "regex_replace": patterns.regex_replace,
    "regex_findall": patterns.regex_findall,
}
"""Time-limited regular-expression filters, for environments that offer them."""


class BoundedTemplate:
    """A compiled template with the environment that renders it under its limits.

    Attributes:
        source: the template's source.
    """

    __slots__ = ("_environment", "_template", "source")

    def __init__(self, environment: BoundedEnvironment, template: jinja2.Template, source: str):
        self._environment = environment
        self._template = template
        self.source = source

    def render(self, variables: Mapping[str, Any]) -> str:
        """Render with ``variables``.

        Raises:
            LimitExceeded: the render broke a limit (or this template did before).
            jinja2.TemplateError: and anything the template itself raises, unchanged.
        """
        return self._environment.render(self, variables)


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """A sandboxed environment (lists and dicts cannot be changed) that enforces ``limits``.

    Args:
        limits: the limits of every render and compile.
        filters: filters to add to (or replace) Jinja's built-in ones; each is wrapped so its
            arguments and result are checked.
        tests: tests to add, wrapped likewise.
        globals: names every template sees (``range`` is always the bounded one).
        options: more :class:`jinja2.Environment` options (``undefined``, ``finalize`` is
            taken).
    """

    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        filters: Mapping[str, Callable[..., Any]] | None = None,
        tests: Mapping[str, Callable[..., Any]] | None = None,
        globals: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> None:
        # ``break``/``continue`` as Home Assistant allows them (zigbee2mqtt's event templates
        # use ``continue``).
        options.setdefault("extensions", ["jinja2.ext.loopcontrols"])
        # Jinja's optimizer folds constant expressions while compiling, running filters on
        # template-chosen arguments before any limit applies: off.
        super().__init__(autoescape=False, optimized=False, finalize=_written, **options)
        self.limits = limits or Limits()
        self.filters.update(filters or {})
        self.tests.update(tests or {})
        self.filters = {name: _guarded(name, f) for name, f in self.filters.items()}
        self.tests = {name: _guarded(name, f) for name, f in dict[str, Any](self.tests).items()}
        self.globals.pop("lipsum", None)  # makes arbitrary amounts of text on request
        self.globals.update(globals or {})
        self.globals["range"] = self._range
        self.filters[_ITERATE] = self.bounded_iterate
        self.filters[_TEXT] = self.bounded_text
        self._refused: OrderedDict[str, str] = OrderedDict()

    # -- compiling ------------------------------------------------------------------------------
    def bounded(self, source: str) -> BoundedTemplate:
        """Compile ``source`` under the limits.

        Raises:
            LimitExceeded: the source is too long, or holds a number or text over the limits.
            jinja2.TemplateSyntaxError: the source is not a valid template.
        """
        if len(source) > self.limits.source:
            raise LimitExceeded(
                "source",
                f"a template of {len(source)} characters is over the limit of "
                f"{self.limits.source}; shorten it",
            )
        token = enter(Budget(self.limits))
        try:
            template = self.from_string(source)
        except RecursionError:
            raise LimitExceeded("source", "the template nests too deeply; flatten it") from None
        except (ValueError, OverflowError, MemoryError) as exc:
            # Number literals past Python's digit limit fail in the lexer like this.
            raise LimitExceeded("source", f"the template holds an invalid value: {exc}") from None
        finally:
            leave(token)
        return BoundedTemplate(self, template, source)

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        # Rewritten here, not in parse(), so code reading a template's tree sees it as written.
        _bound_tree(source, self.limits)
        return super()._generate(source, name, filename, defer_init)

    # -- rendering ------------------------------------------------------------------------------
    def render(self, template: BoundedTemplate, variables: Mapping[str, Any]) -> str:
        """Render ``template`` under a fresh budget (see :meth:`BoundedTemplate.render`)."""
        refused = self._refused.get(template.source)
        if refused is not None:
            raise LimitExceeded("refused", f"{refused} (the template is refused from now on)")
        token = enter(Budget(self.limits))
        try:
            return template._template.render(variables)
        except LimitExceeded as exc:
            if exc.limit in ("time", "iterations"):
                self._refused[template.source] = str(exc)
                if len(self._refused) > _REFUSED_KEPT:
                    self._refused.popitem(last=False)
            raise
        except RecursionError:
            raise LimitExceeded("recursion", "the template recursed too deeply") from None
        except MemoryError:
            raise LimitExceeded("work", "the template ran out of memory") from None
        finally:
            leave(token)

    # -- the sandbox's hooks --------------------------------------------------------------------
    def bounded_iterate(self, items: Iterable[Any], literal: int = 0) -> Iterator[Any]:
        """Iterate ``items`` counting each iteration (every ``for`` loop goes through here)."""
        return current_budget(self.limits).iterate(items, literal)

    def bounded_text(self, value: Any) -> Any:
        """Check the size of a ``~`` concatenation's result."""
        return current_budget(self.limits).made(value)

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        if len(numbers) > self.limits.iterations:
            raise LimitExceeded(
                "iterations",
                f"range of {len(numbers)} numbers is over the limit of {self.limits.iterations}",
            )
        return numbers

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Check a growing operator's result size before it is computed."""
        budget = current_budget(self.limits)
        budget.step()
        if operator == "**":
            _check_power(budget, left, right)
        elif operator == "*":
            _check_product(budget, left, right)
        elif operator == "%" and isinstance(left, str):
            _check_percent_format(budget, left, right)
        return budget.made(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Count a call, check padding widths first and the result after."""
        budget = current_budget(__self.limits)
        budget.step()
        if isinstance(__obj, LoopContext) and args:
            # A recursive loop's ``loop(children)``: its iterations count too.
            args = (budget.iterate(args[0]), *args[1:])
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            _check_str_method(budget, owner, getattr(__obj, "__name__", ""), args, kwargs)
        return budget.made(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Refuse ``"{:>999999999}".format(x)`` before Python allocates its padding."""
        formatter = super().wrap_str_format(value)
        if formatter is not None:
            _check_brace_format(current_budget(self.limits), value.__self__)
        return formatter


# -- the tree rewrite ---------------------------------------------------------------------------
def _bound_tree(tree: nodes.Template, limits: Limits) -> None:
    """Route loops and ``~`` through the environment's checks; refuse oversized literals."""
    budget = Budget(limits)
    for const in tree.find_all(nodes.Const):
        value = const.value
        if isinstance(value, int) and not isinstance(value, bool):
            budget.bits(value.bit_length())
    for power in tree.find_all(nodes.Pow):
        # ``9**(9**9)`` written out is refused now, when the template is loaded.
        _static_number(power, budget)
    for loop in list(tree.find_all(nodes.For)):
        # The loop's literal text is written once per iteration without passing ``finalize``:
        # each iteration is charged for it.
        literal = sum(len(d.data) for n in loop.body for d in n.find_all(nodes.TemplateData))
        loop.iter = _hook(_ITERATE, loop.iter, nodes.Const(literal))
    # Collected first: rewriting while walking would visit the new nodes again.
    for parent in list(tree.find_all(nodes.Node)):
        for field in parent.fields:
            child = getattr(parent, field, None)
            if isinstance(child, nodes.Concat):
                setattr(parent, field, _hook(_TEXT, child))
            elif isinstance(child, list):
                for index, item in enumerate(child):
                    if isinstance(item, nodes.Concat):
                        child[index] = _hook(_TEXT, item)


def _static_number(node: nodes.Node, budget: Budget) -> int | None:
    """The value of a constant integer expression, each step checked before it is computed."""
    if isinstance(node, nodes.Const):
        value = node.value
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(node, nodes.Pow | nodes.Mul | nodes.Add):
        left = _static_number(node.left, budget)
        right = _static_number(node.right, budget)
        if left is None or right is None:
            return None
        if isinstance(node, nodes.Pow):
            _check_power(budget, left, right)
            return int(left**right) if right >= 0 else None
        if isinstance(node, nodes.Mul):
            _check_product(budget, left, right)
            return left * right
        return left + right
    return None


def _hook(method: str, node: nodes.Node, *arguments: nodes.Expr) -> nodes.Filter:
    # A filter, not a global: a template cannot shadow or replace it, and Jinja calls a filter
    # directly (a sandboxed call costs several times more on every loop and ``~``).
    hook = nodes.Filter(cast(nodes.Expr, node), method, list(arguments), [], None, None)
    hook.set_lineno(node.lineno)
    return hook


# -- checks before a growing operation runs ----------------------------------------------------
def _check_power(budget: Budget, left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        budget.bits(right * math.log2(abs(left)))


def _check_product(budget: Budget, left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        budget.bits(left.bit_length() + right.bit_length())
    elif isinstance(right, int) and isinstance(left, _SEQUENCES):
        budget.sized(len(left) * right)
    elif isinstance(left, int) and isinstance(right, _SEQUENCES):
        budget.sized(len(right) * left)


def _check_percent_format(budget: Budget, text: str, arguments: Any) -> None:
    for width, precision in _PERCENT_FIELD.findall(text):
        for number in (width, precision):
            if number == "*":
                raise LimitExceeded("text", "'*' widths in % formatting are not supported")
            if number and len(number) > len(str(budget.limits.text)):
                budget.sized(int(number[:12]))
            elif number:
                budget.sized(int(number))
    budget.sized(len(text) + (len(arguments) if isinstance(arguments, tuple) else 1))


def _check_brace_format(budget: Budget, text: str) -> None:
    if _NESTED_FIELD.search(text.replace("{{", "").replace("}}", "")):
        raise LimitExceeded("text", "nested replacement fields in format() are not supported")
    for digits in re.findall(r"\d+", text):
        if len(digits) > len(str(budget.limits.text)):
            budget.sized(int(digits[:12]))


def _check_str_method(
    budget: Budget, text: str, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> None:
    if name in _PADDING:
        width = args[0] if args else kwargs.get("width", kwargs.get("tabsize", 0))
        if isinstance(width, int):
            budget.sized(width if name != "expandtabs" else width * len(text))
    elif name == "replace" and len(args) >= 2:
        _check_replace(budget, text, args[0], args[1])


def _check_replace(budget: Budget, text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        budget.sized(len(text) + count * max(0, len(new) - len(old)))


def _check_filter_arguments(
    budget: Budget, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> None:
    """Filters that can make far more text than they are given: check their arguments."""
    values = [a for a in args if not isinstance(a, _PASSED)]
    if name in ("center", "indent"):
        width = values[1] if len(values) > 1 else kwargs.get("width")
        if isinstance(width, int):
            budget.sized(width)
    elif name == "format" and values and isinstance(values[0], str):
        _check_percent_format(budget, values[0], tuple(values[1:]))
    elif name == "replace" and len(values) >= 3:
        _check_replace(budget, values[0], values[1], values[2])
    elif name == "wordwrap" and values and isinstance(values[0], str):
        budget.sized(len(values[0]) * 2)


def _guarded(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` counted as a step, with its arguments and result checked."""

    @functools.wraps(function)  # keeps Jinja's pass_context / pass_eval_context marks
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = current_budget()
        budget.step()
        _check_filter_arguments(budget, name, args, kwargs)
        return budget.made(function(*args, **kwargs))

    return guarded


def _written(value: Any) -> str:
    """Count what a ``{{ }}`` writes (``finalize``; compiling runs under a budget too)."""
    text = value if type(value) is str else str(value)
    current_budget().wrote(len(text))
    return text
