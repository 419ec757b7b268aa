"""Each HTML notice, in both languages, laid out by a real browser: nothing overflows, and the due time shows.

Headless Debian Chromium, driven through chromedriver by Selenium, loads each
golden scenario's notice from a file and measures the real layout twice: on
screen, where the sheet is an A4 page 210 mm wide, and with print media emulated
in a viewport as wide as an A4 page's printable width (210 mm less the 16 mm
margins of the @page rule). In both, no block's content may be wider than its box
(scrollWidth > clientWidth), no element may reach past the page, and the page text
must contain the notice's key time (its due time; for the recording memo, the
interrogation's start) as the language writes it.

`make test` installs chromium and chromium-driver when they are missing and it can
(.ci/install-browser, as root with apt-get). Only where they cannot be installed
does this module skip, and it says why.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from legalrules.documents.notices.calls import KINDS, NoticeKind
from legalrules.documents.notices.render import build_notice, render_view
from legalrules.documents.notices.words import LANGS, Lang

from ..notice_fixtures import SCENARIOS

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
MM = 96 / 25.4  # CSS pixels per millimetre
PRINTABLE_WIDTH = round((210 - 2 * 16) * MM)  # A4 less the @page side margins of notice.css

# Measured in the page: blocks whose content is wider than their box, and elements that
# end right of the page's printable edge (the sheet's content box on screen, the viewport
# in print). Inline boxes have no clientWidth, so only non-inline elements are tested.
MEASURE = """
const sheet = document.querySelector('.sheet');
const style = getComputedStyle(sheet);
const edge = sheet.getBoundingClientRect().right - parseFloat(style.paddingRight) + 0.5;
const limit = Math.min(edge, document.documentElement.clientWidth + 0.5);
const problems = [];
for (const el of sheet.querySelectorAll('*')) {
  const display = getComputedStyle(el).display;
  const name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
  if (display !== 'inline' && el.scrollWidth > el.clientWidth + 1) {
    problems.push(`${name} content ${el.scrollWidth}px wider than its box ${el.clientWidth}px`);
  }
  const right = el.getBoundingClientRect().right;
  if (right > limit) {
    problems.push(`${name} ends at ${right.toFixed(1)}px, past the page edge ${limit.toFixed(1)}px`);
  }
}
return {problems: problems, sheetWidth: sheet.getBoundingClientRect().width,
        docWidth: document.documentElement.scrollWidth, viewWidth: document.documentElement.clientWidth,
        text: document.body.innerText};
"""


def _unavailable() -> str | None:
    """Why the browser cannot be had here, or None when it can (missing but installable is a failure)."""
    if CHROMIUM and CHROMEDRIVER:
        return None
    missing = " and ".join(name for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not path)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        pytest.fail(f"{missing} missing although this machine could install it: run `make test` "
                    "(it calls .ci/install-browser) or `apt-get install chromium chromium-driver`")
    return (f"BROWSER TEST NOT RUN: {missing} not installed and not installable here (needs root and apt-get "
            "for Debian's chromium and chromium-driver); the notices' layout was not checked in a browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module, with the flags this machine's closed network needs."""
    reason = _unavailable()
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    profile = tempfile.mkdtemp(prefix="legalrules-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--window-size=1000,1400", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER or ""), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _measure(driver: Any, url: str, media: str, width: int) -> dict[str, Any]:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 1400, "deviceScaleFactor": 1, "mobile": False})
    driver.get(url)
    result: dict[str, Any] = driver.execute_script(MEASURE)
    return result


@pytest.mark.parametrize(("kind", "lang"), [(k, lang) for k in KINDS for lang in LANGS], ids=lambda x: str(x))
def test_the_html_notice_fits_the_page_and_shows_its_due_time(browser: Any, tmp_path: Path, kind: NoticeKind,
                                                              lang: Lang) -> None:
    """On screen (an A4 sheet) and in print (A4 printable width): no overflow; the key time is in the text."""
    scenario = SCENARIOS[kind]
    decision, case = scenario.decided()
    view = build_notice(decision, case, kind, lang, scenario.subject)
    page = tmp_path / f"{kind}.{lang}.html"
    page.write_text(render_view(view, "html"), encoding="utf-8")
    screen = _measure(browser, page.as_uri(), "screen", 1000)
    assert abs(screen["sheetWidth"] - 210 * MM) < 1, screen["sheetWidth"]
    printed = _measure(browser, page.as_uri(), "print", PRINTABLE_WIDTH)
    for seen in (screen, printed):
        assert seen["problems"] == [] and seen["docWidth"] <= seen["viewWidth"], seen["problems"][:5]
        assert view.key_time in seen["text"], (view.key_time, seen["text"][:400])
        assert decision.case_id in seen["text"]


def test_the_measurement_catches_an_overflowing_line(browser: Any, tmp_path: Path) -> None:
    """A notice with a long unbreakable code forced to stay on one line is reported, so a pass means something."""
    scenario = SCENARIOS["deadline_memo"]
    decision, case = scenario.decided()
    html = render_view(build_notice(decision, case, "deadline_memo", "en", None), "html")
    wide = "<p style='white-space: nowrap; overflow-wrap: normal; overflow: hidden'>" + "X" * 400 + "</p>"
    page = tmp_path / "wide.html"
    page.write_text(html.replace("<main>", "<main>" + wide, 1), encoding="utf-8")
    seen = _measure(browser, page.as_uri(), "print", PRINTABLE_WIDTH)
    assert any("wider than its box" in p for p in seen["problems"]), seen["problems"]
