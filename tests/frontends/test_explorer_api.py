"""The explorer's endpoints over real HTTP: examples, uploads, evaluating an edited case, articles."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from .explorer_server import explorer_url  # noqa: F401 - the explorer on a real server

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a local test server
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _post(url: str, body: dict[str, Any]) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_examples_are_listed_and_opened_and_a_missing_one_is_404(explorer_url: str) -> None:  # noqa: F811
    """The bundled examples are offered; an unknown name is a 404 naming the ones there are."""
    status, listed = _get(explorer_url + "api/examples")
    assert status == 200 and "theft_turning_eighteen" in listed["examples"]
    status, opened = _get(explorer_url + "api/examples/theft_turning_eighteen")
    assert status == 200 and opened["document"]["suspect"]["birth_date"] == "2007-11-02"
    status, missing = _get(explorer_url + "api/examples/nope")
    assert status == 404 and "theft_turning_eighteen" in missing["detail"]


def test_an_edited_case_is_evaluated_with_its_editable_facts(explorer_url: str) -> None:  # noqa: F811
    """The decision, the stated facts and the unknown deciding ones (marked), with local wall times."""
    _, opened = _get(explorer_url + "api/examples/theft_unknowns")
    status, found = _post(explorer_url + "api/evaluate", {"document": opened["document"],
                                                          "as_of": "2025-11-03T09:00:00+08:00"})
    assert status == 200 and found["problems"] == []
    fields = {f["path"]: f for f in found["fields"]}
    assert fields["suspect.birth_date"]["deciding"] and fields["suspect.birth_date"]["value"] is None
    assert fields["interrogations[0].start"]["local_value"] == "2025-11-02T14:00"
    assert fields["interrogations[0].place"]["values"][0] == "law_enforcement_venue"
    assert found["decision"]["case_id"] == "京公刑〔2025〕1102"


def test_an_invalid_case_or_upload_gives_the_case_file_problems(explorer_url: str) -> None:  # noqa: F811
    """The same received/expected wording as for a case file, and no decision."""
    status, found = _post(explorer_url + "api/evaluate", {"document": {"case": {"id": "x"},
                                                                       "suspect": {"birth_date": "2008-13-01"}}})
    assert status == 200 and found["decision"] is None
    assert found["problems"] == ["case suspect.birth_date: received '2008-13-01' (str); expected a valid date or "
                                 "datetime, month value is outside expected range of 1-12; write it as 1988-04-17 (YYYY-MM-DD)"]
    status, parsed = _post(explorer_url + "api/parse", {"text": "case: [unclosed", "source": "mine.yaml"})
    assert status == 422 and parsed["problems"][0].startswith("mine.yaml:2: received malformed YAML/JSON")


def test_articles_give_the_instrument_and_each_articles_summary(explorer_url: str) -> None:  # noqa: F811
    """The article panel's data: av_2014 Art. 6 is encoded, with its rules; an unknown ruleset is a 404."""
    status, index = _get(explorer_url + "api/articles/av_2014")
    assert status == 200 and index["title_zh"] == "公安机关讯问犯罪嫌疑人录音录像工作规定"
    assert index["articles"]["6"]["status"] == "encoded" and "av_2014.art6.1.1" in index["articles"]["6"]["rules"]
    assert _get(explorer_url + "api/articles/nope")[0] == 404


def test_a_new_case_and_the_kinds_a_page_can_add(explorer_url: str) -> None:  # noqa: F811
    """The skeleton is offered among the examples and evaluates; the measure and event kinds come from the model."""
    _, listed = _get(explorer_url + "api/examples")
    assert listed["examples"][-1] == "(new case)"
    status, opened = _get(explorer_url + "api/examples/(new%20case)")
    assert status == 200 and opened["document"]["case"]["id"] == "new-case"
    status, found = _post(explorer_url + "api/evaluate", {"document": opened["document"]})
    assert status == 200 and found["problems"] == [] and found["decision"]["deadlines"] == []
    _, kinds = _get(explorer_url + "api/kinds")
    assert "detention" in kinds["measures"] and "family_notified" in kinds["events"]


def test_the_answer_carries_the_decisions_words_as_the_command_line_says_them(explorer_url: str) -> None:  # noqa: F811
    """`words.zh` and `words.en`: every conclusion, deadline, subject, citation and fact; each violation
    sentence as `legalrules evaluate` prints it in that language."""
    import re
    import subprocess
    import sys

    _, opened = _get(explorer_url + "api/examples/designated_residence_late_notice")
    as_of = "2026-12-01T12:00:00+08:00"
    status, found = _post(explorer_url + "api/evaluate", {"document": opened["document"], "as_of": as_of})
    assert status == 200 and set(found["words"]) == {"zh", "en"}
    decision = found["decision"]
    for lang, words in found["words"].items():
        assert set(words["conclusions"]) == {f"{c['ruleset']}:{c['conclusion']}" for c in decision["conclusions"]}
        assert len(words["statuses"]) == len(decision["deadlines"]) > 0
        assert {c["subject"] for c in decision["conclusions"]} <= set(words["subjects"])
        assert words["violations"], "the example's late notice is a violation"
        printed = subprocess.run([sys.executable, "-m", "legalrules", "evaluate", "--lang", lang, "--as-of", as_of,
                                  "--engine", "native", str(EXAMPLES / "designated_residence_late_notice.yaml")],
                                 capture_output=True, text=True, timeout=120).stdout
        flat = re.sub(r"\s+", "", printed)
        assert all(re.sub(r"\s+", "", sentence) in flat for sentence in words["violations"]), words["violations"]
    zh = found["words"]["zh"]
    assert all(re.search(r"[\u4e00-\u9fff]", title) for title in zh["deadlines"].values())
    assert all(cited.startswith("《") for cited in zh["citations"].values())
    assert zh["subjects"]["case"] == "本案" and found["words"]["en"]["subjects"]["case"] == "the case"
