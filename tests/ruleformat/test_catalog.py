"""The fact catalog: one entry per fact, and every boolean fact of the case contract in it."""

from __future__ import annotations

from collections import Counter

from legalrules.case.model import Circumstances, Interrogation, Suspect
from legalrules.ruleformat.catalog import _SPECS, CATALOG


def test_no_fact_is_declared_twice() -> None:
    """Two specs of one name would let the later silently replace the earlier."""
    assert [name for name, n in Counter(spec.name for spec in _SPECS).items() if n > 1] == []


def test_every_boolean_fact_of_the_contract_is_in_the_catalog() -> None:
    for prefix, model in (("suspect", Suspect), ("circumstances", Circumstances), ("interrogation", Interrogation)):
        for name, field in model.model_fields.items():
            if field.annotation == (bool | None):
                spec = CATALOG[f"{prefix}.{name}"]
                assert spec.type == "bool" and spec.scope in ("case", "interrogation"), spec
