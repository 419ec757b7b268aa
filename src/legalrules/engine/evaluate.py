"""Evaluation: select rulesets by date, run the evaluators, check they agree, build the decision."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from .crosscheck import CrossCheck
from ..case.model import CaseFacts
from ..case.io import chinese_term_notes, naive_warnings
from ..ruleformat.chains import build_chains
from ..ruleformat.compiled import CompiledRuleset
from ..decision.model import Decision, EngineReport, InterpretationUse, RulesetUse, SubjectNotCovered
from ..decision.output import made
from .frames import Frame, age_function, build_frames
from .governing import governing_instruments
from ..case.instants import LOCAL_ZONE, local, supported
from ..interpretations import Interpretations, describe
from ..ruleformat.cache import load_rulesets_cached, rulesets_key
from .native import TRI, NativeProgram, NativeResult, compile_native, run_encoded, run_native
from .case_deadlines import CaseDeadlines
from .deadline_exceptions import unattached_exceptions
from .outcomes import ExplanationMode, conclusion_outcomes, register
from ..paths import rulesets_dir
from . import durable as _durable
from ..errors import CaseFileError, EngineDisagreement, InputError, LegalRulesError
from ..decision.tristate import tri_name

if TYPE_CHECKING:
    from .bulk import BulkProgram
    from .deadlines import DeadlineResults
    from .workers import OnError, Pools, WorkerPool
    from ..legaltime.holidays import HolidayFile

EngineMode = Literal["both", "native", "durable"]
_DEFAULT_READINGS = Interpretations()


@dataclass(frozen=True)
class _Selection:
    ruleset: CompiledRuleset
    frames: list[Frame]
    not_applied: list[SubjectNotCovered]


def _select(ruleset: CompiledRuleset, frames: Sequence[Frame]) -> _Selection:
    organ = frames[0].facts.get("case.handling_organ") if frames else None
    excluded = _organ_scope(ruleset, organ if isinstance(organ, str) else None)[0]
    if excluded is not None:
        return _Selection(ruleset, [], [excluded])
    scopes = _scopes(ruleset)
    chosen, skipped = [], []
    for frame in frames:
        if frame.scope not in scopes:
            continue
        if ruleset.in_force_on(frame.date):
            chosen.append(frame)
        elif frame.scope != "interruption":
            when = "before" if frame.date < ruleset.instrument.effective_from else "after"
            edge = ruleset.instrument.effective_from if when == "before" else ruleset.instrument.effective_until
            skipped.append(made(SubjectNotCovered,
                subject=frame.id,
                reason=(f"{frame.id} is dated {frame.date.isoformat()} (from {frame.date_source}), "
                        f"{when} {ruleset.id} {'came into force' if when == 'before' else 'ceased to apply'} "
                        f"({edge}); {ruleset.id} is {ruleset.window_text()}, so it gives no conclusions here"),
            ))
    if not chosen and not skipped and "interrogation" in scopes:
        # A case with no interrogation yet: say how to ask, rather than answer nothing.
        skipped.append(made(SubjectNotCovered,
            subject="interrogations",
            reason=(f"{ruleset.id} decides per interrogation and the case lists none; to ask whether "
                    "an interrogation must be recorded, add it under `interrogations:` with its place "
                    "(a planned one may leave out `start` and is judged as of --as-of)"),
        ))
    return _Selection(ruleset, chosen, skipped)


_SCOPES: dict[int, tuple[CompiledRuleset, frozenset[str]]] = {}


def _scopes(ruleset: CompiledRuleset) -> frozenset[str]:
    """The scopes a ruleset concludes on, worked out once per ruleset (held, so its id is not reused)."""
    found = _SCOPES.get(id(ruleset))
    if found is None or found[0] is not ruleset:
        found = _SCOPES[id(ruleset)] = (ruleset, frozenset(c.spec.scope for c in ruleset.conclusions))
    return found[1]


def _organ_scope(ruleset: CompiledRuleset, organ: str | None) -> tuple[SubjectNotCovered | None, str | None]:
    """Whether the case's handling organ is one the instrument binds: (why not, or a warning if unknown)."""
    binds = ruleset.instrument.binds
    if binds is None:
        return None, None
    organs = " or ".join(o.replace("_", " ") for o in binds.handling_organ)
    basis = f"{binds.citation.label(ruleset.id)}: {binds.quote.strip()}"
    if organ is None:
        return None, (f"{ruleset.id} binds only cases handled by {organs} ({basis}); case.handling_organ is not "
                      f"given, so its conclusions and deadlines hold only if {organs} handles the case")
    if organ in binds.handling_organ:
        return None, None
    return made(SubjectNotCovered, subject="case", reason=(
        f"the case is handled by the {organ.replace('_', ' ')} (case.handling_organ), and {ruleset.id} binds only "
        f"{organs} ({basis}), so it gives no conclusions or deadlines here")), None


