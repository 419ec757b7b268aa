"""Split a statutes-zh Markdown text into its articles, for building article-index skeletons.

Run: python scripts/zh_articles.py ../shared/sources/statutes-zh/spp_2019.md [--index]
Prints each article as "N<TAB>first line" (or, with --index, an articles.yaml
skeleton with the chapter and section headings as comments).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
ARTICLE = re.compile(r"^第([零一二两三四五六七八九十百千]+)条\s*(.*)$")
HEADING = re.compile(r"^(#+)\s*(.*)$")


def chinese_number(text: str) -> int:
    """The integer a Chinese numeral such as 七百零八 writes."""
    total, digit = 0, 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (digit or 1) * _UNITS[char]
            digit = 0
    return total + digit


def articles(path: Path) -> list[tuple[int, str, str]]:
    """(number, heading path, full text) of each article, in order."""
    found: list[tuple[int, str, str]] = []
    headings: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) >= 2:
            level = len(heading.group(1))
            headings = {k: v for k, v in headings.items() if k < level}
            headings[level] = heading.group(2).replace(" ", "")
            continue
        match = ARTICLE.match(line)
        if match:
            place = " ".join(headings[k] for k in sorted(headings))
            found.append((chinese_number(match.group(1)), place, match.group(2)))
        elif found and line.strip():
            number, place, text = found[-1]
            found[-1] = (number, place, text + "\n" + line.strip())
    return found


def main() -> None:
    """Print the articles, or an index skeleton with --index."""
    found = articles(Path(sys.argv[1]))
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise SystemExit(f"articles not numbered 1..N in order: {numbers[:5]}...")
    place = None
    for number, where, text in found:
        if "--index" in sys.argv:
            if where != place:
                print(f"  # {where}")
                place = where
            first = text.splitlines()[0]
            print(f"  {number}:\n    status: TODO\n    summary: {first[:60]!r}")
        else:
            print(f"{number}\t{where}\t{text}")


if __name__ == "__main__":
    main()
