# EIP Viet Nam website. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test serve backup restore lint format audit messages compilemessages schema-snapshot bench bench-admin lighthouse check clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po locale/*/*/LC_MESSAGES/*.po))

# The .mo files are committed; they are compiled again only when a .po is newer.
$(CATALOGUES): %.mo: %.po | $(VENV)/.installed
	$(MANAGE) compilemessages

# The periodic jobs (scheduled publishing, mail, the purge, backups) run beside the
# server every 30 s. Ctrl-C stops runserver; the trap then stops the jobs' loop
# (started in the background, it ignores Ctrl-C), which also stops by itself
# when this shell goes (make killed).
run: $(VENV)/.installed $(CATALOGUES) ## Create .venv, migrate, load the demo, print a dev admin, serve on http://127.0.0.1:8000 with the periodic jobs
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) create_dev_admin --url http://$(HOST):$(PORT)/admin/
	$(MANAGE) run_jobs --every 30 & jobs=$$!; \
	trap 'kill $$jobs 2>/dev/null' EXIT INT TERM HUP; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev ## Create .venv with dev packages and run the whole suite (DATABASE_URL picks the database)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

serve: $(VENV)/.installed ## Production-style: collectstatic, migrate, gunicorn with eipvn.settings.production
	DJANGO_SETTINGS_MODULE=eipvn.settings.production $(MANAGE) collectstatic --noinput
	DJANGO_SETTINGS_MODULE=eipvn.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=eipvn.settings.production $(BIN)/gunicorn eipvn.wsgi \
		--config eipvn/gunicorn.conf.py --bind $(HOST):$(PORT)

backup: $(VENV)/.installed ## Dump the database and the uploads into var/backups/<timestamp>/
	$(MANAGE) backup

restore: $(VENV)/.installed ## Restore BACKUP=var/backups/<timestamp> into the configured database and MEDIA_ROOT
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<timestamp>"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

check: $(VENV)/.installed-dev ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

lint: $(VENV)/.installed-dev ## ruff: lint and formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev ## ruff: fix what can be fixed and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

audit: $(VENV)/.installed-dev ## pip-audit of the pinned packages; says NOT AUDITED when its service is unreachable
	$(BIN)/python -m tests.audit

messages: $(VENV)/.installed-dev ## Extract interface strings into locale/vi (needs GNU gettext) and compile them
	$(MANAGE) makemessages -l vi --no-location --no-obsolete \
		--ignore=.venv --ignore=var --ignore=staticfiles --ignore=tests
	$(MANAGE) compilemessages

schema-snapshot: $(VENV)/.installed ## After adding a migration: replay every migration and write pages/operations/schema_snapshot.sql
	$(MANAGE) schema_snapshot

compilemessages: $(VENV)/.installed ## Compile locale/*.po into .mo (pure Python, no gettext needed)
	$(MANAGE) compilemessages

bench: $(VENV)/.installed-dev ## Requests/s and p50/p99 of pages vs a static file, page cache on and off (gunicorn, 2 workers)
	$(BIN)/python -m tests.bench

bench-admin: $(VENV)/.installed-dev ## The admin's dashboard, Translations report, page search and explorer at the demo's size and at ~100x (in-process; DATABASE_URL picks the database)
	$(BIN)/python -m tests.bench_admin

LIGHTHOUSE_DIR := tests/npm

$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package-lock.json
	cd $(LIGHTHOUSE_DIR) && npm ci --no-audit --no-fund
	@touch $@

lighthouse: $(VENV)/.installed-dev $(LIGHTHOUSE_DIR)/node_modules/.installed ## Lighthouse scores (Debian Chromium, mobile) of a home, listing and detail page per section, both languages
	$(BIN)/python -m tests.lighthouse

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var staticfiles $(LIGHTHOUSE_DIR)/node_modules
