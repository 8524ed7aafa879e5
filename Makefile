# Two commands on a fresh clone: `make run` and `make test`. Both create .venv and install on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
PACKAGE_INSTALLED := $(VENV)/.installed-package

.PHONY: run test lint test-system-packages system-python-venv postgresql-server bench bench-full soak package dist clean

# First use takes a few minutes: pip's own progress is shown, so it never looks stuck.
$(INSTALLED): pyproject.toml
	@echo "kzeu-desk: setting up $(VENV) (first run only): installing PySide6, SQLAlchemy and the test tools with pip…"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --progress-bar on --upgrade pip
	$(PY) -m pip install --progress-bar on -e '.[test]'
	touch $(INSTALLED)
	@echo "kzeu-desk: set up. The kzeu-desk command is $(VENV)/bin/kzeu-desk (or run 'source $(VENV)/bin/activate' to type just kzeu-desk)."

run: $(INSTALLED)
	$(PY) -m kzeu_desk $(ARGS)

# The modules are spread over one worker per core, each module whole on one worker so its module
# fixtures are built once, the modules with long tests first (tests/conftest.py, docs/TESTING.md). PYTEST_WORKERS=0 runs everything in this one process.
# PyInstaller is installed before the tests start: installing it reinstalls the editable kzeu-desk,
# which would pull the package from under tests running beside the packaging tests' `make dist`.
# Tests marked wall_clock bound elapsed real time (the window's longest stall, a change heard within
# two seconds): beside another worker's PyInstaller build the stall test saw 0.56-1.49 s against its
# 0.25 s bound, so they run afterwards, one at a time (pytest's status 5 is "none selected").
PYTEST_WORKERS ?= auto
test: lint test-system-packages system-python-venv postgresql-server $(PACKAGE_INSTALLED)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder -m "not wall_clock" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:xdist -m wall_clock $(PYTEST_ARGS) || [ $$? -eq 5 ]

# ruff (errors, imports, bug-prone patterns), mypy (the core strictly, the UI where annotated) and
# import-linter (who may import whom: docs/ARCHITECTURE.md); settings in pyproject.toml.
lint: $(INSTALLED)
	$(VENV)/bin/ruff check kzeu_desk tests benchmarks db packaging
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Debian packages some tests need (the report is opened in a real headless browser): installed when
# missing if we may (CI runs as root); otherwise those tests say what to install and are skipped.
TEST_SYSTEM_PACKAGES := chromium
test-system-packages:
	@command -v dpkg >/dev/null || exit 0; missing=""; \
	for package in $(TEST_SYSTEM_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then echo "installing system packages for the tests:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "not root: tests needing$$missing will be skipped"; fi

# Tests that run as an ordinary user build a venv from the system Python (tests/ordinary_user.py);
# Debian ships its venv support separately.
system-python-venv:
	@if [ "$$(id -u)" = 0 ] && [ -x /usr/bin/python3 ] && ! /usr/bin/python3 -c 'import ensurepip' 2>/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; fi

# The core tests also run on a PostgreSQL server they start themselves in a temporary folder
# (tests/postgresql_server.py): Debian's server binaries, installed here when missing.
postgresql-server:
	@if [ "$$(id -u)" = 0 ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; fi

# A long crash-safety run: thousands of SIGKILLs during editing and import (docs/RELIABILITY.md).
SOAK_KILLS ?= 2000
soak: $(INSTALLED)
	mkdir -p build/soak && rm -rf build/soak/*
	$(PY) tests/crash_harness.py --kills $(SOAK_KILLS) --folder build/soak

clean:
	rm -rf build dist .pytest_cache

# -- packaging (docs/PACKAGING.md) -------------------------------------------------------------------------------
# `make package`: a PyInstaller onedir bundle in dist/kzeu-desk/. `make dist`: that bundle plus a .desktop file and
# icons as dist/kzeu-desk-VERSION-linux-ARCH.tar.gz. Always a clean build: PyInstaller's cache is wiped first.
# PACKAGE_DIST / PACKAGE_WORK let the packaging test build in a temporary folder.
PACKAGE_DIST ?= dist
PACKAGE_WORK ?= build/pyinstaller

$(PACKAGE_INSTALLED): $(INSTALLED) pyproject.toml
	$(PY) -m pip install --quiet -e '.[package]'
	touch $(PACKAGE_INSTALLED)

package: $(PACKAGE_INSTALLED)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath $(PACKAGE_DIST) --workpath $(PACKAGE_WORK) packaging/kzeu_desk.spec

dist: package
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_archive.py $(PACKAGE_DIST)/kzeu-desk $(PACKAGE_DIST)

# -- benchmarks (docs/PERFORMANCE.md); fact bases are cached in benchmarks/data/ ---------------
# bench: 10k and 100k facts, quick settings; bench-full adds 1M (its first run builds the base).
bench: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --levels 10k,100k --quick $(BENCH_ARGS)

bench-full: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --levels 10k,100k,1M --deadline 180 $(BENCH_ARGS)
