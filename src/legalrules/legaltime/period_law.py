"""Which text counts a period: the Criminal Procedure Law's period article in force on the period's start.

The article that counts periods was Art. 78 of the 1996 text (in force 1997-01-01), Art.
103 of the 2012 text (in force 2013-01-01) and is Art. 105 of the 2018 text (in force
2018-10-26). Paragraphs 1-3 (periods in hours, days and months; the starting hour and day
not counted; travel time not counted) read the same in all three. Paragraph 4 (a last day
on a holiday moves to the first day after it, but a custody period never does) was added
by the 2012 amendment: the NPC Legislative Affairs Commission's commentary on the 2012
Art. 103 says the 2012 decision 对本条作了修改，增加了第四款 (mirrored at
https://m.taodocs.com/p-4039751.html, "法条释义-第八章期间、送达", from 中国人大网).

Before 2013 no article of the Law decides a last day on a holiday. The Supreme People's
Court's 1998 interpretation (最高人民法院关于执行《中华人民共和国刑事诉讼法》若干问题的解释) Art.
103 did: 期间的最后一日为节假日的，以节假日后的第一日为期间届满日期。但对于被告人或者罪犯的在押期间，
应当至期间届满之日为止，不得因节假日而延长在押期限 (quoted from secondary sources, e.g.
http://m.shkps.cn/changshi/419507.html and https://pfbkw.com/zh-hant/xingshi/xingshisusong/gd4g5e.html;
the text is not among ../shared/sources). It names the custody of a defendant or an
offender, not of a suspect held during the investigation: whether a suspect's custody
period then moved past a holiday is the switchable interpretation `holidays_before_2013`.

A month is counted as SPC Interpretation 2021 Art. 202 says; for a period that began before
that interpretation took effect (2021-03-01) the decision says the rule is applied as
written there, the interpretation then in force not being among the sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CPL_2012_IN_FORCE = date(2013, 1, 1)
CPL_2018_IN_FORCE = date(2018, 10, 26)
SPC_2021_IN_FORCE = date(2021, 3, 1)
SPC_1998_ART_103 = ("SPC 1998 Interpretation Art. 103 (期间的最后一日为节假日的，以节假日后的第一日为期间届满日期。"
                    "但对于被告人或者罪犯的在押期间，应当至期间届满之日为止，不得因节假日而延长在押期限; quoted from "
                    "secondary sources, not among the project's sources)")


@dataclass(frozen=True)
class PeriodLaw:
    """The texts that count a period begun on a given day, as the decision cites them."""

    article: str
    holiday_rule: str
    months: str
    para_4_exists: bool

    def para(self, number: int) -> str:
        """The article's paragraph, e.g. `CPL 2012 Art. 103 para 2`."""
        return f"{self.article} para {number}"


def period_law(start: date) -> PeriodLaw:
    """The period texts in force on `start` (the anchor's local day)."""
    months = ("SPC Interpretation 2021 Art. 202" if start >= SPC_2021_IN_FORCE else
              "the month rule of SPC Interpretation 2021 Art. 202 (in force from 2021-03-01; the "
              "interpretation in force on the period's start is not among the sources)")
    if start >= CPL_2018_IN_FORCE:
        return PeriodLaw("CPL Art. 105", "CPL Art. 105 para 4", months, True)
    if start >= CPL_2012_IN_FORCE:
        return PeriodLaw("CPL 2012 Art. 103", "CPL 2012 Art. 103 para 4", months, True)
    return PeriodLaw("CPL 1996 Art. 78", SPC_1998_ART_103, months, False)
