"""Loading rulesets from YAML: structure, references, cycles, ids, the article index, a version.

Everything that can be wrong with a ruleset is found here, at load time, and
reported with file, line and rule id; evaluation never meets a bad rule.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .catalog import Scope, Value
from .compiled import CompiledCompliance, CompiledConclusion, CompiledDeadline, CompiledRule, CompiledRuleset
from .conditions import (
    All,
    AnyOf,
    Compare,
    Condition,
    ConditionError,
    Not,
    ParseContext,
    Quantified,
    parse_condition,
    referenced_conclusions,
    to_nnf,
)
from .schema import (
    ArticleIndex,
    ConclusionFile,
    Instrument,
    ParameterFile,
    RuleFile,
    RuleSpec,
)
from .chains import build_chains
from .deadline_loader import DeadlineSource, compile_deadline
from ..case.yaml_lines import YamlSyntaxError, line_of, read_yaml_file
from ..errors import RulesetError

M = TypeVar("M", bound=BaseModel)
_RULE_ID = re.compile(r"^(?P<ruleset>[a-z][a-z0-9_]*)\.art(?P<article>\d+)(?:\.(?P<para>\d+)(?:\.(?P<item>\d+))?)?$")


def _read(path: Path) -> Any:
    try:
        return read_yaml_file(path)
    except FileNotFoundError:
        raise RulesetError(str(path), None, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise RulesetError(str(path), None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise RulesetError(str(path), None, None, f"cannot read the file ({exc.strerror})") from None
    except YamlSyntaxError as exc:
        raise RulesetError(str(path), exc.line, None, f"malformed YAML: {exc}") from None


def _validate(model: type[M], raw: Any, path: Path, rule_of: Any = None) -> M:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = tuple(first["loc"])
        rule_id = rule_of(loc) if rule_of else None
        where = ".".join(str(p) for p in loc) or "(top level)"
        if first["type"] == "extra_forbidden":
            msg = f"{where}: unknown key {loc[-1]!r}"
        else:
            msg = f"{where}: {first['msg']} (received {first.get('input')!r})"
        more = len(exc.errors()) - 1
        if more:
            msg += f" (and {more} more problem(s))"
        raise RulesetError(str(path), line_of(raw, loc), rule_id, msg) from None


def _parameters_used(cond: Condition) -> set[str]:
    if isinstance(cond, Compare):
        return {cond.param} if cond.param else set()
    if isinstance(cond, (All, AnyOf)):
        return set().union(*(_parameters_used(item) for item in cond.items))
    if isinstance(cond, (Not, Quantified)):
        return _parameters_used(cond.item if isinstance(cond, Not) else cond.body)
    return set()


def _hash_files(paths: Iterable[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()[:16]


class _RulesetReader:
    """Reads one ruleset directory; one instance per load."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.files: list[Path] = []
        self.deadline_sources: list[DeadlineSource] = []

    def file(self, name: str) -> Path:
        path = self.directory / name
        self.files.append(path)
        return path

    def load(self) -> CompiledRuleset:
        meta_path = self.file("ruleset.yaml")
        meta_raw = _read(meta_path)
        instrument = _validate(Instrument, meta_raw, meta_path)
        if instrument.id != self.directory.name:
            raise RulesetError(str(meta_path), line_of(meta_raw, ("id",)), None,
                               f"id {instrument.id!r} must match its directory name {self.directory.name!r}")
        if not instrument.rule_files:
            return self._metadata_only(instrument)
        params_path = self.file("parameters.yaml")
        params = _validate(ParameterFile, _read(params_path), params_path).parameters
        values: dict[str, Value] = {name: p.value for name, p in params.items()}
        concl_path = self.directory / "conclusions.yaml"
        if concl_path.is_file():  # a ruleset of deadlines alone has no conclusions
            self.files.append(concl_path)
            concl_raw = _read(concl_path)
            conclusions = _validate(ConclusionFile, concl_raw, concl_path).conclusions
        else:
            concl_raw, conclusions = {}, {}
        scopes: dict[str, Scope] = {name: spec.scope for name, spec in conclusions.items()}
        rules = self._rules(instrument, scopes, values)
        by_conclusion: dict[str, list[CompiledRule]] = {name: [] for name in conclusions}
        for rule in rules:
            by_conclusion[rule.conclusion].append(rule)
        for name, found in by_conclusion.items():
            if not found:
                raise RulesetError(str(concl_path), line_of(concl_raw, ("conclusions", name)), None,
                                   f"conclusion {name!r} is declared but no rule establishes it")
        order = self._order(by_conclusion, concl_path)
        # False exactly when no establishing rule holds: NNF of not(c1 or c2 or ...).
        compiled = tuple(
            CompiledConclusion(name, conclusions[name], tuple(by_conclusion[name]),
                               to_nnf(AnyOf(tuple(r.condition for r in by_conclusion[name])), negate=True))
            for name in order
        )
        compliance = self._compliance(conclusions, concl_raw, concl_path, scopes, values)
        # A deadline may share its id with a rule or another deadline citing the same
        # paragraph; (id, duty) tells deadlines apart.
        deadlines = tuple(compile_deadline(source, instrument.id, params, values, _RULE_ID)
                          for source in self.deadline_sources)
        duties: dict[tuple[str, str], CompiledDeadline] = {}
        for source, deadline in zip(self.deadline_sources, deadlines):
            if (deadline.id, deadline.spec.duty) in duties:
                raise source.fail(f"two deadlines {deadline.id} with the same duty {deadline.spec.duty!r}", "duty")
            duties[(deadline.id, deadline.spec.duty)] = deadline
        articles = self._articles(instrument, {r.id for r in rules} | {d.id for d in deadlines})
        version = _hash_files(self.files, self.directory)
        return CompiledRuleset(instrument, version, self.directory, dict(params), values,
                               compiled, compliance, articles, deadlines)

    def _metadata_only(self, instrument: Instrument) -> CompiledRuleset:
        return CompiledRuleset(instrument, _hash_files(self.files, self.directory), self.directory,
                               {}, {}, (), (), None)

    def _rules(self, instrument: Instrument, scopes: dict[str, Scope],
               values: dict[str, Value]) -> list[CompiledRule]:
        seen: dict[str, str] = {}
        out: list[CompiledRule] = []
        exceptions: list[tuple[str, str, Path, int | None]] = []
        for name in instrument.rule_files:
            path = self.file(name)
            raw = _read(path)

            def rule_of(loc: tuple[Any, ...], raw: Any = raw) -> str | None:
                if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
                    try:
                        return str(raw["rules"][loc[1]]["id"])
                    except (KeyError, IndexError, TypeError):
                        return None
                return None

            rule_file = _validate(RuleFile, raw, path, rule_of)
            self.deadline_sources += [DeadlineSource(spec, path, raw, index)
                                      for index, spec in enumerate(rule_file.deadlines)]
            for index, spec in enumerate(rule_file.rules):
                line = line_of(raw, ("rules", index))
                out += self._rule(instrument.id, spec, path, line, scopes, values, seen, raw, index)
                exceptions.extend((spec.id, target, path, line_of(raw, ("rules", index, "exception_to")))
                                  for target in spec.exception_to)
        for rule_id, target, path, line in exceptions:
            if target not in seen:
                raise RulesetError(str(path), line, rule_id, f"exception_to names a rule that does not exist: {target!r}")
        return out

    def _rule(self, ruleset: str, spec: RuleSpec, path: Path, line: int | None,
              scopes: dict[str, Scope], values: dict[str, Value], seen: dict[str, str],
              raw: Any, index: int) -> list[CompiledRule]:
        def fail(message: str, sub: tuple[Any, ...] = ()) -> RulesetError:
            where = line_of(raw, ("rules", index, *sub)) if sub else line
            return RulesetError(str(path), where, spec.id, message)

        if not _RULE_ID.match(spec.id):
            raise fail(f"rule id {spec.id!r} is not of the form {ruleset}.art<N>[.<para>][.<item>]", ("id",))
        expected = spec.citation.rule_id(ruleset)
        if spec.id != expected:
            raise fail(f"rule id {spec.id!r} does not match its citation (expected {expected!r})", ("id",))
        if spec.citation.item is not None and spec.citation.paragraph is None:
            raise fail("a citation with an item needs its paragraph", ("citation",))
        if spec.id in seen:
            raise fail(f"duplicate rule id {spec.id!r} (first in {seen[spec.id]})", ("id",))
        seen[spec.id] = f"{path.name}:{line}"
        rule_scopes = set()
        for target in spec.then:
            if target.conclusion not in scopes:
                raise fail(f"establishes unknown conclusion {target.conclusion!r}; declared: {sorted(scopes)}", ("then",))
            rule_scopes.add(scopes[target.conclusion])
        if len(rule_scopes) != 1:
            raise fail(f"establishes conclusions of different scopes {sorted(rule_scopes)}", ("then",))
        scope = rule_scopes.pop()
        try:
            condition = parse_condition(spec.when, ParseContext(scope, scopes, values))
        except ConditionError as exc:
            raise fail(f"when: {exc}", ("when",)) from None
        label = spec.citation.label(ruleset)
        also = tuple(c.label(ruleset) for c in spec.also_cites)
        out = []
        for index_then, target in enumerate(spec.then):
            full = condition
            if target.when is not None:
                try:
                    extra = parse_condition(target.when, ParseContext(scope, scopes, values))
                except ConditionError as exc:
                    raise fail(f"then[{index_then}].when: {exc}", ("then", index_then)) from None
                full = All((condition, extra))
            out.append(CompiledRule(
                spec.id, ruleset, spec.title, label, also, spec.quote.strip(), target.reason.strip(),
                target.conclusion, scope, to_nnf(full), path.name, line, spec.interpretation,
                tuple(sorted(_parameters_used(full))), spec.interpretation_zh,
            ))
        return out

    @staticmethod
    def _order(by_conclusion: dict[str, list[CompiledRule]], path: Path) -> list[str]:
        graph = {name: set().union(*(referenced_conclusions(r.condition) for r in rules))
                 for name, rules in by_conclusion.items()}
        try:
            return list(TopologicalSorter(graph).static_order())
        except CycleError as exc:
            # Each node of the cycle is a condition of the next: name a rule that closes it.
            nodes: list[str] = exc.args[1]
            cycle = " -> ".join(nodes)
            rule = next((r for r in by_conclusion.get(nodes[1], [])
                         if nodes[0] in referenced_conclusions(r.condition)), None)
            if rule is None:
                raise RulesetError(str(path), None, None,
                                   f"conclusions depend on each other in a cycle: {cycle}") from None
            raise RulesetError(str(path.parent / rule.file), rule.line, rule.id,
                               f"conclusions depend on each other in a cycle: {cycle} (this rule establishes "
                               f"{nodes[1]!r} from {nodes[0]!r}); expected conditions that never lead back "
                               "to the conclusion they establish") from None

    @staticmethod
    def _compliance(conclusions: Any, raw: Any, path: Path, scopes: dict[str, Scope],
                    values: dict[str, Value]) -> tuple[CompiledCompliance, ...]:
        out = []
        for name, spec in conclusions.items():
            if spec.complied_when is None:
                continue
            if spec.kind != "obligation":
                raise RulesetError(str(path), line_of(raw, ("conclusions", name)), None,
                                   f"{name}: complied_when is only for obligations (kind is {spec.kind!r})")
            try:
                cond = parse_condition(spec.complied_when, ParseContext(spec.scope, {}, values))
            except ConditionError as exc:
                raise RulesetError(str(path), line_of(raw, ("conclusions", name, "complied_when")), None,
                                   f"{name}.complied_when: {exc}") from None
            nnf = to_nnf(cond)
            text = nnf.text()
            out.append(CompiledCompliance(name, nnf, to_nnf(cond, negate=True), text))
        return tuple(out)

    def _articles(self, instrument: Instrument, rule_ids: set[str]) -> ArticleIndex:
        path = self.file("articles.yaml")
        raw = _read(path)
        index = _validate(ArticleIndex, raw, path)
        listings: dict[int, int] = {}
        for number in [*index.articles, *(n for r in index.ranges for n in range(r.from_, r.to + 1))]:
            listings[number] = listings.get(number, 0) + 1
        missing = [n for n in range(1, index.article_count + 1) if n not in listings]
        extra = sorted(n for n in listings if not 1 <= n <= index.article_count)
        twice = sorted(n for n, count in listings.items() if count > 1)
        backwards = [f"{r.from_}-{r.to}" for r in index.ranges if r.from_ > r.to]
        if missing or extra or twice or backwards:
            raise RulesetError(str(path), None, None,
                               f"the index must list articles 1-{index.article_count} exactly once each "
                               f"(singly or in a range); missing {missing}, beyond the count {extra}, "
                               f"listed twice {twice}, ranges running backwards {backwards}")
        article_of = {rule_id: int(rule_id.split(".art")[1].split(".")[0]) for rule_id in rule_ids}
        listed: set[str] = set()
        for number, entry in index.articles.items():
            where = line_of(raw, ("articles", number))
            if entry.status == "encoded" and not (entry.rules or entry.encoded_as):
                raise RulesetError(str(path), where, None,
                                   f"article {number} is 'encoded' but lists no rules and no encoded_as")
            if entry.status in ("out_of_scope", "missing_from_source") and not entry.reason:
                raise RulesetError(str(path), where, None, f"article {number} is {entry.status!r} without a reason")
            if entry.status != "encoded" and entry.rules:
                raise RulesetError(str(path), where, None, f"article {number} lists rules but is {entry.status!r}")
            for rule_id in entry.rules:
                if rule_id not in rule_ids:
                    raise RulesetError(str(path), where, rule_id, f"article {number} lists a rule that does not exist")
                if article_of[rule_id] != number:
                    raise RulesetError(str(path), where, rule_id, f"rule cites article {article_of[rule_id]}, not {number}")
                listed.add(rule_id)
        unlisted = sorted(rule_ids - listed)
        if unlisted:
            raise RulesetError(str(path), None, unlisted[0], f"rules missing from the article index: {unlisted}")
        return index


def load_ruleset(directory: Path) -> CompiledRuleset:
    """Load, check and compile one ruleset directory."""
    return _RulesetReader(directory).load()


def load_rulesets(root: Path) -> tuple[CompiledRuleset, ...]:
    """Load every ruleset under `root` (one sub-directory each), in id order, with their chains checked."""
    if not root.is_dir():
        raise RulesetError(str(root), None, None, "not a directory (expected one sub-directory per ruleset)")
    dirs = sorted(p for p in root.iterdir() if (p / "ruleset.yaml").is_file())
    if not dirs:
        raise RulesetError(str(root), None, None, "no ruleset directories (each needs a ruleset.yaml)")
    rulesets = tuple(load_ruleset(d) for d in dirs)
    build_chains(rulesets)  # the supersession links must be mutual and the windows meet
    return rulesets
