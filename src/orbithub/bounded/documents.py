"""YAML and JSON documents read under limits on size, nesting depth, aliases and nodes.

A 479-byte YAML document whose aliases refer to aliases describes billions of nodes; PyYAML
builds it cheaply (aliases share one object) but everything that walks it afterwards (checking
the automation, quoting it in an error) does not. A few thousand nested brackets overflow the
stack of any recursive reader. Here the composer counts as it goes: the nodes a document would
have with every alias expanded, its aliases and its depth, and stops at the first limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
import yaml
from yaml.events import AliasEvent

from orbithub.bounded.limits import LimitExceeded

__all__ = [
    "FILE_LIMITS",
    "DocumentLimits",
    "DocumentTooLarge",
    "compose_yaml",
    "load_json",
    "load_yaml",
]


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    """How large a document may be.

    Attributes:
        size: bytes of the document's text.
        depth: nesting of lists and mappings.
        aliases: YAML aliases (``*name``).
        nodes: values in the document with every alias expanded.
    """

    size: int = 65_536
    depth: int = 64
    aliases: int = 100
    nodes: int = 5_000


FILE_LIMITS = DocumentLimits(size=4_194_304, nodes=400_000)
"""Limits for files the owner writes (a folder of automations may be large, never a bomb)."""


class DocumentTooLarge(LimitExceeded):
    """The document's text is longer than its limit (an API answers 413)."""


def _too_large(size: int, limits: DocumentLimits) -> DocumentTooLarge:
    return DocumentTooLarge(
        "size", f"the document is {size} bytes, over the limit of {limits.size}; send less"
    )


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with counting in the composer (where aliases are resolved)."""

    def __init__(self, text: str | bytes, limits: DocumentLimits) -> None:
        super().__init__(text)
        self.limits = limits
        self._depth = 0
        self._aliases = 0
        self._nodes = 0
        self._expanded: dict[int, int] = {}  # id(node) -> its nodes with aliases expanded

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > self.limits.aliases:
                raise LimitExceeded(
                    "aliases",
                    f"the document uses more than the limit of {self.limits.aliases} aliases",
                )
            node: yaml.Node | None = super().compose_node(parent, index)
            self._count(self._expanded.get(id(node), 1))
            return node
        self._depth += 1
        if self._depth > self.limits.depth:
            raise LimitExceeded(
                "depth", f"the document nests deeper than the limit of {self.limits.depth}"
            )
        before = self._nodes
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._count(1)
        self._expanded[id(node)] = self._nodes - before
        return node

    def _count(self, nodes: int) -> None:
        self._nodes += nodes
        if self._nodes > self.limits.nodes:
            raise LimitExceeded(
                "nodes",
                f"the document holds more than the limit of {self.limits.nodes} values "
                "(aliases counted as what they repeat)",
            )


_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _checked_size(text: str | bytes, limits: DocumentLimits) -> None:
    data = text.encode() if isinstance(text, str) else text
    if len(data) > limits.size:
        raise _too_large(len(data), limits)
    # PyYAML's scanner takes quadratic time on nested flow brackets ("[[[[..."): 5,000 of them
    # cost half a second before the composer sees a node, so their depth is checked first.
    # Brackets inside quoted text count too; only a text with more than ``depth`` unclosed
    # brackets in a row is refused for it.
    depth = deepest = 0
    for byte in data.translate(None, _NOT_BRACKETS):
        depth += 1 if byte in b"[{" else -1
        deepest = max(deepest, depth)
    if deepest > limits.depth:
        raise LimitExceeded("depth", f"the document nests deeper than the limit of {limits.depth}")


def load_yaml(text: str | bytes, limits: DocumentLimits | None = None) -> Any:
    """The data of one YAML document (safe tags only), read under ``limits``.

    Raises:
        DocumentTooLarge: the text is over the size limit.
        LimitExceeded: too deep, too many aliases or too many values once expanded.
        yaml.YAMLError: not valid YAML.
    """
    limits = limits or DocumentLimits()
    _checked_size(text, limits)
    loader = _BoundedLoader(text, limits)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def compose_yaml(text: str, limits: DocumentLimits | None = None) -> yaml.Node | None:
    """The node tree of a YAML document (for line numbers), read under ``limits``.

    Raises:
        LimitExceeded: as :func:`load_yaml`.
        yaml.YAMLError: not valid YAML.
    """
    limits = limits or DocumentLimits()
    _checked_size(text, limits)
    loader = _BoundedLoader(text, limits)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def load_json(raw: str | bytes, limits: DocumentLimits | None = None) -> Any:
    """The data of a JSON document, read under ``limits``.

    Raises:
        DocumentTooLarge: the text is over the size limit.
        LimitExceeded: too deep or too many values.
        orjson.JSONDecodeError: not valid JSON (orjson itself stops at 1,024 levels).
    """
    limits = limits or DocumentLimits()
    _checked_size(raw, limits)
    data = orjson.loads(raw)
    nodes = 0
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        nodes += 1
        if nodes > limits.nodes:
            raise LimitExceeded(
                "nodes", f"the document holds more than the limit of {limits.nodes} values"
            )
        if depth > limits.depth:
            raise LimitExceeded(
                "depth", f"the document nests deeper than the limit of {limits.depth}"
            )
        if isinstance(value, dict):
            pending.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            pending.extend((v, depth + 1) for v in value)
    return data
