# INFOCLUSTER: one command per role. ISSUE= picks an issue (default: the newest in issues/).
ISSUE ?=
VENV := .venv
MAGAZINE := $(VENV)/bin/magazine

.PHONY: issue translations status preview test bench setup

$(VENV)/.installed: pyproject.toml scripts/bootstrap.sh
	bash scripts/bootstrap.sh

setup: $(VENV)/.installed

issue: setup
	$(MAGAZINE) translations update $(ISSUE)
	$(MAGAZINE) build $(ISSUE)
	$(MAGAZINE) translations status $(ISSUE)

translations: setup
	$(MAGAZINE) translations update $(ISSUE)

status: setup
	$(MAGAZINE) translations status $(ISSUE)

preview: setup
	$(MAGAZINE) build $(ISSUE) -e sr-Latn -f screen

test: setup
	$(VENV)/bin/python -m pytest -q


bench: setup
	$(VENV)/bin/python scripts/bench.py
