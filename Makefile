# Every target bootstraps .venv itself: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint poppler bench screenshots forms clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# The letter tests read PDFs with an independent reader (poppler-utils: pdftotext, pdfsig).
poppler:
	@command -v pdftotext >/dev/null && command -v pdfsig >/dev/null || \
	  { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	    apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; } || \
	  { echo "poppler-utils (pdftotext, pdfsig) is needed by the letter tests"; exit 1; }

test: lint poppler
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py

forms: $(STAMP)
	for f in forms/*.ui; do \
	  $(VENV)/bin/pyside6-uic $$f -o reviewer_app/ui/forms/ui_$$(basename $$f .ui).py; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
