# Two commands for a fresh machine: `make demo` and `make test` (see README).
# Both create .venv if needed, install torch 2.13.0 (CPU) first, then the project; a second run reinstalls nothing
# unless pyproject.toml changed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
PYTEST_ARGS ?=

.PHONY: demo test install install-test lint eval bench pack clean

demo: $(VENV)/.installed
	$(BIN)/scrutiny demo

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e .
	# Export the packaged embedding model to ONNX once per environment, so no data directory has to (not fatal:
	# without it the first use exports into the data directory).
	$(BIN)/python -m knowledge.onnx_embedder || echo "ONNX export skipped; it will run on first use"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	touch $@

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

eval: $(VENV)/.installed
	$(BIN)/scrutiny eval

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run_all.py

pack: $(VENV)/.installed-test
	$(BIN)/python -m bot.sample_pack.generate

clean:
	rm -rf $(VENV) build *.egg-info
