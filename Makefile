# Two commands on a fresh machine:
#   make site   -- install everything the build needs, then build site/ from content/
#   make test   -- install test tools too (browser included), then run lint, types and the whole suite
# While working: make test-fast (everything but MkDocs, Zensical, browser and install tests; under a minute).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CODE := generator tests scripts bench

.PHONY: site test test-fast lint serve check golden bench bench-draft lighthouse clean readme schemas

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

site: $(BIN)/briefing
	$(BIN)/briefing build

check: $(BIN)/briefing
	$(BIN)/briefing check

serve: $(BIN)/briefing
	$(BIN)/briefing serve

lint: $(BIN)/briefing
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/mypy

test: lint
	./scripts/install-browser
	$(BIN)/pytest

test-fast: $(BIN)/briefing
	$(BIN)/ruff check $(CODE)
	$(BIN)/pytest -m "not slow" -q

bench: $(BIN)/briefing
	$(BIN)/python -m bench.benchmark

# How good `briefing draft` is on the gold encodings (tests/fixtures/draft/): precision and recall, fields left to fill.
bench-draft: $(BIN)/briefing
	$(BIN)/python -m bench.draft

# Lighthouse's mobile scores of every page kind, gzip-served and plain (outside the test suite; prints figures).
lighthouse: site
	./scripts/install-browser
	npm ci --prefix scripts/lighthouse --no-audit --no-fund
	$(BIN)/python scripts/lighthouse/run.py site

golden: $(BIN)/briefing
	$(BIN)/pytest -m golden --update-golden -q

clean:
	rm -rf site .site.* build

schemas: $(BIN)/briefing
	$(BIN)/python -m generator.schema

readme: $(BIN)/briefing
	$(BIN)/python -c "from pathlib import Path; from generator.reference import update_readme; p = Path('README.md'); p.write_text(update_readme(p.read_text()))"
