# Two commands on a fresh machine:
#   make site   -- install everything the build needs, then build site/ from content/
#   make test   -- install test tools too (browser included), then run lint and the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve check golden bench clean readme

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

test: $(BIN)/briefing
	./scripts/install-browser
	$(BIN)/ruff check generator tests scripts
	$(BIN)/ruff format --check generator tests scripts
	$(BIN)/mypy generator
	$(BIN)/pytest

bench: $(BIN)/briefing
	$(BIN)/python -m bench.benchmark

golden: $(BIN)/briefing
	$(BIN)/pytest tests/test_golden.py --update-golden

clean:
	rm -rf site build

readme: $(BIN)/briefing
	$(BIN)/python -c "from pathlib import Path; from generator.reference import update_readme; p = Path('README.md'); p.write_text(update_readme(p.read_text()))"
