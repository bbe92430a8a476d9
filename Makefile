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
	$(PY) -c "from newsweave import gazetteer; print('gazetteer index:', gazetteer.ensure())"
	$(PY) -m newsweave.embed
	$(PY) -m newsweave.fuse.reader
	touch $@

# System packages the tests drive for real: PostgreSQL server binaries and Chromium.
$(SYSSTAMP): scripts/install-system.sh
	bash scripts/install-system.sh
	@mkdir -p $(VENV) && touch $@

# The main job on the bundled examples: ingest, list the stories, then the largest story's
# dossier in the terminal and as a self-contained HTML page. Python packages only: no apt.
demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/newsweave --db demo.db ingest examples/
	$(BIN)/newsweave --db demo.db stories
	@id=$$($(BIN)/newsweave --db demo.db stories --json | $(PY) -c \
	  "import json,sys; print(max(json.load(sys.stdin), key=lambda s: s['article_count'])['id'])"); \
	$(BIN)/newsweave --db demo.db show $$id && \
	$(BIN)/newsweave --db demo.db export $$id --format html -o demo-story.html && \
	echo "The dossier as a web page: $$(pwd)/demo-story.html"
	$(BIN)/newsweave analyze examples/ --json > demo.json
	@echo "The whole analysis as JSON (output contract v1): $$(pwd)/demo.json"
	@echo "To read the stories side by side in a browser: $(BIN)/newsweave --db demo.db serve"
	@echo "  then open http://127.0.0.1:8000/"

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install
	$(PY) bench/analyze_throughput.py

clean:
	rm -rf $(VENV) demo.db* demo.json demo-story.html .pytest_cache .mypy_cache .ruff_cache
