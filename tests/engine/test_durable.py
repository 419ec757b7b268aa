"""The durable-rules adapter: isolated sessions, the traps of shared/notes, threads."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from legalrules import Engine, EngineFailure, parse_case
from legalrules.engine.durable import DurableAdapter
from legalrules.engine.durable_patterns import alternatives
from legalrules.engine.frames import build_frames
from legalrules.interpretations import Interpretations
from legalrules.ruleformat.loader import load_ruleset

from ..conftest import AS_OF, FIXTURES, ROOT, run_in_threads

pytest.importorskip("durable.engine", reason="durable-rules cannot be installed on this Python")

CASE = """
case: {id: D-1, proceeding: criminal}
offences: [{charge: theft, statutory_max: 10, intentional: true}]
suspect: {blind: false}
interrogations:
  - {start: "2024-03-01T09:00:00+08:00", place: detention_house, recorded: false,
     interruptions: [{reason: storage_full}]}
"""


@pytest.fixture(scope="module")
def av() -> DurableAdapter:
    return DurableAdapter([load_ruleset(ROOT / "rulesets" / "av_2014")])


def _frames(text: str) -> list:  # type: ignore[type-arg]
    return build_frames(parse_case(text, "t.yaml"), AS_OF, Interpretations())


def test_more_runs_than_the_session_cap_still_answer(av: DurableAdapter) -> None:
    """2,000 runs in one process (the cap is 1,024 live sessions) all give the same answer."""
    frames = _frames(CASE)
    first = av.run("av_2014", frames)
    assert first.conclusions, "the case must establish something"
    for _ in range(2000):
        assert av.run("av_2014", frames).conclusions == first.conclusions


def test_no_session_survives_a_run(av: DurableAdapter) -> None:
    """After a run the session is deleted: its facts are gone."""
    av.run("av_2014", _frames(CASE))
    compiled = av._compiled["av_2014"]
    with pytest.raises(Exception):
        av._host.get_facts(compiled.name, "legalrules")


def test_a_frame_matching_no_rule_is_an_ordinary_answer(av: DurableAdapter) -> None:
    """A frame with no known fact fires no legal rule, yet runs and deletes its session safely."""
    frames = _frames("case: {id: X}\ninterrogations: [{}]\n")
    empty = replace(frames[1], facts={}, offences=None)
    result = av.run("av_2014", [empty])
    assert result.conclusions == {} and result.fired_rules == set()
    assert av.run("av_2014", _frames(CASE)).conclusions  # the adapter still works


def test_a_duplicate_fact_is_a_clear_error_and_harmless(av: DurableAdapter) -> None:
    """Asserting the same frame twice raises EngineFailure; the next run is unaffected."""
    frames = _frames(CASE)
    with pytest.raises(EngineFailure, match="durable-rules failed"):
        av.run("av_2014", [frames[1], frames[1]])
    assert av.run("av_2014", frames).conclusions == av.run("av_2014", frames).conclusions


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({f"suspect.x{i}": True for i in range(300)}, "properties"),
        ({"suspect.note": "x" * 5000}, "characters"),
        ({"suspect.age_at_interrogation": 1.5e-7}, "exponent"),
    ],
)
def test_an_oversized_or_unparseable_fact_is_a_clear_error(av: DurableAdapter, facts: dict, message: str) -> None:  # type: ignore[type-arg]
    """Facts durable-rules would crash or misread on are refused before asserting."""
    frames = _frames(CASE)
    bad = replace(frames[1], facts={**frames[1].facts, **facts})
    with pytest.raises(EngineFailure, match=message):
        av.run("av_2014", [bad])
    assert av.run("av_2014", frames).conclusions


def test_threads_give_the_same_answers_as_one_at_a_time() -> None:
    """Eight threads evaluating at once agree with sequential evaluation, case by case."""
    engine = Engine()
    texts = [CASE.replace("statutory_max: 10", f"statutory_max: {years}") for years in range(0, 26)]
    cases = [parse_case(t, "t.yaml") for t in texts]
    expected = [engine.evaluate(c, as_of=AS_OF).model_dump_json() for c in cases]
    errors: list[str] = []

    def work(offset: int) -> None:
        # Each thread starts at its own case, so different cases run at once (one pass each:
        # three passes took 20 s of the suite and found nothing one does not).
        for index in range(len(cases)):
            j = (index + offset) % len(cases)
            got = engine.evaluate(cases[j], as_of=AS_OF).model_dump_json()
            if got != expected[j]:
                errors.append(f"thread {offset} case {j} differs")

    run_in_threads(work)
    assert errors == []


def test_conditions_with_conclusions_multiply_out_only_where_needed() -> None:
    """A rule reading a conclusion inside an `any` becomes one join per alternative."""
    ruleset = load_ruleset(FIXTURES / "rulesets" / "mini")
    rec = next(c for c in ruleset.conclusions if c.name == "recording_required")
    alts = alternatives(rec.rules[0].condition)
    assert len(alts) == 2
    assert sorted(len(refs) for _, refs in alts) == [0, 1]


def test_every_offence_with_a_mixed_or_body_is_decided(av: DurableAdapter) -> None:
    """A negligent crime with a 10-year maximum is definitely not a major case on durable-rules too.

    Regression: `$or` across different properties inside `$iall` never matches in
    durable-rules, which left this false conclusion undetermined.
    """
    frames = _frames("""
