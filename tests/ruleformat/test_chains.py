"""Supersession chains: the bundled lines are whole, and a broken link fails the load naming file and field."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from legalrules.errors import RulesetError
from legalrules.ruleformat.chains import build_chains
from legalrules.ruleformat.loader import load_rulesets

from ..conftest import ROOT

BUNDLED = ROOT / "rulesets"


def _chain(chain_id: str):  # type: ignore[no-untyped-def]
    return next(c for c in build_chains(load_rulesets(BUNDLED)) if c.id == chain_id)


def test_the_procuratorate_rules_run_1999_2012_2019_without_a_gap() -> None:
    """procuratorate_1999 -> spp_2012 -> spp_2019, each beginning the day after the last ends."""
    chain = _chain("procuratorate_rules")
    assert [(e.instrument, e.ruleset) for e in chain.entries] == [
        ("procuratorate_1999", "procuratorate_1999"), ("spp_2012", "spp_2012"), ("spp_2019", "spp_2019")]
    assert chain.on(date(2012, 12, 31)).instrument == "procuratorate_1999"  # type: ignore[union-attr]
    assert chain.on(date(2013, 1, 1)).instrument == "spp_2012"  # type: ignore[union-attr]
    assert chain.on(date(2019, 12, 29)).instrument == "spp_2012"  # type: ignore[union-attr]
    assert chain.on(date(2019, 12, 30)).instrument == "spp_2019"  # type: ignore[union-attr]
    assert chain.on(date(1999, 1, 17)) is None


def test_the_cpl_before_2018_is_named_and_not_encoded() -> None:
    """crim_proc (2018) follows the 2012 and 1996 texts, which the chain names without rulesets."""
    chain = _chain("criminal_procedure_law")
    assert [(e.instrument, e.ruleset) for e in chain.entries] == [
        ("cpl_1996", None), ("cpl_2012", None), ("crim_proc", "crim_proc")]
    assert chain.on(date(2018, 10, 25)).instrument == "cpl_2012"  # type: ignore[union-attr]
    assert chain.on(date(2018, 10, 26)).instrument == "crim_proc"  # type: ignore[union-attr]
    assert chain.on(date(2012, 12, 31)).instrument == "cpl_1996"  # type: ignore[union-attr]
    assert chain.on(date(1996, 12, 31)) is None


def _copy(tmp_path: Path, *names: str) -> Path:
    for name in names:
        shutil.copytree(BUNDLED / name, tmp_path / name, ignore=shutil.ignore_patterns("scenarios"))
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_link_not_named_back_fails_naming_the_file_and_field(tmp_path: Path) -> None:
    """spp_2019 names spp_2012 as superseded, but spp_2012 no longer names spp_2019 as its successor."""
    root = _copy(tmp_path, "procuratorate_1999", "spp_2012", "spp_2019")
    _edit(root / "spp_2012" / "ruleset.yaml", "effective_until: 2019-12-29\n", "effective_until: null\n")
    _edit(root / "spp_2012" / "ruleset.yaml", "superseded_by: [spp_2019]", "superseded_by: []")
    with pytest.raises(RulesetError, match=r"spp_2019/ruleset.yaml: supersedes\[0\]: names 'spp_2012', but "
                                          r"spp_2012's superseded_by does not name 'spp_2019'"):
        load_rulesets(root)


def test_a_gap_between_two_windows_fails_with_the_expected_day(tmp_path: Path) -> None:
    """spp_2012 ending a day early leaves 2019-12-29 to no one: the loader names the day expected."""
    root = _copy(tmp_path, "procuratorate_1999", "spp_2012", "spp_2019")
    _edit(root / "spp_2012" / "ruleset.yaml", "effective_until: 2019-12-29", "effective_until: 2019-12-28")
    with pytest.raises(RulesetError, match=r"spp_2012/ruleset.yaml: superseded_by\[0\]: spp_2019 begins "
                                          r"2019-12-30, expected 2019-12-29"):
        load_rulesets(root)


def test_an_unknown_successor_fails_listing_the_loaded_rulesets(tmp_path: Path) -> None:
    """A ruleset named as successor must be loaded; the message says how to name an instrument not encoded."""
    root = _copy(tmp_path, "procuratorate_1999")
    with pytest.raises(RulesetError, match=r"superseded_by\[0\]: names 'spp_2012', which is not a loaded ruleset "
                                          r"\(loaded: procuratorate_1999\)"):
        load_rulesets(root)


def test_an_unencoded_predecessor_must_end_the_day_before(tmp_path: Path) -> None:
    """The CPL 2012 amendment ending on 2018-10-24 would leave a day of no CPL: refused."""
    root = _copy(tmp_path, "crim_proc")
    _edit(root / "crim_proc" / "ruleset.yaml", "effective_until: 2018-10-25", "effective_until: 2018-10-24")
    with pytest.raises(RulesetError, match=r"supersedes\[0\]: cpl_2012 ends 2018-10-24, expected 2018-10-25"):
        load_rulesets(root)


def test_a_partial_set_ends_the_chain_at_what_is_loaded() -> None:
    """An engine built on one ruleset sees its own part of the chain; links to the others are not errors."""
    rulesets = [r for r in load_rulesets(BUNDLED) if r.id == "spp_2012"]
    (chain,) = build_chains(rulesets, partial=True)
    assert [e.instrument for e in chain.entries] == ["spp_2012"]
