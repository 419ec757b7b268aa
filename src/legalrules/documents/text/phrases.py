"""The fixed phrases of the officer's answer screen, in Chinese and English side by side.

One table, so the two languages stay equal: a phrase added in one without the
other is caught by the test that formats every key in both.
"""

from __future__ import annotations

from typing import Final

PHRASES: Final[dict[str, tuple[str, str]]] = {
    "header": ("案件 {case}：截至 {as_of}（北京时间）的结论",
               "Case {case}: the answer as of {as_of} (Asia/Shanghai time)"),
    "no_violations": ("违法情形：无（没有逾期的期限，案件材料也未显示未履行的义务）",
                      "Violations: none (no deadline missed, no duty the case shows undone)"),
    "violations": ("违法情形：", "Violations:"),
    "missed_line": ("{title}（{subject}）：应于{due}前完成，{status}。依据{cite}",
                    "{title} ({subject}): due {due}, {status} [{cite}]"),
    "not_done_line": ("{title}：案件材料显示未履行（{subjects}）。依据{cite}",
                      "{title}: the case shows it was not done ({subjects}) [{cite}]"),
    "running": ("正在计算的期限：", "Deadlines running:"),
    "running_line": ("{due}  {title}（{subject}）：{status}。依据{cite}",
                     "{due}  {title} ({subject}): {status} [{cite}]"),
    "running_more": ("另有{count}项正在计算的期限，见 `legalrules deadlines`。",
                     "{count} more deadlines running: see `legalrules deadlines`."),
    "closed_count": ("另有{met}项期限已按期完成、{excepted}项依法免除、{not_started}项尚未起算"
                     "（`legalrules deadlines` 逐项列出）。",
                     "Also {met} deadline(s) met, {excepted} excepted, {not_started} not started "
                     "(`legalrules deadlines` lists each)."),
    "binding": ("依法必须做到的（✔ 已履行，? 案件材料未载明，✘ 未履行）：",
                "What the law requires on these facts (✔ done, ? the case does not say, ✘ not done):"),
    "on_subjects": ("{subjects}：", "{subjects}:"),
    "binding_line": ("{title}（{cite}）", "{title} [{cite}]"),
    "done_complied": ("✔", "✔"),
    "done_unknown": ("?", "?"),
    "done_violated": ("✘", "✘"),
    "done_None": ("·", "·"),
    "binding_more": ("另有{count}项必须做到的未列出（其中{done}项已履行），见 `--full`。",
                     "{count} more duties not shown ({done} of them done): see `--full`."),
    "not_required": ("本案不要求（法定条件均不成立）：",
                     "Not required here (none of the grounds the law gives holds on these facts):"),
    "not_required_line": ("{title}：因为{why}", "{title}: since {why}"),
    "open": ("尚无法确定（缺少决定性事实）：", "Undetermined (the case leaves out the facts that decide it):"),
    "open_line": ("{title}：需要{facts}{more}", "{title}: needs {facts}{more}"),
    "open_deadline": ("期限“{title}”（{subject}）是否适用：需要{facts}{more}",
                      "Whether the deadline “{title}” ({subject}) applies: needs {facts}{more}"),
    "lifted_more": ("另有{count}项本案不要求的义务，见 `--full`。", "{count} more not required: see `--full`."),
    "lifted_none_shown": ("另有{count}项义务本案不要求（法定条件均不成立），见 `--full`。",
                          "{count} duties are not required here (none of their grounds holds): see `--full`."),
    "open_more": ("另有{count}项尚无法确定，见 `--full`。", "{count} more undetermined: see `--full`."),
    "warnings": ("提示：", "Warnings:"),
    "warnings_more": ("另有{count}项提示，见 `--full`。", "{count} more warnings: see `--full`."),
    "footer": ("另有{others}项许可和认定未列出；各结论的依据、条文原文和全部解释见 `--full`。采用的解释：{readings}",
               "{others} permissions and findings are not shown; `--full` gives every conclusion with its "
               "grounds and quoted clause. Interpretations used: {readings}"),
    "list_sep": ("、", ", "),
    "is": ("：", ": "),
}


def phrase(key: str, lang: str, **values: object) -> str:
    """The phrase `key` in `lang` ('zh' or 'en'), its `{placeholders}` filled."""
    zh, en = PHRASES[key]
    return (zh if lang == "zh" else en).format(**values)