def _differences(ruleset: str, native: NativeResult, durable: _durable.DurableResult) -> list[str]:
    out = []
    for label, mine, theirs in (("conclusion", native.conclusions, durable.conclusions),
                                ("compliance", native.compliance, durable.compliance)):
        for key in sorted(set(mine) | set(theirs)):
            a, b = mine.get(key), theirs.get(key)
            if a != b:
                out.append(f"{ruleset} {label} {key[0]} on {key[1]}: native {tri_name(a)}, "
                           f"durable-rules {tri_name(b)}")
    held = {key for key, value in native.rules.items() if value is True}
    for rule_id, name, frame in sorted(held ^ durable.fired_rules):
        side = "native only" if (rule_id, name, frame) in held else "durable-rules only"
        out.append(f"{ruleset} rule {rule_id} ({name}) on {frame} held for the {side}")
    return out


class Engine:
    """Loaded, compiled rulesets and the evaluators that run them. Reusable and thread-safe."""

    def __init__(self, rulesets: Sequence[CompiledRuleset] | None = None,
                 rulesets_root: Path | None = None) -> None:
        # The cache's key of the rulesets, when they come from it: durable-rules' rules are kept beside them.
        self._cache_key: str | None = None
        if rulesets is None:
            root = rulesets_root or rulesets_dir()
            self._cache_key = rulesets_key(root)
            rulesets = load_rulesets_cached(root, self._cache_key)
        self.rulesets = tuple(r for r in rulesets if r.conclusions or r.deadlines)
        self.all_rulesets = tuple(rulesets)
        # Which instrument of each line governed a date; an engine on some rulesets sees part of a line.
        self.chains = build_chains(self.all_rulesets, partial=True)
        # The evaluators run conclusions; rulesets of deadlines alone need neither.
        self._concluding = tuple(r for r in self.rulesets if r.conclusions)
        self._programs: dict[str, NativeProgram] = {r.id: compile_native(r) for r in self._concluding}
        for program in self._programs.values():
            register(program)  # so decisions pickled elsewhere (evaluate_many's workers) explain here
        self._durable: _durable.DurableAdapter | None = None
        self._bulk_program: BulkProgram | None = None
        self._last_as_of: tuple[datetime | None, date] = (None, date.min)
        self._pools: Pools | None = None
        self._pools_lock = threading.Lock()

    @property
    def cache_key(self) -> str | None:
        """The compile cache's key of the rulesets this engine loaded (None: not loaded through the cache)."""
        return self._cache_key

    def durable(self) -> _durable.DurableAdapter:
        """The durable-rules adapter, built on first use (raises if unavailable)."""
        if self._durable is None:
            self._durable = _durable.DurableAdapter(self._concluding, self._cache_key)
        return self._durable

    @property
    def _bulk(self) -> BulkProgram:
        """The bulk function of every concluding ruleset (those it cannot read go through frames), built on first use."""
        if self._bulk_program is None:
            from .bulk import BulkProgram  # noqa: PLC0415 - a single decision never needs it

            self._bulk_program = BulkProgram(self._concluding)
        return self._bulk_program

    def ruleset(self, ruleset_id: str) -> CompiledRuleset:
        """A loaded ruleset by id."""
        for ruleset in self.all_rulesets:
            if ruleset.id == ruleset_id:
                return ruleset
        known = ", ".join(r.id for r in self.all_rulesets)
        raise InputError(f"unknown ruleset {ruleset_id!r}; loaded: {known}")

    def values(self, case: CaseFacts, as_of: datetime | None = None,
               interpretations: Interpretations | None = None) -> dict[tuple[str, str, str], bool | None]:
        """Fast path for bulk work: native conclusion values only, keyed (ruleset, conclusion, subject)."""
        as_of = as_of or _now()
        interpretations = interpretations or _DEFAULT_READINGS
        last = self._last_as_of  # a batch asks as of one instant: its local day is worked out once
        if last[0] is not as_of:
            last = self._last_as_of = (as_of, local(as_of).date())
        out: dict[tuple[str, str, str], bool | None] = {}
        program = self._bulk
        program.run(case, out, last[1], age_function(interpretations), interpretations.minor_suspect)
        if program.unsupported:
            self._frame_values(case, as_of, interpretations, out, program.unsupported)
        return out

    def _frame_values(self, case: CaseFacts, as_of: datetime, interpretations: Interpretations,
                      out: dict[tuple[str, str, str], bool | None], ruleset_ids: Iterable[str]) -> None:
        """The values of the rulesets the bulk function cannot read, through frames."""
        frames = build_frames(case, as_of, interpretations)
        for ruleset in self._concluding:
            if ruleset.id not in ruleset_ids or _organ_scope(ruleset, case.case.handling_organ)[0] is not None:
                continue
            encoded, _ = run_encoded(self._programs[ruleset.id], _select(ruleset, frames).frames)
            for (name, frame_id), value in encoded.items():
                out[(ruleset.id, name, frame_id)] = TRI[value]

    def evaluate(self, case: CaseFacts, as_of: datetime | None = None,
                 interpretations: Interpretations | None = None,
                 engine: EngineMode = "both", holiday_file: Path | HolidayFile | None = None,
                 cross_check: CrossCheck | None = None, explanations: ExplanationMode = "lazy") -> Decision:
        """Evaluate a case against every loaded ruleset: explained conclusions, judged deadlines.

        `holiday_file` (YAML of holidays and adjusted working days, or that data already read
        as a `HolidayFile`) takes precedence over the bundled calendar for the days it covers.
        `cross_check` says whether, with `engine="both"`, durable-rules re-derives this case's
        values (default: every case); the decision records the setting and, in `engine.ran`,
        whether it ran. Each rule's
        explanation is built when first read or serialized (`explanations="eager"`: at once;
        the same objects and JSON either way).
        """
        as_of = as_of or _now()
        warnings = naive_warnings(case) + chinese_term_notes(case)
        if as_of.tzinfo is None:
            as_of = as_of.replace(tzinfo=LOCAL_ZONE)
            warnings.append("as_of: no UTC offset given; read as Asia/Shanghai local time (+08:00)")
        try:  # every front end (CLI, service, batch, the API) meets the same supported range
            supported(as_of)
        except ValueError as exc:
            raise InputError(f"as_of: received {as_of.isoformat()}; expected {exc}") from None
        interpretations = interpretations or _DEFAULT_READINGS
        frames = build_frames(case, as_of, interpretations)
        warnings += [note for frame in frames for note in frame.notes]
        ran, note = _engines_to_run(engine)
        checking = _cross_check(engine, cross_check)
        if engine == "both" and "durable" in ran and not checking.selects(case):
            ran = ["native"]
        uses, outcomes, differences = [], [], []
        deadlines = CaseDeadlines(case, frames[0].facts, as_of, interpretations, holiday_file)
        problems = unattached_exceptions(self.rulesets, case)
        if problems:
            raise CaseFileError(f"case {case.case.id}", problems)
        for ruleset in self.rulesets:
            excluded, organ_note = _organ_scope(ruleset, case.case.handling_organ)
            warnings += [organ_note] if organ_note else []
            selection = _select(ruleset, frames)
            if excluded is not None:
                uses.append(_use(ruleset, selection, None))
                continue
            # A case dated outside the instrument's window needs none of its clocks started.
            # (Dated by the case frame itself: a ruleset without case-scope conclusions has it in no selection.)
            case_outside = not ruleset.in_force_on(frames[0].date)
            found = deadlines.run(ruleset, list_not_started=not case_outside)
            uses.append(_use(ruleset, selection, found))
            if not ruleset.conclusions:
                continue
            native = run_native(self._programs[ruleset.id], selection.frames)
            if "durable" in ran:
                durable = self.durable().run(ruleset.id, selection.frames)
                differences += _differences(ruleset.id, native, durable)
                if "native" not in ran:
                    native = _durable_values(native, durable)
            outcomes += conclusion_outcomes(ruleset, self._programs[ruleset.id], selection.frames, native,
                                            explanations)
        if differences:
            raise EngineDisagreement(differences)
        both = "native" in ran and "durable" in ran
        return made(Decision,
            case_id=case.case.id, as_of=as_of, rulesets=uses,
            engine=made(EngineReport, requested=engine, ran=ran, agreed=True if both else None, note=note,
                        cross_check=checking.mode,
                        cross_check_fraction=None if checking.fraction is None else float(checking.fraction)),
            interpretations=[made(InterpretationUse, name=n, value=v, text=t)
                             for n, v, t in describe(interpretations)],
            warnings=warnings + deadlines.warnings(), conclusions=outcomes,
            deadlines=deadlines.outcomes(), deadlines_not_started=deadlines.not_started,
            violations=deadlines.violations(), holiday_data=deadlines.holiday_data(),
            governing=governing_instruments(self.chains, frames, case),
        )


    @overload
    def evaluate_many(self, cases: Iterable[CaseFacts], *, workers: int | None = ..., as_of: datetime | None = ...,
                      interpretations: Interpretations | None = ..., engine: EngineMode = ...,
                      cross_check: CrossCheck | None = ..., holiday_file: Path | None = ...,
                      chunk_size: int = ..., errors: Literal["raise"] = ...,
                      as_json: Literal[False] = ...) -> Iterator[Decision]: ...

    @overload
    def evaluate_many(self, cases: Iterable[CaseFacts], *, workers: int | None = ..., as_of: datetime | None = ...,
                      interpretations: Interpretations | None = ..., engine: EngineMode = ...,
                      cross_check: CrossCheck | None = ..., holiday_file: Path | None = ...,
                      chunk_size: int = ..., errors: Literal["raise"] = ..., as_json: Literal[True]) -> Iterator[str]: ...

    @overload
    def evaluate_many(self, cases: Iterable[CaseFacts], *, workers: int | None = ..., as_of: datetime | None = ...,
                      interpretations: Interpretations | None = ..., engine: EngineMode = ...,
                      cross_check: CrossCheck | None = ..., holiday_file: Path | None = ...,
                      chunk_size: int = ..., errors: OnError, as_json: bool = ...,
                      ) -> Iterator[Decision | str | LegalRulesError]: ...

    def evaluate_many(self, cases: Iterable[CaseFacts], *, workers: int | None = None, as_of: datetime | None = None,
                      interpretations: Interpretations | None = None, engine: EngineMode = "both",
                      cross_check: CrossCheck | None = None, holiday_file: Path | None = None,
                      chunk_size: int = 16, errors: OnError = "raise",
                      as_json: bool = False) -> Iterator[Decision | str | LegalRulesError]:
        """Evaluate many cases on `workers` processes; the decisions come back in the order of `cases`.

        engine.evaluate_many(cases, *, workers=None, as_of=None, interpretations=None,
                             engine="both", cross_check=None, holiday_file=None,
                             chunk_size=16, errors="raise", as_json=False) -> Iterator[Decision]

        - `cases`: any iterable of CaseFacts, read lazily (at most two chunks per worker
          are in flight, so a stream of a million cases runs in constant memory).
        - `workers`: processes, each with its own Engine built once from this engine's
          compiled rulesets and kept for later calls (`close()` stops them); None: one per
          core; 1: in this process, no pool.
        - `as_of`: one instant for the whole batch (default: now, taken once).
        - `interpretations`, `engine`, `holiday_file`: as for `evaluate`, for every case.
        - `cross_check`: `CrossCheck.every()` (the default), `CrossCheck.sample(0.01)` (the
          cases whose content hash falls in the lowest 1%: a rerun checks the same ones) or
          `CrossCheck.off()`; recorded in each decision.
        - `errors="raise"` raises the first case's error (a disagreement, a bad holiday
          file) when its turn comes; `errors="return"` yields the LegalRulesError in that
          case's place and goes on.
        - `as_json=True` yields each decision as its compact JSON text
          (`model_dump_json()`), made in the worker: the fastest way to write decisions
          out, since a Decision object costs more to send between processes than its JSON.

        Each decision is the one `evaluate` gives for the same case and settings.
        """
        from .workers import BatchSettings, evaluate_many  # noqa: PLC0415 - multiprocessing only when asked

        settings = BatchSettings(as_of or _now(), interpretations, engine, cross_check, holiday_file, as_json)
        return evaluate_many(self, cases, settings, workers, chunk_size, errors)

    def worker_pool(self, workers: int) -> WorkerPool:
        """This engine's pool of `workers` processes, started on first use (see `evaluate_many`)."""
        from .workers import Pools  # noqa: PLC0415

        with self._pools_lock:
            if self._pools is None:
                self._pools = Pools()
        return self._pools.get(self.all_rulesets, workers)

    def close(self) -> None:
        """Stop the worker processes of `evaluate_many`, if any (the engine stays usable)."""
        if self._pools is not None:
            self._pools.close()


