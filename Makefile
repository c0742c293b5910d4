# Every target bootstraps .venv itself: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run bytecode qt-libs test lint poppler xserver bench screenshots forms clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Qt's xcb platform plugin needs X11 libraries that the PySide6 wheels do not bundle and a
# minimal desktop lacks: installed as root with apt-get, else the command is printed and make stops.
qt-libs: $(STAMP)
	@$(PY) tools/qt_system_libs.py

# An editable install leaves the app's modules uncompiled, and where PYTHONDONTWRITEBYTECODE is
# set (managed desktops, CI images) Python never caches them: each start compiled ~270 modules
# again (launch 0.50 s instead of 0.27 s). Compiled here as pip does for a wheel; a module edited
# later is recompiled from its source as usual.
bytecode: $(STAMP)
	@$(PY) -m compileall -q -j 0 reviewer_app main.py

run: qt-libs bytecode
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

# tests/ui/test_xserver.py opens the real window under Xvfb, finds it with xdotool and takes a
# screenshot with ImageMagick's import.
xserver:
	@command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v import >/dev/null || \
	  { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends \
	      -o DPkg::Lock::Timeout=120 xvfb xdotool imagemagick >/dev/null; } || \
	  { echo "xvfb, xdotool and imagemagick are needed by the X server test"; exit 1; }

test: lint poppler qt-libs xserver bytecode
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: bytecode
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: bytecode
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py

forms: $(STAMP)
	for f in forms/*.ui; do \
	  $(VENV)/bin/pyside6-uic $$f -o reviewer_app/ui/forms/ui_$$(basename $$f .ui).py; \
	done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
