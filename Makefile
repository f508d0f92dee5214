# INFOCLUSTER: one command per role. ISSUE= picks an issue (default: the newest in issues/);
# make preview takes EDITION= (default sr-Latn) and WATCH=1 to rebuild on every change.
ISSUE ?=
EDITION ?= sr-Latn
VENV := .venv
MAGAZINE := $(VENV)/bin/magazine

.PHONY: issue translations status preview proofs release test test-fast bench setup

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
	$(MAGAZINE) preview $(ISSUE) -e $(EDITION) $(if $(WATCH),--watch)

proofs: setup
	$(MAGAZINE) proofs $(ISSUE)

release: setup
	$(MAGAZINE) release $(ISSUE)

test: setup
	$(VENV)/bin/python -m pytest -q

# everything that needs no build of an issue's PDFs or e-books (the `build` marker)
test-fast: setup
	$(VENV)/bin/python -m pytest -q -m "not build"

bench: setup
	$(VENV)/bin/python scripts/bench.py
