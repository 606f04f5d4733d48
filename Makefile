# provenance. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

$(READY): pyproject.toml
	@echo "Setting up $(VENV): provenance and its tools (a minute or two the first time)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check --editable '.[dev]'
	touch $@

.PHONY: help install bytecode run report test test-fast check verify lint typecheck snapshots smoke fuzz bench bench-tui bench-quotes bench-collate bench-scan audit-pages clean

help:                   ## List targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "%-14s %s\n", $$1, $$2}'

install: bytecode       ## Create .venv and install the package with its test tools, and its bytecode

# The package's bytecode, brought up to date before anything runs it (a few hundredths of a
# second when it is). pip compiles what it installs, but not an editable package, and where
# PYTHONDONTWRITEBYTECODE is set (containers, CI images) Python never writes it either: then
# every process compiled the package from source, 0.14 of its 0.48 CPU-seconds of imports.
# `install` writes it too: a `provenance scan` run straight after `make install` compiled
# the package again in every run (0.17 of a one-worker scan's 2.2 CPU-seconds).
bytecode: $(READY)
	@$(BIN)/python -m compileall -q provenance

run: bytecode           ## Open the review UI on the bundled corpus
	$(BIN)/provenance review corpus

report: bytecode        ## Print the report of the bundled corpus
	$(BIN)/provenance report corpus

test: bytecode          ## Run the test suite (one pytest-xdist worker a core)
	$(BIN)/python -m pytest -q -n auto

test-fast: bytecode     ## The suite without the review UI's tests (tui), the fuzz sweep (slow) and benchmarks
	$(BIN)/python -m pytest -q -n auto -m "not tui and not slow and not bench"

check: bytecode         ## CI gate: corpus integrity and every finding reviewed
	$(BIN)/provenance check corpus

lint: $(READY)          ## Lint: ruff (format and rules) and the import contracts
	$(BIN)/ruff format --check provenance tests benchmarks
	$(BIN)/ruff check provenance tests benchmarks
	$(BIN)/lint-imports --no-logo

verify: lint typecheck test check  ## What CI runs: lint, import contracts, types, tests, corpus gate

typecheck: $(READY)     ## mypy --strict on the package
	$(BIN)/mypy

snapshots: $(READY)     ## Re-record the TUI snapshots (look at the report first)
	$(BIN)/python -m pytest tests/tui --snapshot-update

smoke: bytecode         ## Drive the review UI in tmux on a temp copy of the corpus
	scripts/smoke_tmux.sh

fuzz: bytecode          ## Generated captures of every format through every output and the review (long; FUZZ_EXAMPLES per format, FUZZ_SEED, FUZZ_FORMAT=text|markdown|html, FUZZ_PROGRESS=FILE)
	PROVENANCE_FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} PROVENANCE_FUZZ_PROGRESS=$${FUZZ_PROGRESS:-} $(BIN)/python -m pytest tests/test_fuzz_captures.py -q -x -p no:cacheprovider --hypothesis-show-statistics $${FUZZ_SEED:+--hypothesis-seed=$$FUZZ_SEED} $${FUZZ_FORMAT:+-k $$FUZZ_FORMAT}

bench-tui: bytecode     ## Review UI: launch time (5 and 200 captures), cost of a cursor key
	$(BIN)/python benchmarks/tui_bench.py
	$(BIN)/python benchmarks/tui_keys.py

bench: bytecode         ## Benchmarks, with the machine noted in the output
	$(BIN)/python benchmarks/check_bench.py
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/quotes_bench.py
	$(BIN)/python benchmarks/tui_bench.py
	$(BIN)/python benchmarks/tui_keys.py
	$(BIN)/python benchmarks/size_sweep.py --timeout 120

bench-quotes: bytecode  ## Quotation verdicts: precision and recall per verdict on the case set, cost
	$(BIN)/python benchmarks/quote_cases.py

bench-collate: bytecode ## Collation benchmark, with CollateX for comparison (a few minutes)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[dev,bench]'
	$(BIN)/python benchmarks/collate_bench.py

audit-pages: bytecode   ## The audits' pages against their recorded findings: every difference, page by page
	$(BIN)/python benchmarks/audit_snapshot.py

bench-scan: bytecode    ## Scan the generator's 20,000 documents: MB/s per core, recall, Dask vs local
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[dev,bench]'
	$(BIN)/python benchmarks/scan_bench.py

clean:                  ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
	find provenance -name __pycache__ -prune -exec rm -rf {} +