case: {id: N, proceeding: criminal}
offences:
  - {charge: x, statutory_max: 10, intentional: false, endangers_public_safety: false,
     seriously_infringes_personal_rights: false, caused_serious_injury_or_death: false,
     organised_crime: false, serious_drug_crime: false}
interrogations: [{start: "2024-03-01T09:00:00+08:00", place: detention_house}]
""")
    assert av.run("av_2014", frames).conclusions[("major_case", "interrogations[0]")] is False


_WIDE_FLAGS = ["blind", "deaf", "mute", "can_read", "pregnant", "breastfeeding", "seriously_ill",
               "identity_unknown", "holds_valid_exit_document"]


def _wide_ruleset(root: Path) -> Path:
    """A ruleset whose one conclusion has nine rules: its complement needs 19 $and/$or nodes."""
    directory = root / "wide"
    directory.mkdir()
    (directory / "ruleset.yaml").write_text(
        "id: wide\ntitle: {en: W, zh: 宽}\ndocument_number: W1\nissuing_body: {en: T, zh: 测}\n"
        "issued: 2020-01-01\neffective_from: 2020-01-01\nsource: none\nquote_language: en\n"
        "rule_files: [ch1.yaml]\n", encoding="utf-8")
    (directory / "parameters.yaml").write_text("parameters: {}\n", encoding="utf-8")
    (directory / "conclusions.yaml").write_text(
        "conclusions:\n  flagged: {scope: case, kind: finding, title: A flag is set for a mid-level deputy}\n",
        encoding="utf-8")
    rules = "".join(
        f"  - id: wide.art{n}\n    title: flag {name}\n    citation: {{article: {n}}}\n    quote: q\n"
        f"    when: {{all: [{{fact: suspect.congress_deputy, in: [county, city, province]}}, "
        f"{{fact: suspect.{name}, is: true}}]}}\n"
        f"    then: [{{conclusion: flagged, reason: r}}]\n"
        for n, name in enumerate(_WIDE_FLAGS, start=1))
    (directory / "ch1.yaml").write_text(f"chapter: {{number: 1, title: {{en: W, zh: 宽}}}}\nrules:\n{rules}",
                                        encoding="utf-8")
    articles = "".join(f"  {n}: {{status: encoded, summary: s, rules: [wide.art{n}]}}\n"
                       for n in range(1, len(_WIDE_FLAGS) + 1))
    (directory / "articles.yaml").write_text(f"article_count: {len(_WIDE_FLAGS)}\narticles:\n{articles}",
                                             encoding="utf-8")
    return root


@pytest.mark.parametrize(("suspect", "expected"), [
    ({name: False for name in _WIDE_FLAGS} | {"congress_deputy": "city"}, "false"),
    ({name: False for name in _WIDE_FLAGS[:-1]} | {"congress_deputy": "city"}, "undetermined"),
    ({"congress_deputy": "national"}, "false"),
    ({"congress_deputy": "county", "seriously_ill": True}, "true"),
])
def test_a_frame_test_too_wide_for_one_pattern_is_split_into_helper_facts(
        tmp_path: Path, suspect: dict[str, object], expected: str) -> None:
    """durable-rules holds 15 $and/$or nodes per pattern; a wider complement still builds and agrees."""
    engine = Engine(rulesets_root=_wide_ruleset(tmp_path))
    case = parse_case("case: {id: W}\nsuspect: " + repr(suspect).replace("'", "") + "\n"
                      "interrogations: [{start: '2024-03-01T09:00:00+08:00'}]\n", "w.yaml")
    assert any(step[0] == "helper" for step in engine.durable()._network("wide").network.steps.values())
    decision = engine.evaluate(case, as_of=AS_OF, engine="both")
    assert decision.engine.agreed is True
    assert decision.find("flagged", "case", "wide").value == expected


def test_a_conclusion_read_twice_in_one_alternative_is_joined_once(tmp_path: Path) -> None:
    """Two rules both needing `base`: their complement reads `base is false` twice, and still fires."""
    directory = tmp_path / "twice"
    directory.mkdir()
    (directory / "ruleset.yaml").write_text(
        "id: twice\ntitle: {en: T, zh: 二}\ndocument_number: T1\nissuing_body: {en: T, zh: 测}\n"
        "issued: 2020-01-01\neffective_from: 2020-01-01\nsource: none\nquote_language: en\n"
        "rule_files: [ch1.yaml]\n", encoding="utf-8")
    (directory / "parameters.yaml").write_text("parameters: {}\n", encoding="utf-8")
    (directory / "conclusions.yaml").write_text(
        "conclusions:\n  base: {scope: case, kind: finding, title: b}\n"
        "  flagged: {scope: case, kind: finding, title: f}\n", encoding="utf-8")
    (directory / "ch1.yaml").write_text(
        "chapter: {number: 1, title: {en: T, zh: 二}}\nrules:\n"
        "  - {id: twice.art1, title: b, citation: {article: 1}, quote: q, when: {fact: suspect.blind, is: true},"
        " then: [{conclusion: base, reason: r}]}\n"
        "  - {id: twice.art2, title: d, citation: {article: 2}, quote: q,"
        " when: {all: [{conclusion: base}, {fact: suspect.deaf, is: true}]}, then: [{conclusion: flagged, reason: r}]}\n"
        "  - {id: twice.art3, title: m, citation: {article: 3}, quote: q,"
        " when: {all: [{conclusion: base}, {fact: suspect.mute, is: true}]}, then: [{conclusion: flagged, reason: r}]}\n",
        encoding="utf-8")
    (directory / "articles.yaml").write_text(
        "article_count: 3\narticles:\n" + "".join(
            f"  {n}: {{status: encoded, summary: s, rules: [twice.art{n}]}}\n" for n in (1, 2, 3)), encoding="utf-8")
    engine = Engine(rulesets_root=tmp_path)
    case = parse_case("case: {id: T}\nsuspect: {blind: false}\n", "t.yaml")
    decision = engine.evaluate(case, as_of=AS_OF, engine="both")
    assert decision.engine.agreed is True
    assert decision.find("flagged", "case", "twice").value == "false"


def test_a_frame_passing_the_first_test_of_many_rules_does_not_overflow_the_alpha_stack(tmp_path: Path) -> None:
    """Over 100 rules whose first tests all hold: durable-rules' 64-node stack holds, and the values agree."""
    from legalrules.ruleformat.catalog import CATALOG

    flags = [name for name, spec in CATALOG.items() if spec.type == "bool" and spec.scope == "case"
             and name.split(".")[0] in ("suspect", "circumstances")]
    tests = [f"{{fact: {flag}, {test}}}" for flag in flags for test in ("is: true", "ne: false")]
    assert len(tests) > 100
    directory = tmp_path / "many"
    directory.mkdir()
    (directory / "ruleset.yaml").write_text(
        "id: many\ntitle: {en: M, zh: 多}\ndocument_number: M1\nissuing_body: {en: T, zh: 测}\n"
        "issued: 2020-01-01\neffective_from: 2020-01-01\nsource: none\nquote_language: en\n"
        "rule_files: [ch1.yaml]\n", encoding="utf-8")
    (directory / "parameters.yaml").write_text("parameters: {}\n", encoding="utf-8")
    (directory / "conclusions.yaml").write_text(
        "conclusions:\n" + "".join(f"  c{n}: {{scope: case, kind: finding, title: t}}\n" for n in range(len(tests))),
        encoding="utf-8")
    (directory / "ch1.yaml").write_text(
        "chapter: {number: 1, title: {en: M, zh: 多}}\nrules:\n" + "".join(
            f"  - {{id: many.art{n + 1}, title: t, citation: {{article: {n + 1}}}, quote: q,"
            f" when: {test}, then: [{{conclusion: c{n}, reason: r}}]}}\n"
            for n, test in enumerate(tests)), encoding="utf-8")
    (directory / "articles.yaml").write_text(
        f"article_count: {len(tests)}\narticles:\n" + "".join(
            f"  {n}: {{status: encoded, summary: s, rules: [many.art{n}]}}\n" for n in range(1, len(tests) + 1)),
        encoding="utf-8")
    engine = Engine(rulesets_root=tmp_path)
    given = {group: ", ".join(f"{flag.split('.')[1]}: true" for flag in flags if flag.startswith(group + "."))
             for group in ("suspect", "circumstances")}
    case = parse_case(f"case: {{id: M}}\nsuspect: {{{given['suspect']}}}\n"
                      f"circumstances: {{{given['circumstances']}}}\n", "m.yaml")
    decision = engine.evaluate(case, as_of=AS_OF, engine="both")
    assert decision.engine.agreed is True
    assert {c.value for c in decision.conclusions if c.ruleset == "many"} == {"true"}


