"""The public surface: `legalrules.__all__` and the error tree drawn in errors.py."""

from __future__ import annotations

import importlib

import pytest

import legalrules
from legalrules import errors


def test_all_is_sorted_and_unique() -> None:
    """`__all__` is sorted and lists each name once."""
    assert legalrules.__all__ == sorted(legalrules.__all__)
    assert len(set(legalrules.__all__)) == len(legalrules.__all__)


@pytest.mark.parametrize("name", legalrules.__all__)
def test_every_public_name_is_importable(name: str) -> None:
    """Every name in `__all__` is an attribute of the package and importable from it."""
    module = importlib.import_module("legalrules")
    assert hasattr(module, name)
    namespace: dict[str, object] = {}
    exec(f"from legalrules import {name}", namespace)  # noqa: S102 - the import statement itself is the test
    assert namespace[name] is getattr(legalrules, name)


def test_star_import_gives_exactly_all() -> None:
    """`from legalrules import *` binds exactly the names in `__all__`."""
    namespace: dict[str, object] = {}
    exec("from legalrules import *", namespace)  # noqa: S102
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(legalrules.__all__)


def test_core_entry_points_are_public() -> None:
    """The documented entry points (Engine, load_case, Decision, errors) are public."""
    for name in ("Engine", "load_case", "parse_case", "Decision", "CaseFacts",
                 "load_ruleset", "load_rulesets", "LegalRulesError", "RulesetError", "CaseFileError"):
        assert name in legalrules.__all__


def test_version_string() -> None:
    """The package has a dotted version string."""
    assert isinstance(legalrules.__version__, str)
    assert all(part.isdigit() for part in legalrules.__version__.split("."))


# The tree in errors.py's docstring, child -> parent.
TREE: dict[type[Exception], type[Exception]] = {
    errors.InputError: errors.LegalRulesError,
    errors.CaseFileError: errors.InputError,
    errors.HolidayFileError: errors.InputError,
    errors.UnknownRuleError: errors.InputError,
    errors.NoticeRefused: errors.InputError,
    errors.RulesetError: errors.LegalRulesError,
    errors.InternalError: errors.LegalRulesError,
    errors.EngineDisagreement: errors.InternalError,
    errors.EngineFailure: errors.InternalError,
}


@pytest.mark.parametrize(("child", "parent"), list(TREE.items()), ids=lambda c: c.__name__)
def test_error_tree_parents(child: type[Exception], parent: type[Exception]) -> None:
    """Each error class's direct base is the parent drawn in errors.py's docstring."""
    assert child.__bases__ == (parent,)
    assert issubclass(child, errors.LegalRulesError)


def test_error_tree_branches_are_separate() -> None:
    """Input, ruleset and internal errors are disjoint branches (the CLI maps them to exit 2 and 1)."""
    assert issubclass(errors.LegalRulesError, Exception)
    assert not issubclass(errors.RulesetError, errors.InputError)
    assert not issubclass(errors.RulesetError, errors.InternalError)
    assert not issubclass(errors.InputError, errors.InternalError)
    assert not issubclass(errors.InternalError, errors.InputError)
    for leaf in (errors.CaseFileError, errors.HolidayFileError, errors.UnknownRuleError):
        assert not issubclass(leaf, errors.InternalError)
    for leaf in (errors.EngineDisagreement, errors.EngineFailure):
        assert not issubclass(leaf, errors.InputError)


def test_docstring_draws_every_error_class() -> None:
    """Every exception class defined in errors.py appears in its docstring tree."""
    doc = errors.__doc__ or ""
    defined = [obj for obj in vars(errors).values()
               if isinstance(obj, type) and issubclass(obj, Exception) and obj.__module__ == errors.__name__]
    assert set(defined) == {errors.LegalRulesError, *TREE}
    for cls in defined:
        assert cls.__name__ in doc


def test_public_errors_are_the_package_errors() -> None:
    """The error classes exported by the package are the ones defined in errors.py."""
    for name in legalrules.__all__:
        obj = getattr(legalrules, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert obj is getattr(errors, name)


def test_error_messages_say_where() -> None:
    """RulesetError and CaseFileError put file, line and rule id at the start of their text."""
    err = errors.RulesetError("r/ch1.yaml", 7, "av_2014.art5", "bad")
    assert str(err) == "r/ch1.yaml:7 (rule av_2014.art5): bad"
    assert str(errors.RulesetError("r/x.yaml", None, None, "bad")) == "r/x.yaml: bad"
    problem = errors.Problem("c.yaml:3 suspect.blind", "'x' (str)", "a valid boolean")
    case_err = errors.CaseFileError("c.yaml", [problem])
    assert str(case_err) == (
        "c.yaml: the case file is not valid (1 problem(s))\n"
        "  - c.yaml:3 suspect.blind: received 'x' (str); expected a valid boolean"
    )
    assert case_err.problems == (problem,)


def test_engine_disagreement_lists_differences() -> None:
    """EngineDisagreement keeps each difference and lists it in its message."""
    err = errors.EngineDisagreement(["a differs", "b differs"])
    assert err.differences == ("a differs", "b differs")
    assert "  - a differs\n  - b differs" in str(err)
    assert "no answer is given" in str(err)


def test_load_case_takes_a_str_path_as_well_as_a_path() -> None:
    """`load_case("case.yaml")` works as `load_case(Path("case.yaml"))` does; a missing str path is a CaseFileError."""
    from pathlib import Path

    import legalrules

    example = Path(__file__).resolve().parent.parent / "examples" / "murder_interrogation.yaml"
    assert legalrules.load_case(str(example)) == legalrules.load_case(example)
    try:
        legalrules.load_case(str(example) + ".missing")
    except legalrules.CaseFileError as exc:
        assert "no such file" in str(exc)
    else:
        raise AssertionError("a missing file was read")
