"""Readings the law leaves open: each is named, documented, switchable, and reported."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Interpretations(BaseModel):
    """The readings an evaluation uses where the sources do not settle a question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age_counting: Literal["from_day_after_birthday", "from_birthday"] = Field(
        default="from_day_after_birthday",
        description=(
            "When a person reaches an age of N completed years (周岁). None of the sources "
            "here defines it; Chinese judicial practice counts it from the day after the "
            "birthday, so a suspect interrogated on their 18th birthday is still a minor. "
            "'from_birthday' counts the birthday itself."
        ),
    )


INTERPRETATION_TEXT: dict[str, dict[str, str]] = {
    "age_counting": {
        "from_day_after_birthday": "age in completed years counts from the day after the birthday "
        "(周岁从生日的第二天起算): on the 18th birthday the suspect is still a minor",
        "from_birthday": "age in completed years counts from the birthday itself",
    },
}


def describe(interpretations: Interpretations) -> list[tuple[str, str, str]]:
    """(name, chosen value, plain description) for each interpretation in force."""
    out = []
    for name in type(interpretations).model_fields:
        value = getattr(interpretations, name)
        out.append((name, str(value), INTERPRETATION_TEXT[name][value]))
    return out