Evaluator = Literal["native", "durable"]
_EVALUATORS: dict[EngineMode, tuple[Evaluator, ...]] = {
    "both": ("native", "durable"), "native": ("native",), "durable": ("durable",),
}


def _engines_to_run(engine: EngineMode) -> tuple[list[Evaluator], str | None]:
    """Which evaluators answer, and a note when durable-rules cannot (Python 3.13+)."""
    if engine == "native":
        return ["native"], None  # durable-rules is not even imported
    if not _durable.AVAILABLE:
        if engine == "durable":
            raise InputError(f"--engine durable: durable-rules is not available ({_durable.UNAVAILABLE_REASON})")
        return ["native"], (f"durable-rules is not available ({_durable.UNAVAILABLE_REASON}); "
                            "the native evaluator answered alone")
    return list(_EVALUATORS[engine]), None


def _cross_check(engine: EngineMode, requested: CrossCheck | None) -> CrossCheck:
    """The cross-check in effect: as asked with `both`; `native` checks nothing; `durable` is checked always."""
    if engine == "native":
        return CrossCheck.off()
    if engine == "durable" or requested is None:
        return CrossCheck.every()
    return requested


def _durable_values(native: NativeResult, durable: _durable.DurableResult) -> NativeResult:
    """durable-rules' values over the native result's keys: what did not fire is undetermined."""
    return NativeResult(
        {key: durable.conclusions.get(key) for key in native.conclusions},
        native.rules,
        {key: durable.compliance.get(key) for key in native.compliance},
    )


def _use(ruleset: CompiledRuleset, selection: _Selection, deadlines: DeadlineResults | None) -> RulesetUse:
    """The decision's record of one ruleset: which version, and what it did and did not cover."""
    instrument = ruleset.instrument
    applied = [f.id for f in selection.frames]
    not_applied = list(selection.not_applied)
    if deadlines is not None:
        applied += sorted({o.subject for o in deadlines.outcomes} - set(applied))
        not_applied += deadlines.not_applied
    return made(RulesetUse,
        id=ruleset.id, title_en=instrument.title.en, title_zh=instrument.title.zh,
        document_number=instrument.document_number, version=ruleset.version,
        effective_from=instrument.effective_from, effective_until=instrument.effective_until,
        applied_to=applied, not_applied=not_applied,
    )


def _now() -> datetime:
    return datetime.now(timezone.utc).astimezone(LOCAL_ZONE).replace(microsecond=0)
