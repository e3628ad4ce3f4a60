# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8050
FLASK  := $(BIN)/flask --app wsgi

.PHONY: run test bench screenshots lint format install install-dev lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Dependencies come from the hashed lock only; the project itself is installed without them.
$(VENV)/.installed: $(BIN)/python requirements.txt setup.cfg pyproject.toml
	$(BIN)/pip install -q --require-hashes -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install -q --require-hashes -r requirements-dev.txt
	touch $@

## lock: recompile requirements*.txt (pinned, hashed) from setup.cfg after a dependency change
LOCK_FOR := --generate-hashes --python-version 3.11.7 --python-platform x86_64-manylinux_2_28 \
	--custom-compile-command "make lock" -q
lock: install-dev
	$(BIN)/uv pip compile setup.cfg $(LOCK_FOR) -o requirements.txt
	$(BIN)/uv pip compile setup.cfg --extra dev $(LOCK_FOR) -o requirements-dev.txt

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: migrate, make sure a model is registered, seed demo data once, serve on 127.0.0.1:$(PORT)
## (the server prints the development-defaults warning once, then the URL and the demo log-ins)
run: install
	$(BIN)/python -m modelling ensure --quick
	QUIET_DEV_DEFAULTS=1 $(FLASK) demo init --migrate
	$(BIN)/gunicorn -c gunicorn.conf.py --bind 127.0.0.1:$(PORT) wsgi:app

## test: the whole suite (SQLite and PostgreSQL; Redis and Chromium where tests need them)
test: install-dev
	$(BIN)/pytest

## bench: speed figures (see docs/performance.md)
bench: install-dev
	$(BIN)/python benchmarks/run_all.py

## screenshots: every dashboard page, annotated, into docs/screenshots/ (Debian's chromium)
screenshots: install-dev
	$(BIN)/python scripts/screenshots.py --out docs/screenshots

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) instance models .pytest_cache .ruff_cache *.egg-info
