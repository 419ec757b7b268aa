"""The package's folders form layers: a lower folder never imports a higher one.

Each folder's `__init__.py` says what it may import; this test reads every module's imports
(with `ast`, so an import inside a function counts too) and holds the tree to that.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "legalrules"

#: What each folder may import from the package, besides itself and the top-level modules
#: below. Top-level `__init__.py` / `__main__.py` are the public surface and may import anything.
ALLOWED: dict[str, frozenset[str]] = {
    "case": frozenset(),
    "decision": frozenset({"case"}),
    "legaltime": frozenset({"case"}),
    "ruleformat": frozenset({"case"}),
    "engine": frozenset({"case", "decision", "legaltime", "ruleformat"}),
    "documents": frozenset({"case", "decision", "legaltime", "ruleformat", "engine"}),
    "variations": frozenset({"case", "decision", "legaltime", "ruleformat", "engine"}),
    "frontends": frozenset({"case", "decision", "legaltime", "ruleformat", "engine", "documents", "variations"}),
}
#: Top-level modules every folder may use: they import no folder themselves.
SHARED = frozenset({"errors", "interpretations", "paths", "patterns"})
#: The narrower promise of the input contract: the case may use errors and nothing else.
CASE_SHARED = frozenset({"errors"})


def _module_name(path: Path, package: Path = PACKAGE) -> list[str]:
    parts = list(path.relative_to(package).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imported(path: Path, package_root: Path) -> list[tuple[int, list[str]]]:
    """Every legalrules module `path` imports, as (line, dotted parts inside the package)."""
    here = _module_name(path, package_root)
    package = here if path.name == "__init__.py" else here[:-1]
    found: list[tuple[int, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "legalrules":
                target = node.module.split(".")[1:]
            else:
                continue
            found.extend((node.lineno, target + [alias.name]) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name.split(".")[1:]) for alias in node.names
                         if alias.name.split(".")[0] == "legalrules")
    return found


def upward_imports(package: Path = PACKAGE) -> list[str]:
    """Each import that breaks the layering, as 'file:line imports module (allowed: ...)'."""
    problems: list[str] = []
    for path in sorted(package.rglob("*.py")):
        here = _module_name(path, package)
        if len(here) < 2 and path.parent == package:
            continue  # top level: errors, interpretations, paths import no folder (checked below)
        folder = here[0]
        allowed = ALLOWED[folder] | {folder}
        shared = CASE_SHARED if folder == "case" else SHARED
        for line, target in _imported(path, package):
            if not target:
                continue
            head = target[0]
            if head in allowed or head in shared:
                continue
            problems.append(f"{path.relative_to(package)}:{line} imports {'.'.join(target)} "
                            f"(a {folder}/ module may import {sorted(allowed | shared)})")
    for name in sorted(SHARED):
        path = package / f"{name}.py"
        for line, target in _imported(path, package):
            if target and target[0] not in SHARED:
                problems.append(f"{name}.py:{line} imports {'.'.join(target)} (a shared module imports no folder)")
    return problems


def test_no_folder_imports_a_higher_one() -> None:
    assert upward_imports() == []


def test_every_folder_is_known_to_the_layering() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(ALLOWED)


def test_every_folder_says_what_it_may_import() -> None:
    for folder in ALLOWED:
        doc = ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "May import" in doc, f"{folder}/__init__.py has no 'May import' line"


def test_a_planted_upward_import_is_caught(tmp_path: Path) -> None:
    """The check is not vacuous: legal time importing the engine is reported with its line."""
    import shutil

    copy = tmp_path / "legalrules"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    periods = copy / "legaltime" / "periods.py"
    periods.write_text(periods.read_text(encoding="utf-8") + "\nfrom ..engine import evaluate\n",
                       encoding="utf-8")
    case_model = copy / "case" / "io.py"
    case_model.write_text(case_model.read_text(encoding="utf-8") + "\nfrom ..interpretations import Interpretations\n",
                          encoding="utf-8")
    problems = upward_imports(copy)
    assert any(p.startswith("legaltime/periods.py:") and "engine.evaluate" in p for p in problems)
    assert any(p.startswith("case/io.py:") and "interpretations" in p for p in problems)


def test_only_the_adapter_imports_durable() -> None:
    """durable-rules lives behind exactly one module: engine/durable.py."""
    importing = sorted(
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if any(line.lstrip().startswith(("import durable", "from durable"))
               for line in path.read_text(encoding="utf-8").splitlines())
    )
    assert importing == ["engine/durable.py"]
