"""`legalrules init`, and the issue's done-when: a case from `init --lang zh` with three mistakes."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from legalrules import Engine
from legalrules.case.io import load_case
from legalrules.documents.notices.calls import notice_calls
from legalrules.documents.notices.pdf import browser
from legalrules.case.skeleton import KINDS, skeleton
from legalrules.documents.text.answer import SCREEN
from legalrules.frontends.cli.app import app

from ..documents.test_chinese_output import english_in

NO_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
AS_OF = ["--as-of", "2026-11-21T20:00:00+08:00"]


def run(*args: str) -> Result:
    """Invoke the app in-process, with no locale set."""
    return CliRunner().invoke(app, list(args), env=NO_LOCALE)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_skeleton_is_a_valid_case_with_a_comment_per_field(tmp_path: Path, kind: str, lang: str) -> None:
    """Each skeleton loads as written, and every line of it carries a comment (its Chinese term)."""
    path = tmp_path / "case.yaml"
    path.write_text(skeleton(kind, lang), encoding="utf-8")  # type: ignore[arg-type]
    load_case(path)
    body = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in body:
        index = lines.index(line)
        assert "#" in line or lines[index - 1].lstrip().startswith("#"), line
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["case"]["document_number"]


def _three_mistakes(path: Path) -> str:
    """A case from `init --lang zh --kind detention` with a misspelt key, a Chinese enum value and a time
    without an offset, written to `path`; the text with only the latter two returned."""
    assert run("init", "--lang", "zh", "--kind", "detention", "-o", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    mistaken = (text.replace("  birth_date: 1990-01-01", "  birth_dat: 1990-01-01")
                    .replace("kind: detention ", "kind: 拘留     ")
                    .replace("start: 2026-11-21T10:25:00+08:00", "start: 2026-11-21T10:25:00      "))
    assert mistaken.count("birth_dat:") == 1 and "拘留     " in mistaken and "10:25:00      " in mistaken
    path.write_text(mistaken, encoding="utf-8")
    return mistaken.replace("birth_dat:", "birth_date:")


def test_done_when_three_mistakes_get_suggestions_then_a_chinese_answer(tmp_path: Path) -> None:
    """A misspelt key is refused with the nearest key; 拘留 is read as detention; a time without an
    offset is read as Beijing time with a warning; fixed, the case gets a one-screen Chinese answer
    with no English sentence in it."""
    path = tmp_path / "case.yaml"
    text = _three_mistakes(path)
    refused = run("evaluate", str(path), *AS_OF, "--lang", "en")
    assert refused.exit_code == 2
    assert "(1 problem(s))" in refused.stderr, "拘留 and the offset-less time are accepted"
    assert "suspect.birth_dat" in refused.stderr and "did you mean `birth_date`?" in refused.stderr
    # Asked in Chinese, the suggestion is said in Chinese.
    chinese = run("evaluate", str(path), *AS_OF, "--lang", "zh")
    assert chinese.exit_code == 2 and "案件文件有误（1处）" in chinese.stderr
    assert "收到 未知字段 'birth_dat'；应为 只能使用案件格式规定的字段（见 `legalrules schema`）；是否应为 `birth_date`？" \
        in chinese.stderr
    path.write_text(text, encoding="utf-8")
    answered = run("evaluate", str(path), *AS_OF, "--lang", "zh")
    assert answered.exit_code == 0, answered.output
    out = answered.stdout
    assert len(out.splitlines()) <= SCREEN
    assert not english_in(out), english_in(out)
    assert "提请批准逮捕（3日）（d1）" in out and "《刑事诉讼法》第九十一条第一款" in out
    assert "d1.start：未写时区，按北京时间（+08:00）读取" in out
    # 拘留 is accepted, and the officer is told what it was read as, in either language.
    assert "d1.kind：“拘留”即 `detention`（按中文术语所指的标识符读取）" in out
    english = run("evaluate", str(path), *AS_OF, "--lang", "en").stdout
    assert "d1.kind: '拘留' is `detention` (the Chinese term, read as the identifier it names)" in english


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    """An existing file is kept unless --force is given."""
    path = tmp_path / "case.yaml"
    path.write_text("mine\n", encoding="utf-8")
    assert run("init", "-o", str(path)).exit_code == 2
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert run("init", "-o", str(path), "--force").exit_code == 0


def test_notice_pdf_needs_an_output_file(tmp_path: Path) -> None:
    """`--format pdf` without -o is bad input (a PDF is not for the terminal), and nothing is written."""
    example = Path(__file__).resolve().parents[2] / "examples" / "fraud_detention_pending.yaml"
    result = run("notice", str(example), "--kind", "detention_family_notice", "--format", "pdf",
                 "--as-of", "2026-11-21T15:00:00+08:00")
    assert result.exit_code == 2
    assert "--format pdf" in result.stderr and "-o/--output" in result.stderr


@pytest.mark.browser
@pytest.mark.skipif(browser() is None or shutil.which("pdftotext") is None, reason="needs chromium and poppler")
def test_done_when_every_notice_the_case_calls_for_prints_with_the_family_copy_alone(tmp_path: Path) -> None:
    """The same case, fixed: each notice it calls for prints to PDF from the CLI; the family notice's
    first page is the family's copy alone (its stub, case fields and ruleset versions on the next)."""
    path = tmp_path / "case.yaml"
    path.write_text(_three_mistakes(tmp_path / "draft.yaml"), encoding="utf-8")
    case = load_case(path)
    calls = notice_calls(Engine().evaluate(case, as_of=datetime.fromisoformat(AS_OF[1])))
    assert "detention_family_notice" in {call.kind for call in calls}
    for call in calls:
        pdf = tmp_path / f"{call.kind}.pdf"
        printed = run("notice", str(path), "--kind", call.kind, "--subject", call.subject, "--format", "pdf",
                      "-o", str(pdf), *AS_OF)
        assert printed.exit_code == 0, printed.output
        assert pdf.read_bytes().startswith(b"%PDF-")
        if call.kind.endswith("family_notice"):
            first, rest = (subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True,
                                          check=True, timeout=60).stdout for pages in (["-l", "1"], ["-f", "2"]))
            assert "特此通知" in first and "存根" not in first and "sha256" not in first
            assert "存根" in rest and "sha256" in rest


