"""Rule messages: Jinja templates, compiled once to plain Python functions.

Jinja stays the authoring language of ``message`` and ``remedy`` in the rule files. Rendering
a Jinja template costs a context object, a generator and its machinery per call; a check
words about fifty findings. So each template is parsed once by Jinja and its syntax tree
translated to the source of one small Python function that does what Jinja's own code would
do, with the same environment's attribute lookup, filters and tests. A template using a
construct outside that subset keeps Jinja's renderer (:attr:`Message.compiled` says which).
The test-suite compares the two renderings on every rule's messages over every sample and
1,000 generated cases, and every inline rule test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2
import jinja2.meta
from jinja2 import nodes
from jinja2.utils import _PassArg

from termination import text

#: The environment every rule message is written for.
ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
ENV.filters.update(text.FILTERS)

_COMPARE = {"eq": "==", "ne": "!=", "gt": ">", "gteq": ">=", "lt": "<", "lteq": "<=", "in": "in", "notin": "not in"}
_BINARY = {nodes.Add: "+", nodes.Sub: "-", nodes.Mul: "*", nodes.Div: "/", nodes.FloorDiv: "//", nodes.Mod: "%", nodes.Pow: "**"}


class Unsupported(Exception):
    """A template construct the translator leaves to Jinja."""


class Message:
    """One message template: the stripped text for one case.

    It reads facts, ``names`` (who fails each count), ``case`` (the record) and ``as_of``
    (:attr:`names` lists which); :meth:`word` takes them apart, :meth:`render` in one mapping.
    """

    def __init__(self, source: str) -> None:
        tree = ENV.parse(source)
        self.source = source
        self.names: tuple[str, ...] = tuple(sorted(jinja2.meta.find_undeclared_variables(tree)))
        #: the keys it reads of ``names`` (who fails each count: ``names.respondents_without_notice``)
        self.name_keys: tuple[str, ...] = tuple(
            sorted({n.attr for n in tree.find_all(nodes.Getattr) if isinstance(n.node, nodes.Name) and n.node.name == "names"})
        )
        self.template = ENV.from_string(source)
        self.static: str | None = None if self.names else self.template.render().strip()
        try:
            self._word: Callable[..., str] = _translate(tree, self.names)
            self.compiled = True
        except Unsupported:
            self._word = self._word_jinja
            self.compiled = False

    def word(self, facts: Mapping[str, Any], names: Mapping[str, list[str]], case: Any, as_of: Any) -> str:
        """The message for one case (the hot path: no mapping built per call)."""
        if self.static is not None:
            return self.static
        return self._word(facts, names, case, as_of)

    def render(self, context: Mapping[str, Any]) -> str:
        """The message for one case, from one mapping of every name it reads."""
        if self.static is not None:
            return self.static
        return self._word(context, context.get("names"), context.get("case"), context.get("as_of"))

    def _word_jinja(self, facts: Mapping[str, Any], names: Any, case: Any, as_of: Any) -> str:
        special = {"names": names, "case": case, "as_of": as_of}
        return self.render_jinja({n: special[n] if n in special else facts[n] for n in self.names})

    def render_jinja(self, context: Mapping[str, Any]) -> str:
        """The same, by Jinja itself (the reference the compiled function is tested against)."""
        return self.template.render({n: context[n] for n in self.names}).strip()


def _translate(tree: nodes.Template, names: tuple[str, ...]) -> Callable[..., str]:
    """The Python function equivalent to the template (raises :class:`Unsupported`)."""
    gen = _Generator(names)
    lines = ["def render(facts, names, case, as_of):"]
    special = {"names": "names", "case": "case", "as_of": "as_of"}
    lines += [f"    n_{i} = {special.get(name) or f'facts[{name!r}]'}" for i, name in enumerate(names)]
    lines += ["    out = []", "    w = out.append"]
    for node in tree.body:
        lines += gen.statement(node, 1)
    lines.append("    return ''.join(out).strip()")
    namespace = dict(gen.constants)
    exec(compile("\n".join(lines), "<rule message>", "exec"), namespace)  # noqa: S102 - our own generated code
    return namespace["render"]  # type: ignore[no-any-return]


class _Generator:
    """Jinja syntax tree → Python source, node by node (the subset rule messages use)."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.variables = {name: f"n_{i}" for i, name in enumerate(names)}
        self.constants: dict[str, Any] = {"getattr_": ENV.getattr, "getitem_": ENV.getitem, "str_": str}

    def constant(self, value: Any) -> str:
        key = f"k_{len(self.constants)}"
        self.constants[key] = value
        return key

    def statement(self, node: nodes.Node, depth: int) -> list[str]:
        pad = "    " * depth
        if isinstance(node, nodes.Output):
            return [pad + self.output(child) for child in node.nodes]
        if isinstance(node, nodes.If):
            lines = [f"{pad}if {self.expression(node.test)}:"]
            lines += self.block(node.body, depth + 1)
            for branch in node.elif_:
                lines.append(f"{pad}elif {self.expression(branch.test)}:")
                lines += self.block(branch.body, depth + 1)
            if node.else_:
                lines.append(f"{pad}else:")
                lines += self.block(node.else_, depth + 1)
            return lines
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            local = self.variables[node.target.name] = f"l_{node.target.name}"
            return [f"{pad}{local} = {self.expression(node.node)}"]
        raise Unsupported(type(node).__name__)

    def block(self, body: list[nodes.Node], depth: int) -> list[str]:
        lines = [line for node in body for line in self.statement(node, depth)]
        return lines or ["    " * depth + "pass"]

    def output(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.TemplateData):
            return f"w({self.constant(node.data)})"
        return f"w(str_({self.expression(node)}))"  # Jinja writes str(value), autoescape off

    def expression(self, node: nodes.Node) -> str:
        e = self.expression
        if isinstance(node, nodes.Name) and node.ctx == "load":
            if node.name not in self.variables:
                raise Unsupported(f"name {node.name}")
            return self.variables[node.name]
        if isinstance(node, nodes.Const):
            return self.constant(node.value)
        if isinstance(node, nodes.Getattr):
            return f"getattr_({e(node.node)}, {node.attr!r})"
        if isinstance(node, nodes.Getitem) and not isinstance(node.arg, nodes.Slice):
            return f"getitem_({e(node.node)}, {e(node.arg)})"
        if isinstance(node, nodes.Filter) and node.node is not None:
            return self.call(ENV.filters, node, e(node.node))
        if isinstance(node, nodes.Test):
            return self.call(ENV.tests, node, e(node.node))
        if isinstance(node, nodes.Not):
            return f"(not {e(node.node)})"
        if isinstance(node, nodes.And):
            return f"({e(node.left)} and {e(node.right)})"
        if isinstance(node, nodes.Or):
            return f"({e(node.left)} or {e(node.right)})"
        if isinstance(node, nodes.Compare):
            parts = [e(node.expr)] + [f"{_COMPARE[op.op]} {e(op.expr)}" for op in node.ops]
            return f"({' '.join(parts)})"
        if type(node) in _BINARY:
            return f"({e(node.left)} {_BINARY[type(node)]} {e(node.right)})"  # type: ignore[attr-defined]
        if isinstance(node, nodes.CondExpr):
            otherwise = (
                e(node.expr2)
                if node.expr2 is not None
                else self.constant(ENV.undefined("the inline if-expression evaluated to false and no else section was defined."))
            )
            return f"({e(node.expr1)} if {e(node.test)} else {otherwise})"
        raise Unsupported(type(node).__name__)

    def call(self, table: Mapping[str, Callable[..., Any]], node: nodes.Filter | nodes.Test, value: str) -> str:
        """A filter or test call, passing the environment where Jinja would."""
        if node.name not in table or node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise Unsupported(f"{type(node).__name__} {node.name}")
        function = table[node.name]
        passes = _PassArg.from_obj(function)
        if passes is _PassArg.environment:
            head = [self.constant(ENV)]
        elif passes is None:
            head = []
        else:
            raise Unsupported(f"{node.name} needs a {passes.name}")
        args = ", ".join([*head, value, *(self.expression(a) for a in node.args)])
        return f"{self.constant(function)}({args})"
