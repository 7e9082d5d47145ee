# Two commands do all set-up on a fresh machine:
#   make demo   import examples/ into ./kg, print a summary and who claims what, write out/claims.html
#   make test   lint, type checks and the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
STORE  ?= kg

.PHONY: demo test lint typecheck unit browser-deps bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kgbuild import examples/articles examples/feeds --store $(STORE) --rejects out/rejects.jsonl --quiet
	$(BIN)/kgbuild query examples/queries/claims_by_speaker.rq --store $(STORE)
	$(BIN)/kgbuild viz --view claims --store $(STORE) --out out/claims.html
	@echo "Graph in ./$(STORE); HTML view in out/claims.html"

browser-deps:
	bash scripts/install-chromium.sh || echo "chromium not installed: the browser tests will be skipped"

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: $(STAMP) browser-deps lint typecheck unit

bench: $(STAMP)
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_views.py
	$(BIN)/python bench/bench_validate.py

clean:
	rm -rf $(VENV) kg out .pytest_cache .mypy_cache .ruff_cache
