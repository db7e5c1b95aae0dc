# Two commands for a newcomer: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The standalone build (make dist) and what it is built from.
DIST_STAMP := $(VENV)/.installed-dist
DIST_PROGRAM := dist/worksession/worksession
DIST_SOURCES := $(shell find worksession resources sessions packaging -type f -not -name '*.pyc' 2>/dev/null)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck unit soak bench lock translations screenshots screenshots-real plan-pages dist dist-archive dist-test clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "worksession needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

# Reinstall when the dependencies or the lock change; constraints.txt pins every package.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	PIP_CONSTRAINT=constraints.txt $(BIN)/python -m pip install --quiet -e '.[test,server]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m worksession

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check worksession tests
	$(BIN)/ruff format --check worksession tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest

# Speed and memory figures against their baselines (not part of make test); the standalone
# build's size and start-up beside the source run's, so it is built (or found up to date) first.
bench: $(STAMP) $(DIST_PROGRAM)
	$(BIN)/python -m tests.benchmarks.run

# The crash test with many more SIGKILLs than the normal suite runs.
soak: $(STAMP)
	WORKSESSION_CRASH_RUNS=300 $(BIN)/python -m pytest tests/crash -q

# Every screen of the demo session as PNG under build/screenshots/, to look at as a user would.
screenshots: $(STAMP)
	$(BIN)/python -m worksession.ui.screenshots build/screenshots

# The same from the real window (Xvfb, openbox): every step at 1280×720 and 1920×1080, and the
# presenter on a 1920×1080 beamer and on a 1280×720 screen, under build/screenshots-real/.
screenshots-real: $(STAMP)
	$(BIN)/python -m tests.realwindow.screenshots build/screenshots-real

# The demo plan and the names corpus plan (names in every script) as PDF and PNG pages.
plan-pages: $(STAMP)
	$(BIN)/python -m tests.export.plan_pages build/plan-pages

# The standalone build for coaches without Python: dist/worksession/ with the programs
# worksession (the window) and worksession-cli (the commands). PyInstaller comes from the extra
# `dist`, pinned in constraints.txt like everything else; it is not part of the app's install.
# Rebuilt only when the code, the shipped files or the spec changed (1–2 minutes on 2 cores).
$(DIST_STAMP): $(STAMP)
	PIP_CONSTRAINT=constraints.txt $(BIN)/python -m pip install --quiet -e '.[test,dist]'
	@touch $(DIST_STAMP)

$(DIST_PROGRAM): $(DIST_STAMP) $(DIST_SOURCES) pyproject.toml constraints.txt
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/worksession.spec
	@touch $(DIST_PROGRAM)

dist: $(DIST_PROGRAM)

# The Linux download: dist/worksession/ packed as dist/worksession-<version>-linux-<machine>.tar.gz.
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' worksession/__init__.py)
dist-archive: $(DIST_PROGRAM)
	tar -C dist -czf dist/worksession-$(VERSION)-linux-$(shell uname -m).tar.gz worksession

# The built program on its own, as on a coach's laptop: no virtualenv, an empty environment
# (env -i, a temporary HOME): --version, demo, freeze, pdf, verify (the same fingerprint as the
# source tree), sign, attendance, a database of the first schema migrated, a session of the
# source run listed, and the window opening in Xvfb. Screenshots under build/dist-test/.
dist-test: $(DIST_PROGRAM)
	$(BIN)/python -m tests.dist.smoke dist/worksession build/dist-test

# Refresh constraints.txt from a clean resolve of pyproject.toml (run by hand, commit the result).
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet --upgrade "pip>=24"
	.lockenv/bin/python -m pip install --quiet -e '.[test,dist,server]'
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt
	rm -rf .lockenv

# Extract English source strings, merge into the Dutch catalog, compile it.
translations: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -k _ -k N_ -k ngettext:1,2 -o resources/translations/worksession.pot worksession
	$(BIN)/pybabel update --no-fuzzy-matching -w 100 -i resources/translations/worksession.pot -d resources/translations -D worksession
	$(BIN)/pybabel compile -d resources/translations -D worksession

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build/pyinstaller dist
