"""Generated Python for the native fast path: one function per ruleset scope.

The compiled NNF conditions become Python expressions over three values
encoded as integers (0 false, 1 undetermined, 2 true), where "and" is `min`,
"or" is `max` and "not" never appears (negation is already at the leaves).
Each scope's function evaluates every conclusion of that scope for one frame,
in dependency order, keeping same-frame conclusions in local variables. It is
the same logic as `engine.native.compile_check` (which explanations use); a property
test holds the two equal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ruleformat.catalog import CATALOG
from ..ruleformat.compiled import CompiledRuleset
from ..ruleformat.conditions import All, AnyOf, Compare, Condition, Known, Quantified, Ref

OFFENCES_KEY = "\0offences"
_PY_OP = {"eq": "==", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}

# f: frame facts; C: conclusion values by (name, frame id); a: ancestors by scope;
# fid: this frame's id; R: rule values out, or None on the fast path; P: compliance out.
ScopeFunction = Callable[
    [dict[str, Any], dict[tuple[str, str], int], dict[str, str], str, Any, dict[tuple[str, str], int]], None
]


def frame_reader(fact: str, item: str | None) -> str:
    """Read a fact from a frame's dict `f` (or an offence dict): the frames form."""
    if fact != OFFENCES_KEY and CATALOG[fact].scope == "offence":
        return f"{item}.get({fact!r})"
    return f"g({fact!r})"


class Writer:
    """Builds one expression at a time, naming the constants it needs.

    `read(fact, item)` gives the expression reading a fact (None when unknown):
    from frame dicts here, from the case's models in `engine.bulk`.
    """

    def __init__(self, namespace: dict[str, Any], scope: str, local: dict[str, str],
                 read: Callable[[str, str | None], str] = frame_reader) -> None:
        self.namespace = namespace
        self.scope = scope
        self.local = local
        self.read = read
        self.counter = 0

    def constant(self, value: Any) -> str:
        if isinstance(value, (bool, int, str)):
            return repr(value)  # a literal compiles to a constant, faster than a global
        name = f"K{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def temp(self) -> str:
        self.counter += 1
        return f"_v{self.counter}"

    def fold(self, any_of: bool, parts: list[str]) -> str:
        """Kleene "or" (max) or "and" (min) of expressions, short-circuiting like `or`/`and`."""
        settled, better = (2, ">") if any_of else (0, "<")
        text = parts[-1]
        for part in reversed(parts[:-1]):
            t, u = self.temp(), self.temp()
            # min/max of two written inline: a builtin call per node costs more.
            text = (f"({settled} if ({t} := {part}) == {settled} else "
                    f"({u} if ({u} := {text}) {better} {t} else {t}))")
        return text

    def expr(self, cond: Condition, item: str | None = None) -> str:
        if isinstance(cond, Compare):
            v = self.temp()
            if cond.op in ("in", "not_in"):
                members = self.constant(frozenset(cond.value if isinstance(cond.value, tuple) else ()))
                test = f"{v} {'in' if cond.op == 'in' else 'not in'} {members}"
            elif cond.op in ("eq", "ne") and isinstance(cond.value, bool) and CATALOG[cond.fact].type == "bool":
                # A known bool fact is True or False: test it directly rather than compare.
                test = v if (cond.op == "eq") == cond.value else f"not {v}"
            else:
                test = f"{v} {_PY_OP[cond.op]} {self.constant(cond.value)}"
            return f"(1 if ({v} := {self.read(cond.fact, item)}) is None else (2 if {test} else 0))"
        if isinstance(cond, Known):
            hit, miss = (2, 0) if cond.known else (0, 2)
            return f"({hit} if {self.read(cond.fact, item)} is not None else {miss})"
        if isinstance(cond, Ref):
            # `local` holds the conclusions already computed in this function's locals.
            if cond.conclusion in self.local:
                value = self.local[cond.conclusion]
            else:
                value = f"G(({cond.conclusion!r}, a[{cond.scope!r}]), 1)"
            return value if cond.want else f"(2 - {value})"
        if isinstance(cond, (All, AnyOf)):
            return self.fold(isinstance(cond, AnyOf), [self.expr(part, item) for part in cond.items])
        if isinstance(cond, Quantified):
            items = self.temp()
            body = self.expr(cond.body, item="o")
            # "any" is the best value present (none: false); "all" the worst (none: true).
            best, middle, worst = (2, 1, 0) if cond.mode == "any" else (0, 1, 2)
            return (f"(1 if ({items} := {self.read(OFFENCES_KEY, None)}) is None else "
                    f"({best} if {best} in ({items} := [{body} for o in {items}]) else "
                    f"({middle} if {middle} in {items} else {worst})))")
        raise TypeError(f"not an NNF condition: {cond!r}")


def generate(ruleset: CompiledRuleset) -> dict[str, ScopeFunction]:
    """One generated function per scope of the ruleset's conclusions."""
    functions: dict[str, ScopeFunction] = {}
    scope_of = {c.name: c.spec.scope for c in ruleset.conclusions}
    for scope in sorted(set(scope_of.values())):
        namespace: dict[str, Any] = {}
        local: dict[str, str] = {}
        writer = Writer(namespace, scope, local)
        lines = [f"def evaluate_{scope}(f, C, a, fid, R, P):", "    g = f.get", "    G = C.get"]
        for index, conclusion in enumerate(c for c in ruleset.conclusions if c.spec.scope == scope):
            names: list[str] = []
            for rule in conclusion.rules:
                name = f"r{len(names)}_{index}"
                lines.append(f"    {name} = {writer.expr(rule.condition)}")
                lines.append(f"    if R is not None: R[({rule.id!r}, {conclusion.name!r}, fid)] = {name}")
                names.append(name)
            var = f"c{index}"
            lines.append(f"    {var} = {names[0] if len(names) == 1 else 'max(' + ', '.join(names) + ')'}")
            lines.append(f"    C[({conclusion.name!r}, fid)] = {var}")
            local[conclusion.name] = var
        for item in ruleset.compliance:
            if scope_of[item.obligation] == scope:
                lines.append(f"    P[({item.obligation!r}, fid)] = {writer.expr(item.condition)}")
        source = "\n".join(lines) + "\n"
        from ..ruleformat.cache import compile_source  # noqa: PLC0415 - _cache imports the loader, which needs us

        exec(compile_source(source, f"<legalrules {ruleset.id} {scope}>"), namespace)  # noqa: S102
        functions[scope] = namespace[f"evaluate_{scope}"]
    return functions
