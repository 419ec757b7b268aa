"""The words an officer reads for what the rulesets name: short instrument titles, citations, titles.

Decisions carry citations as `crim_proc Art. 85 para. 2` and titles in English;
an officer reads `CPL Art. 85 para. 2`, or in Chinese `《刑事诉讼法》第八十五条第二款`
and the Chinese title the ruleset gives (`title_zh`). Built once from the loaded
rulesets, so every text renderer words the same thing the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..ruleformat.compiled import CompiledRuleset
from .notices.words import citation as cited
from .notices.words import TRANSLATION_MARK, has_word, is_chinese, word
from .notices.words import period as period_words

Lang = Literal["zh", "en"]


@dataclass(frozen=True)
class Vocabulary:
    """Short titles per ruleset, and the Chinese titles of conclusions and deadlines."""

    lang: Lang = "en"
    short_titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    conclusion_titles_zh: dict[tuple[str, str], str] = field(default_factory=dict)
    deadline_titles_zh: dict[tuple[str, str], str] = field(default_factory=dict)
    # A deadline exception's English title -> its clause as the statute words it (“无法通知的情形消失以后……”).
    exception_quotes: dict[str, str] = field(default_factory=dict)
    # A chain of instruments (`public_security_procedure_rules`) by its Chinese title.
    chain_titles_zh: dict[str, str] = field(default_factory=dict)
    # A deadline's `otherwise` (what governs an item its anchor leaves out) -> its `otherwise_zh`.
    otherwise_zh: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, rulesets: Iterable[CompiledRuleset], lang: Lang = "en") -> Vocabulary:
        """The words of these rulesets, in `lang`."""
        shorts, conclusions, deadlines, exceptions, chains, otherwise = {}, {}, {}, {}, {}, {}
        for ruleset in rulesets:
            inst = ruleset.instrument
            if inst.chain is not None:
                chains[inst.chain.id] = inst.chain.title.zh
            # Without a short title a citation keeps the ruleset id the decision gives (the whole
            # English title would swamp it); in Chinese the instrument's own title is still right.
            short = inst.short_title
            shorts[ruleset.id] = (short.zh, short.en) if short else (inst.title.zh, ruleset.id)
            for conclusion in ruleset.conclusions:
                if conclusion.spec.title_zh:
                    conclusions[(ruleset.id, conclusion.name)] = conclusion.spec.title_zh
            for deadline in ruleset.deadlines:
                if deadline.spec.title_zh:
                    deadlines[(deadline.id, deadline.spec.duty)] = deadline.spec.title_zh
                if deadline.spec.otherwise and deadline.spec.otherwise_zh:
                    otherwise[deadline.spec.otherwise.strip()] = deadline.spec.otherwise_zh.strip()
                for exception in deadline.exceptions:
                    if is_chinese(exception.spec.quote or ""):
                        exceptions[exception.spec.title] = f"“{exception.spec.quote.strip()}”"
                    elif exception.spec.quote:  # quoted from an English translation: said so
                        exceptions[exception.spec.title] = f"“{exception.spec.quote.strip()}{TRANSLATION_MARK}”"
        return cls(lang, shorts, conclusions, deadlines, exceptions, chains, otherwise)

    def otherwise_said(self, text: str) -> str:
        """In Chinese, `text` with a deadline's `otherwise` (as the engine appends it to a reason) in Chinese."""
        if self.lang == "en":
            return text
        for english, chinese in self.otherwise_zh.items():
            text = text.replace(english, chinese)
        return text

    def exceptions_said(self, text: str) -> str:
        """In Chinese, `text` with each deadline exception's English title replaced by its clause."""
        if self.lang == "en":
            return text
        for title, quote in sorted(self.exception_quotes.items(), key=lambda item: -len(item[0])):
            text = text.replace(title, quote)
        return text

    def citation(self, text: str) -> str:
        """A decision citation in the reader's words: `CPL Art. 85 para. 2`, `《刑事诉讼法》第八十五条第二款`."""
        ruleset, _, rest = text.partition(" ")
        if ruleset not in self.short_titles:
            return text
        zh, en = self.short_titles[ruleset]
        if self.lang == "zh":
            return cited(text, "zh", zh)
        return f"{en} {rest}"

    def cite_in(self, text: str) -> str:
        """`text` with each rule id (`crim_proc.art85.2`) and decision citation in it in the reader's words."""
        if not self.short_titles:
            return text
        names = "|".join(re.escape(name) for name in sorted(self.short_titles, key=len, reverse=True))
        # ASCII edges, not \b: in a Chinese sentence a citation touches Chinese characters, which are word
        # characters too (`超过crim_proc Art. 91 para. 1允许的`).
        rule_id = re.compile(rf"(?<![A-Za-z0-9_])({names})\.art(\d+)(?:\.(\d+))?(?:\.(\d+))?(?![A-Za-z0-9_])")
        cited_text = re.compile(rf"(?<![A-Za-z0-9_])({names}) Art\. \d+(?: para\. \d+)?(?: item \(\d+\))?")

        def from_id(match: re.Match[str]) -> str:
            ruleset, art, para, item = match.groups()
            return (f"{ruleset} Art. {art}" + (f" para. {para}" if para else "")
                    + (f" item ({item})" if item else ""))
        text = rule_id.sub(from_id, text)
        return cited_text.sub(lambda m: self.citation(m.group(0)), text)

    def conclusion_title(self, ruleset: str, conclusion: str, title: str) -> str:
        """A conclusion's title in the reader's language (English when no Chinese title is given)."""
        if self.lang == "zh":
            return self.conclusion_titles_zh.get((ruleset, conclusion), title)
        return title

    def deadline_title(self, rule_id: str, duty: str, title: str, period: str | None = None) -> str:
        """A deadline's title in the reader's language.

        In Chinese: the ruleset's `title_zh`, else the duty as the notices word it
        (`通知家属`) with its period (`（24小时）`), else the English title.
        """
        if self.lang == "en":
            return title
        if (rule_id, duty) in self.deadline_titles_zh:
            return self.deadline_titles_zh[(rule_id, duty)]
        if not has_word(duty):
            return title
        duty_words = word(duty, "zh")
        return duty_words if period is None or "（" in duty_words else f"{duty_words}（{period_words(period, 'zh')}）"