def test_a_ruleset_is_handed_to_durable_rules_only_when_a_case_needs_it() -> None:
    """A 2024 case never builds the 1999 procuratorate rules' network; a 2010 case does."""
    engine = Engine()
    later = parse_case("case: {id: L}\ninterrogations: [{start: '2024-03-01T09:00:00+08:00'}]\n", "l.yaml")
    engine.evaluate(later, as_of=AS_OF, engine="both")
    assert "av_2014" in engine.durable()._compiled and "procuratorate_1999" not in engine.durable()._compiled
    earlier = parse_case("case: {id: E, handling_organ: procuratorate}\n"
                         "interrogations: [{start: '2010-03-01T09:00:00+08:00'}]\n", "e.yaml")
    decision = engine.evaluate(earlier, as_of=AS_OF, engine="both")
    assert "procuratorate_1999" in engine.durable()._compiled and decision.engine.agreed is True


def test_durable_rules_networks_are_kept_in_the_compile_cache_equal_to_fresh_ones() -> None:
    """An engine loaded from the compile cache keeps each ruleset's durable-rules rules beside it:
    a later engine takes them from there (never building them) and they equal freshly built ones."""
    from legalrules.engine.durable_network import build_network
    from legalrules.ruleformat.cache import cached

    first = Engine()
    assert first._cache_key is not None  # the suite runs with a cache directory of its own
    built = {r.id: first.durable()._network(r.id).network for r in first._concluding}

    def never() -> object:
        raise AssertionError("built again")

    for ruleset in Engine()._concluding:
        kept = cached("durable", f"{first._cache_key}\0{ruleset.id}", never)
        assert kept == built[ruleset.id] == build_network(ruleset)
