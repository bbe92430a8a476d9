# Two commands matter: `make demo` and `make test`. Both set everything up on a fresh machine.
VENV    := .venv
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SYSSTAMP := $(VENV)/.system-installed

.PHONY: install system demo test lint typecheck pytest bench evaluate clean

install: $(STAMP) $(SYSSTAMP)

# Python packages, all pinned. torch goes first so pip takes the CPU build on this machine.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -U pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

# System packages the tests drive for real: PostgreSQL server binaries and Chromium.
$(SYSSTAMP): scripts/install-system.sh
	bash scripts/install-system.sh
	@mkdir -p $(VENV) && touch $@

demo: install
	$(BIN)/newsweave --db demo.db ingest examples/ || test $$? -eq 2
	$(BIN)/newsweave --db demo.db articles
	$(BIN)/newsweave analyze examples/ --json > demo.json
	@echo "The whole analysis as JSON (output contract v1): demo.json"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install
	$(PY) bench/analyze_throughput.py

clean:
	rm -rf $(VENV) demo.db* demo.json .pytest_cache .mypy_cache .ruff_cache
