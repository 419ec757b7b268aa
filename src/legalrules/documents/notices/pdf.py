"""A notice as PDF, printed by headless Chromium from its print-ready HTML.

Chromium, not WeasyPrint: it is already the project's browser (.ci/install-browser puts
Debian's chromium in place for the layout test, as root with apt-get), so PDF needs no
new install; WeasyPrint from PyPI needs Pango and its fonts from the system besides,
which pip cannot provide on a fresh machine. The page is the stylesheet's @page (A4,
its margins); `--no-pdf-header-footer` keeps the browser's URL and date off the paper.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from ...errors import LegalRulesError

BROWSERS: Final = ("chromium", "chromium-browser", "google-chrome")


class PrintUnavailable(LegalRulesError):
    """No browser to print with, or it failed; the CLI exits 1 and says what to install."""


def browser() -> str | None:
    """The headless browser to print with, if one is installed."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def html_to_pdf(html: str, timeout: float = 90) -> bytes:
    """The PDF of a print-ready HTML page (A4 as its stylesheet says, no browser header or footer)."""
    program = browser()
    if program is None:
        raise PrintUnavailable("--format pdf needs Chromium (`chromium` on PATH); install it with "
                               ".ci/install-browser (as root) or apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="legalrules-pdf-") as tmp:
        page, out = Path(tmp) / "notice.html", Path(tmp) / "notice.pdf"
        page.write_text(html, encoding="utf-8")
        # A profile of its own: two prints at once must not share (and lock) one.
        command = [program, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   f"--user-data-dir={Path(tmp) / 'profile'}", "--no-pdf-header-footer",
                   "--print-to-pdf-no-header", f"--print-to-pdf={out}", page.as_uri()]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=True)
        except (OSError, subprocess.SubprocessError) as exc:
            raise PrintUnavailable(f"Chromium could not print the notice ({type(exc).__name__}: {exc})") from None
        if not out.is_file() or out.stat().st_size == 0:
            raise PrintUnavailable("Chromium printed no PDF (no output file)")
        return out.read_bytes()
