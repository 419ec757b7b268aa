# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
EXAMPLE ?= examples/murder_interrogation.yaml

.PHONY: run test browser stress bench typecheck check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@# An editable install leaves our modules uncompiled (pip compiles a regular
	@# install); compile them now so no run pays for it, even under
	@# PYTHONDONTWRITEBYTECODE. A stale .pyc is simply recompiled in memory.
	$(PY) -m compileall -q src/legalrules
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/legalrules evaluate $(EXAMPLE)

# One pytest worker per core (pytest-xdist); worksteal evens out the few long tests.
test: $(STAMP) browser
	$(PY) -m pytest -q -m "not slow" -n auto --dist worksteal

# Debian's chromium + chromium-driver (and a CJK font) for the notice layout test, when
# missing and installable (root with apt-get); quiet, and never fails the build itself.
browser:
	@.ci/install-browser

stress: $(STAMP)
	$(PY) -m pytest -q -s -m slow

bench: $(STAMP)
	$(PY) bench/bench_evaluate.py
	$(PY) bench/bench_cli_floor.py
	$(PY) bench/bench_service.py
	$(PY) bench/bench_batch.py

typecheck: $(STAMP)
	$(PY) -m mypy

check: $(STAMP)
	$(VENV)/bin/legalrules check

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis .mypy_cache
