"""The explorer page in headless Chromium: the birth date moved across the 18th birthday changes the answer.

The page is served by the explorer's real routes on a real uvicorn server, and driven
through chromedriver as the notice layout test does (its browser setup is reused). A
trainer opens `theft_turning_eighteen` (interrogated the day after his 18th birthday),
reads that av_2014 does not require the recording, moves the birth date one day later,
and the page must show the recording required under av_2014 Art. 6 para. 1 item (1), with
the quoted clause in the why panel and the article in the article panel. Screenshots at a
phone width and a desktop width are written for every run and kept only when the test
fails (their paths are in the failure message).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from ..documents.test_notice_browser import browser  # noqa: F401 - the shared headless Chromium fixture
from .explorer_server import explorer_url  # noqa: F401 - the explorer on a real server

pytestmark = pytest.mark.browser
EXAMPLE = "theft_turning_eighteen"
RECORDING = "[data-ruleset='av_2014'][data-conclusion='recording_required']"
WIDTHS = {"phone": 390, "desktop": 1280}


def _wait(driver: Any, script: str, what: str, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = driver.execute_script(script)
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _answer(driver: Any) -> dict[str, str]:
    found: dict[str, str] = driver.execute_script(
        f"const a = document.querySelector(\"{RECORDING}\");"
        "return a && {value: a.dataset.value, text: a.innerText};")
    return found


def _evaluations(driver: Any) -> int:
    return int(driver.execute_script("return Number(document.body.dataset.evaluations || 0)"))


def _check_page(driver: Any, url: str) -> None:
    driver.get(url)
    _wait(driver, f"return document.querySelector(\"{RECORDING}\")", "the first evaluation")
    before = _answer(driver)
    assert before["value"] == "false" and "no rule establishes it" in before["text"], before
    count = _evaluations(driver)
    driver.execute_script(
        "const input = document.getElementById('fact-suspect.birth_date');"
        "input.value = '2007-11-03'; input.dispatchEvent(new Event('change'));")
    _wait(driver, f"return Number(document.body.dataset.evaluations) > {count}", "the re-evaluation")
    after = _answer(driver)
    assert after["value"] == "true", after
    assert "AV Provisions 2014 Art. 6" in after["text"] and "YES" in after["text"], after
    driver.execute_script(f"document.querySelector(\"{RECORDING}\").click()")
    why = _wait(driver, "const w = document.getElementById('why'); return !w.hidden && w.innerText", "the why panel")
    assert "AV Provisions 2014 Art. 6" in why and "recorded for cases with any of the following circumstances" in why, why
    driver.execute_script("document.querySelector('#why a.citation').click()")
    article = _wait(driver, "const a = document.querySelector('#why .article'); return a && a.innerText",
                    "the article panel")
    assert "Article 6" in article and "公安机关讯问犯罪嫌疑人录音录像工作规定" not in article  # English page
    widths = driver.execute_script("return [document.documentElement.scrollWidth, "
                                   "document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is wider than the screen: {widths}"


def test_moving_the_birth_date_across_the_18th_birthday_changes_the_recording_answer(
        browser: Any, explorer_url: str) -> None:  # noqa: F811 - pytest fixtures
    """At phone and desktop width: NO for an 18-year-old, YES under Art. 6 para. 1 item (1) a day younger."""
    shots = Path(tempfile.mkdtemp(prefix="legalrules-explorer-shots-"))
    url = f"{explorer_url}?example={EXAMPLE}&lang=en&as_of=2025-11-04T09:00"
    try:
        for name, width in WIDTHS.items():
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 1400, "deviceScaleFactor": 1, "mobile": name == "phone"})
            try:
                _check_page(browser, url)
            finally:
                browser.save_screenshot(str(shots / f"explorer-{name}.png"))
    except BaseException as exc:
        raise AssertionError(f"{exc}\n(screenshots kept in {shots})") from exc
    else:
        shutil.rmtree(shots, ignore_errors=True)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_the_chinese_page_shows_chinese_words_and_the_instrument_title(browser: Any, explorer_url: str) -> None:  # noqa: F811
    """lang=zh: the interface in Chinese (是/否, 案件事实) and the article panel names the instrument in Chinese."""
    browser.get(f"{explorer_url}?example={EXAMPLE}&as_of=2025-11-04T09:00")
    _wait(browser, f"return document.querySelector(\"{RECORDING}\")", "the first evaluation")
    text = browser.execute_script("return document.body.innerText")
    assert "案件事实" in text and "否" in _answer(browser)["text"]
    # The answers themselves in Chinese too: the conclusion's title, the subject, no English title or citation.
    answers = browser.execute_script("return document.getElementById('conclusions').innerText")
    assert "应当对讯问过程进行录音录像" in _answer(browser)["text"], _answer(browser)
    assert "q1" in answers and "interrogations[0]" not in answers and " Art. " not in answers, answers[:400]
    assert "must be recorded" not in answers, answers[:400]
    browser.execute_script(f"document.querySelector(\"{RECORDING}\").click()")
    browser.execute_script("document.querySelector('#why a.citation') && document.querySelector('#why a.citation').click()")
    article = _wait(browser, "const a = document.querySelector('#why .article'); return a && a.innerText", "article")
    assert "公安机关讯问犯罪嫌疑人录音录像工作规定" in article


def test_a_new_case_gains_a_detention_and_its_deadlines_appear_on_the_timeline(
        browser: Any, explorer_url: str) -> None:  # noqa: F811
    """From the new-case skeleton, adding a detention at a time draws its 24-hour clocks on the timeline."""
    browser.get(f"{explorer_url}?example=(new case)&lang=en&as_of=2026-09-30T22:00")
    _wait(browser, "return document.querySelector('.answer')", "the first evaluation")
    assert browser.execute_script("return document.querySelectorAll('.tl-row').length") == 0
    count = _evaluations(browser)
    browser.execute_script(
        "document.getElementById('add-what').value = 'measures';"
        "document.getElementById('add-what').dispatchEvent(new Event('change'));"
        "document.getElementById('add-kind').value = 'detention';"
        "document.getElementById('add-at').value = '2026-09-30T21:00';"
        "document.getElementById('add-button').click();")
    _wait(browser, f"return Number(document.body.dataset.evaluations) > {count}", "the re-evaluation")
    timeline = _wait(browser, "return document.getElementById('timeline').innerText", "the timeline")
    assert "2026-10-01 21:00" in timeline and "CPL Art. 85 para. 2" in timeline, timeline
    assert browser.execute_script("return document.getElementById('fact-measures[0].start').value") == "2026-09-30T21:00"
