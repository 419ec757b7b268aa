"""Every notice kind printed to PDF by headless Chromium: pages, embedded fonts, the due time.

Read back with poppler's pdfinfo, pdffonts and pdftotext (Debian's poppler-utils, put
in place with Chromium by .ci/install-browser). A family notice is two pages: the
family's copy alone on the first (no stub, no case fields, no ruleset versions), the
file's record on the second. Every font is embedded, so the paper prints the same
anywhere; the notice's key time (the due time, or the recording memo's start) is in
the text. Skips, saying why, only where Chromium or poppler cannot be installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from legalrules.documents.notices.calls import KINDS, NoticeKind
from legalrules.documents.notices.pdf import browser, html_to_pdf
from legalrules.documents.notices.render import build_notice, render_view
from legalrules.documents.notices.words import Lang

from ..notice_fixtures import SCENARIOS

pytestmark = pytest.mark.browser
MISSING = [name for name in ("pdftotext", "pdffonts", "pdfinfo") if shutil.which(name) is None]
if browser() is None:
    MISSING.append("chromium")
SKIP = pytest.mark.skipif(bool(MISSING), reason=f"{MISSING} not installed (.ci/install-browser installs them as root)")


def _poppler(tool: str, pdf: Path, *args: str) -> str:
    return subprocess.run([tool, *args, str(pdf), *(["-"] if tool == "pdftotext" else [])],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def _printed(kind: NoticeKind, lang: Lang, tmp_path: Path) -> tuple[Path, str]:
    scenario = SCENARIOS[kind]
    decision, case = scenario.decided()
    view = build_notice(decision, case, kind, lang, scenario.subject)
    pdf = tmp_path / f"{kind}.{lang}.pdf"
    pdf.write_bytes(html_to_pdf(render_view(view, "html")))
    return pdf, view.key_time


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@SKIP
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_notice_prints_with_embedded_fonts_and_its_key_time(kind: NoticeKind, lang: Lang, tmp_path: Path) -> None:
    """The PDF has its pages, every font embedded, and the key time in its text."""
    pdf, key_time = _printed(kind, lang, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = int(re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", pdf), re.M).group(1))  # type: ignore[union-attr]
    fonts = _poppler("pdffonts", pdf).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    # -raw: the text in the order it was drawn, so a time wrapped within a table cell reads whole.
    assert _flat(key_time) in _flat(_poppler("pdftotext", pdf, "-raw"))
    # A family notice: its own page, then the record (which English, longer, may run onto a third).
    # A deadline memo of a public-security case lists PSP 2020's duties beside the CPL's: up to 6.
    assert 2 <= pages <= 3 if kind.endswith("family_notice") else 1 <= pages <= 6


@SKIP
@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind.endswith("family_notice")])
def test_the_family_copy_is_alone_on_its_page(kind: NoticeKind, tmp_path: Path) -> None:
    """Page 1 is the notice the family is handed; the stub, case fields and versions are on page 2."""
    pdf, _ = _printed(kind, "zh", tmp_path)
    first = _flat(_poppler("pdftotext", pdf, "-f", "1", "-l", "1"))
    rest = _flat(_poppler("pdftotext", pdf, "-f", "2"))
    assert "特此通知" in first
    assert rest.startswith("存根")
    for record in ("存根", "取自案件材料的事项", "所用规则集版本", "sha256"):
        assert record not in first and record in rest
