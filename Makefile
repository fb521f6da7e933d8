# Cerdas: `make run` sets up and serves the app, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# `make run` serves as production does (granian, DEBUG off) over plain HTTP on this machine;
# `make dev`, the set-up steps and the tests run with DEBUG on (autoreload, plain static files).
RUN_ENV := LOCAL_HTTP=1
DEV_ENV := DEBUG=1
TEST_ENV := DEBUG=1 SECRET_KEY=test-only-secret-key

.PHONY: install messages migrate seed run dev test test-fast e2e browser axe lint format bench clean var

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	@$(VENV)/bin/python -c "import weasyprint" >/dev/null 2>&1 || $(MAKE) --no-print-directory pango
	touch $@

install: $(VENV)/.installed

# Translations are compiled from the .po files (gettext's msgfmt is needed).
PO_FILES := $(wildcard cerdas/locale/*/LC_MESSAGES/django.po cerdas/*/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
%.mo: %.po
	@command -v msgfmt >/dev/null || $(MAKE) --no-print-directory gettext
	msgfmt --check-format -o $@ $<
messages: $(MO_FILES)

# WeasyPrint (PDF exports) needs Pango from the system.
.PHONY: pango
pango:
	@if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null \
		|| (apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null); \
	else echo "PDF export needs Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"; fi

.PHONY: gettext
gettext:
	@if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq gettext >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext); \
	else echo "msgfmt is missing: install gettext (sudo apt-get install gettext)"; exit 1; fi

var:
	mkdir -p var

migrate: install messages var
	$(DEV_ENV) $(PY) manage.py migrate --verbosity 0
	$(DEV_ENV) $(PY) manage.py import_regions

seed: migrate
	$(DEV_ENV) $(PY) manage.py load_records
	$(DEV_ENV) $(PY) manage.py seed_demo

# The secret key of this machine's Cerdas, made once and kept (only the owner may read it).
var/secret_key: | var
	@umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: seed var/secret_key
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving Cerdas on http://127.0.0.1:$(PORT) as production runs it (Ctrl+C stops it)"
	$(RUN_ENV) $(VENV)/bin/granian --interface wsgi --host 127.0.0.1 --port $(PORT) \
		--workers 2 --blocking-threads 1 --no-ws --log-level warning cerdas.wsgi:application

# The development server: DEBUG on, reloads when the code changes.
dev: seed
	@echo "Serving Cerdas for development on http://127.0.0.1:$(PORT) (Ctrl+C stops it)"
	$(DEV_ENV) PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium drives the browser tests; installed here when missing and we are root.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then echo "Installing Chromium for the browser tests..."; \
		(apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)); \
	else echo "NOTE: /usr/bin/chromium is missing and we are not root, so the browser tests will be skipped."; \
		echo "      Install it with: sudo apt-get install chromium"; fi

# axe-core (package.json, a devDependency) runs the accessibility check in the browser tests.
# Installed once from the lock file; nothing is fetched while node_modules matches it.
node_modules/.package-lock.json: package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq npm >/dev/null || (apt-get update -qq && apt-get install -y -qq npm >/dev/null); \
		else echo "npm is missing: install Node.js (sudo apt-get install npm)"; exit 1; fi; fi
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

axe: node_modules/.package-lock.json

test: install messages browser axe var
	$(TEST_ENV) $(PY) -m pytest -q

# The suite without the browser tests (CI runs it again on PostgreSQL this way).
test-fast: install messages var
	$(TEST_ENV) $(PY) -m pytest -q -m "not e2e"

e2e: install messages browser axe var
	$(TEST_ENV) $(PY) -m pytest -q -m e2e

# Mutation testing of the pure engines: mutmut mutates them and runs their own tests; the
# score, every survivor, and a failure for any survivor not listed as equivalent in the
# EQUIVALENT_MUTANTS.toml beside its engine (see scripts/mutate.py and the README).
.PHONY: mutate
mutate: install
	$(PY) scripts/mutate.py $(MUTATE_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Each app's own figures, then the pages under load; the results land in bench/*.md.
bench: install messages
	$(VENV)/bin/pip install --quiet -e '.[dev,bench]'
	@status=0; for script in bench/bench_*.py bench/run.py; do \
		echo "== $$script"; $(PY) $$script || status=1; done; \
	echo "== bench/render.py (SQLite)"; $(PY) bench/render.py --load 5 || status=1; \
	if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		echo "== bench/render.py (PostgreSQL)"; $(PY) bench/render.py --database postgres --load 5 || status=1; \
	else echo "== bench/render.py on PostgreSQL skipped: no server on 127.0.0.1:5432"; fi; \
	exit $$status

clean:
	rm -rf $(VENV) var node_modules

# Refresh the Indonesian catalogue after changing user-facing text; then translate the new
# entries in cerdas/locale/id/LC_MESSAGES/django.po.
makemessages: install
	$(DEV_ENV) $(PY) manage.py makemessages -l id --no-obsolete --ignore=.venv --ignore=bench --ignore=var
