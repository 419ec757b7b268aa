"""Evaluation: the native stratified evaluator, generated code, the durable-rules adapter, deadlines.

`evaluate.Engine` is the entry point; `frames` turns a case into per-subject frames,
`native`/`codegen`/`bulk` evaluate compiled conditions, `durable` is the only module that
imports durable-rules, `outcomes`/`explain`/`explain_rule` build explanations, `deadlines`
judges deadlines, `scenarios`/`coverage` run rulesets' own scenario tests.

May import: `case`, `decision`, `legaltime`, `ruleformat`, and the shared top-level modules.
"""
