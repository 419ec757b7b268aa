"""The compiled-ruleset cache: it returns what a fresh load returns, and never changes an answer."""

from __future__ import annotations

import marshal
import pickle
import shutil
from pathlib import Path

import pytest

from legalrules import RulesetError, load_rulesets
from legalrules.ruleformat.cache import cache_dir, compile_source, load_rulesets_cached, open_entry, seal_entry

from ..conftest import FIXTURES, ROOT


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory for this test."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("LEGALRULES_CACHE_DIR", str(directory))
    monkeypatch.delenv("LEGALRULES_NO_CACHE", raising=False)
    return directory


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the mini ruleset under its own root."""
    target = tmp_path / "rulesets"
    shutil.copytree(FIXTURES / "rulesets", target)
    return target


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("rulesets-*.pickle"))


def _payload(entry: Path) -> bytes:
    payload = open_entry(entry.name, entry.read_bytes())
    assert payload is not None, f"{entry} is not a sealed entry"
    return payload


def _summary(rulesets: tuple[object, ...]) -> list[tuple[str, str, list[str], list[str]]]:
    return [(r.id, r.version, [rule.id for rule in r.rules], [rule.condition.text() for rule in r.rules])  # type: ignore[attr-defined]
            for r in rulesets]


def test_a_cached_load_equals_a_fresh_load_of_the_bundled_rulesets(cache: Path) -> None:
    """The first load stores the compiled rulesets; the second reads them back unchanged."""
    fresh = load_rulesets(ROOT / "rulesets")
    first = load_rulesets_cached(ROOT / "rulesets")
    assert len(_entries(cache)) == 1
    second = load_rulesets_cached(ROOT / "rulesets")
    assert _summary(first) == _summary(second) == _summary(fresh)
    assert [r.articles for r in second] == [r.articles for r in fresh]
    assert [r.parameter_values for r in second] == [r.parameter_values for r in fresh]


def test_the_cache_is_read_when_the_content_is_unchanged(cache: Path, root: Path) -> None:
    """An entry under the current key is what a load returns (so a hit skips the loader)."""
    load_rulesets_cached(root)
    [entry] = _entries(cache)
    stored = pickle.loads(_payload(entry))
    marked = (stored[0].__class__(**{**stored[0].__dict__, "version": "sha256:from-the-cache"}),)
    entry.write_bytes(seal_entry(entry.name, pickle.dumps(marked)))
    assert load_rulesets_cached(root)[0].version == "sha256:from-the-cache"


def test_editing_a_ruleset_file_misses_the_cache(cache: Path, root: Path) -> None:
    """A changed rule file gives a new key, a fresh load and the new version."""
    before = load_rulesets_cached(root)[0]
    path = root / "mini" / "ch1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    after = load_rulesets_cached(root)[0]
    assert after.version != before.version
    assert len(_entries(cache)) == 2


def test_a_corrupt_entry_is_ignored_and_replaced(cache: Path, root: Path) -> None:
    """Garbage in the cache file means a fresh load, then a good entry again."""
    expected = _summary(load_rulesets_cached(root))
    [entry] = _entries(cache)
    entry.write_bytes(b"not a pickle")
    assert _summary(load_rulesets_cached(root)) == expected
    assert pickle.loads(_payload(entry))[0].id == "mini"


def test_a_broken_ruleset_is_never_cached(cache: Path, root: Path) -> None:
    """A ruleset that fails to load raises every time, and leaves nothing in the cache."""
    path = root / "mini" / "ruleset.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: mini", "id: maxi"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RulesetError):
            load_rulesets_cached(root)
    assert _entries(cache) == []


def test_an_unwritable_cache_still_loads(tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache path that cannot be a directory (it is a file) just means no cache."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache directory would be", encoding="utf-8")
    monkeypatch.setenv("LEGALRULES_CACHE_DIR", str(blocker / "cache"))
    assert load_rulesets_cached(root)[0].id == "mini"


def test_the_cache_can_be_turned_off(cache: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """LEGALRULES_NO_CACHE=1: no cache directory, nothing written."""
    monkeypatch.setenv("LEGALRULES_NO_CACHE", "1")
    assert cache_dir() is None
    assert load_rulesets_cached(root)[0].id == "mini"
    assert not cache.exists()


def test_generated_code_is_compiled_once_and_a_damaged_entry_is_recompiled(cache: Path) -> None:
    """compile_source keeps marshalled code per source; a corrupt file is ignored, never trusted."""
    source = "def f(x):\n    return x * 2 + 1\n"
    first = compile_source(source, "<test>")
    [entry] = sorted((cache / "code").glob("*.marshal"))
    entry.write_bytes(b"not marshal data")
    namespace: dict[str, object] = {}
    exec(compile_source(source, "<test>"), namespace)  # noqa: S102
    assert namespace["f"](20) == 41  # type: ignore[operator]
    assert marshal.loads(_payload(entry)).co_consts == first.co_consts  # rewritten with real code
    other = compile_source("def f(x):\n    return x\n", "<test>")
    assert other.co_consts != first.co_consts and len(list((cache / "code").glob("*.marshal"))) == 2


def test_a_damaged_entry_that_still_unpickles_is_not_used(cache: Path, root: Path) -> None:
    """One byte changed inside a rule's quote still unpickles; the seal catches it and the rulesets are recompiled."""
    fresh = load_rulesets(root)[0]
    load_rulesets_cached(root)
    [entry] = _entries(cache)
    data = bytearray(entry.read_bytes())
    quote = fresh.rules[0].quote.encode("utf-8")
    at = bytes(data).find(quote)
    assert at >= 0
    while at >= 0:  # every copy of it (the rule's and its spec's): a different letter, the pickle stays valid
        data[at] ^= 0x01
        at = bytes(data).find(quote, at + 1)
    entry.write_bytes(bytes(data))
    loaded = load_rulesets_cached(root)[0]
    assert loaded.rules[0].quote == fresh.rules[0].quote
    assert _payload(entry)  # and the entry was rebuilt, sealed


def test_a_damaged_code_entry_that_still_loads_is_recompiled(cache: Path) -> None:
    """A changed constant in marshalled code still loads; the seal catches it and the source is compiled again."""
    source = "def f(x):\n    return x * 2 + 1234567\n"
    compile_source(source, "<test>")
    [entry] = sorted((cache / "code").glob("*.marshal"))
    data = bytearray(entry.read_bytes())
    at = bytes(data).index((1234567).to_bytes(4, "little"))
    data[at] ^= 0x01
    entry.write_bytes(bytes(data))
    namespace: dict[str, object] = {}
    exec(compile_source(source, "<test>"), namespace)  # noqa: S102
    assert namespace["f"](0) == 1234567  # type: ignore[operator]