def test_done_when_the_readme_shows_the_chinese_quick_start() -> None:
    """The README's Chinese quick start begins with `init --lang zh` and evaluates with `--lang zh`."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("## 快速上手（中文）")
    quick = readme[start:readme.index("\n## ", start + 1)]
    assert "legalrules init --kind detention --lang zh -o case.yaml" in quick
    assert "legalrules evaluate case.yaml --lang zh" in quick and "--format pdf" in quick


def test_a_case_files_problems_in_chinese(tmp_path: Path) -> None:
    """`--lang zh`: the problems' fixed words in Chinese (values listed with 或, a date's form, the
    nearest value with its term); `--lang en` and `--json` keep English."""
    path = tmp_path / "case.yaml"
    assert run("init", "--lang", "zh", "--kind", "detention", "-o", str(path)).exit_code == 0
    text = path.read_text(encoding="utf-8").replace("birth_date: 1990-01-01", "birth_date: 1990-13-01")
    path.write_text(text.replace("handling_organ: public_security", "handling_organ: 公安"), encoding="utf-8")
    chinese = run("evaluate", str(path), *AS_OF, "--lang", "zh")
    assert chinese.exit_code == 2 and "案件文件有误（2处）" in chinese.stderr
    assert "收到 '公安' (str)；应为 'public_security'、'procuratorate' 或 'state_security'；是否应为 " \
           "`public_security`（公安机关）？" in chinese.stderr
    assert "suspect.birth_date：收到 '1990-13-01' (str)；应为 有效的日期；应写作 1988-04-17（年-月-日）" in chinese.stderr
    english = run("evaluate", str(path), *AS_OF, "--lang", "en", "--json")
    assert "the case file is not valid (2 problem(s))" in english.stderr and '"received": "\'公安\' (str)"' in english.stdout
