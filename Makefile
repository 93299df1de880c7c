# Kennisbank — every target sets itself up on a fresh machine.
#   make serve   build the starter hub and serve it on http://127.0.0.1:8000
#   make site    build the site into site/
#   make test    run the whole test suite (installs Chromium for the browser tests when possible)
#   make check   validate the content like CI does
#   make lint    ruff, mypy and the JavaScript linter, as CI runs them
#   make offline build the copy for file:// and pack it as site-offline.zip
#   make pdf     make one PDF of the whole hub: kennisbank.pdf
#   make bench   build speed against plain Material (benchmarks/run.py; takes several minutes)

PYTHON ?= python3
FORMAT ?= text
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve site test check lint schema offline pdf deps clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: site
	$(BIN)/kennisbank serve --dev-addr 127.0.0.1:8000

site: $(STAMP) deps
	$(BIN)/kennisbank build --site-dir site

offline: $(STAMP) deps
	$(BIN)/kennisbank build --offline --site-dir site-offline

pdf: $(STAMP) deps
	$(BIN)/kennisbank pdf -o kennisbank.pdf

# CI runs 'make check FORMAT=github' so that errors appear on the changed lines of a pull request.
check: $(STAMP)
	$(BIN)/kennisbank check --format $(FORMAT)

# The JavaScript linter comes from the npm registry (package-lock.json); the site itself installs no npm package
# (its one, Mermaid, is committed in overrides/assets/javascripts/mermaid/, see VENDOR.txt there).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check kennisbank hooks tests benchmarks
	$(BIN)/mypy
	npm run --silent lint

schema: $(STAMP)
	$(BIN)/kennisbank schema

# Debian packages for WeasyPrint (PDFs), the browser tests and pdftoppm.
deps:
	@scripts/ensure-system-deps

# Two workers (pytest-xdist), each taking whole test files so that a file's module fixtures (built sites,
# one browser) are made once: the suite spends half its time waiting on Chromium and servers, so two workers
# on two cores halve the wall time (15 to 9.5 minutes here). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2
test: $(STAMP) deps
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site site-offline site-offline.zip kennisbank.pdf .pytest_cache test-artifacts node_modules
