"""Output files are written whole or not at all: checked first, written beside the target, renamed into place."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from .test_cli import ROOT
from .test_cli_deadlines import AS_OF, R, _case, run

OLD = "the previous, good calendar\n" * 2_000  # 56 KB: larger than the write limit below


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_device_among_the_outputs_writes_no_other_file(tmp_path: Path) -> None:
    """`--ics ok.ics --html /dev/full` exited 2 but had already written ok.ics; now nothing is written."""
    case = _case(tmp_path)
    result = run("deadlines", str(case), *R, "--as-of", AS_OF, "--ics", str(tmp_path / "ok.ics"),
                 "--html", "/dev/full", "--force")
    assert result.exit_code == 2, result.output
    assert "/dev/full: cannot write (it exists and is not a regular file)" in result.stderr
    assert _files(tmp_path) == ["case.yaml"]


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    """-o onto an existing file is refused naming --force, leaving it untouched; with --force it is replaced."""
    case, target = _case(tmp_path), tmp_path / "agenda.md"
    target.write_text("keep me\n", encoding="utf-8")
    refused = run("deadlines", str(case), *R, "--as-of", AS_OF, "--md", str(target))
    assert refused.exit_code == 2
    assert "it already exists; give --force to replace it" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    replaced = run("deadlines", str(case), *R, "--as-of", AS_OF, "--md", str(target), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert "DL-CLI" in target.read_text(encoding="utf-8")
    assert _files(tmp_path) == ["agenda.md", "case.yaml"]  # no temporary file left behind


def test_the_input_case_file_is_never_overwritten_even_with_force(tmp_path: Path) -> None:
    """`notice -o CASE` silently overwrote the case file; now it is refused as an input of the command."""
    case = _case(tmp_path)
    before = case.read_bytes()
    result = run("deadlines", str(case), *R, "--as-of", AS_OF, "--md", str(case), "--force")
    assert result.exit_code == 2
    assert "it is an input of this command" in result.stderr
    assert case.read_bytes() == before


def test_two_outputs_naming_one_file_are_refused(tmp_path: Path) -> None:
    """--ics and --md to the same path would leave only one of them: refused before writing."""
    case, target = _case(tmp_path), tmp_path / "both.out"
    result = run("deadlines", str(case), *R, "--as-of", AS_OF, "--ics", str(target), "--md", str(target))
    assert result.exit_code == 2 and "two outputs name this file" in result.stderr
    assert not target.exists()


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4_096, 4_096))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_a_write_failing_midway_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """With files limited to 4 KB the write fails part-way: the old calendar stays whole, no temporary remains."""
    case, target = _case(tmp_path), tmp_path / "agenda.html"
    target.write_text(OLD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "LEGALRULES_NO_CACHE": "1"}
    env.pop("LEGALRULES_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "legalrules", "deadlines", str(case), *R, "--as-of", AS_OF,
         "--html", str(target), "--force"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, preexec_fn=_limit_file_size)
    assert proc.returncode == 2, proc.stderr
    assert f"{target}: cannot write (File too large); nothing was written" in proc.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert _files(tmp_path) == ["agenda.html", "case.yaml"]


def test_a_notice_written_over_its_own_case_file_is_refused(tmp_path: Path) -> None:
    """`notice -o CASE --force` would have replaced the case with the notice; the case stays as it was."""
    from .test_cli_notice import PENDING
    from .test_cli_notice import run as notice

    case = tmp_path / "case.yaml"
    case.write_bytes(Path(PENDING[0]).read_bytes())
    result = notice("--kind", "detention_family_notice", "-o", str(case), "--force", str(case), *PENDING[1:])
    assert result.exit_code == 2 and "it is an input of this command" in result.stderr
    assert case.read_bytes() == Path(PENDING[0]).read_bytes()
