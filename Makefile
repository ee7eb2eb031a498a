# The portal's commands. `make run` and `make test` work on a fresh machine with
# Python 3.11+, Node/npm and make: everything else is installed here.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
BENCH_ACTORS ?= 10000
BENCH_RESOURCES ?= 50000
BENCH_CASES ?= 5000
BENCH_EVENTS ?= 2000
BENCH_FUNDING ?= 2000
# The bench's own database (on the embedded server, or on DATABASE_URL's server).
BENCH_DB ?= portal_bench

.PHONY: run serve instance stop test lint format bench install install-dev assets messages clean-vendor

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Third-party front-end files are copied from node_modules, never committed.
static/vendor/.copied: node_modules/.package-lock.json
	rm -rf static/vendor
	mkdir -p static/vendor/dkfds static/vendor/leaflet static/vendor/markercluster static/vendor/htmx
	cp -r node_modules/dkfds/dist/css node_modules/dkfds/dist/fonts node_modules/dkfds/dist/img node_modules/dkfds/dist/js static/vendor/dkfds/
	cp -r node_modules/leaflet/dist/. static/vendor/leaflet/
	cp -r node_modules/leaflet.markercluster/dist/. static/vendor/markercluster/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	mkdir -p static/vendor/tom-select
	cp node_modules/tom-select/dist/js/tom-select.complete.min.js node_modules/tom-select/dist/js/tom-select.complete.min.js.map node_modules/tom-select/dist/css/tom-select.min.css node_modules/tom-select/dist/css/tom-select.min.css.map static/vendor/tom-select/
	touch $@

assets: static/vendor/.copied

database: $(VENV)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

run: install assets
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable
	$(MANAGE) seed_demo --if-empty
	SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}" $(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-like: DEBUG off, gunicorn, collected and compressed static files via WhiteNoise,
# the task worker (mail, scheduled jobs) and the scheduler beside it. Plain HTTP on
# localhost, so the HTTPS-only settings are relaxed here and only here. SECRET_KEY,
# ALLOWED_HOSTS and SITE_URL come from the environment when set (several instances must
# share one key), else a key kept in var/secret_key and this machine's addresses.
SERVE_ENV = DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	  ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" SITE_URL="$${SITE_URL:-http://127.0.0.1:$(PORT)}"
# The worker and the scheduler run in the background of gunicorn's shell and end with it.
BESIDE_GUNICORN = $(MANAGE) db_worker --queue-name '*' & $(MANAGE) run_scheduler & \
	  trap 'kill \$$(jobs -p) 2>/dev/null' EXIT INT TERM;
serve: install assets
	mkdir -p var
	test -n "$$SECRET_KEY" || test -s var/secret_key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	$(MANAGE) migrate_locked
	$(MANAGE) seed_demo --if-empty
	$(SERVE_ENV) $(MANAGE) collectstatic --no-input --clear -v 0
	$(SERVE_ENV) SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 bash -c "$(BESIDE_GUNICORN) \
	  $(VENV)/bin/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile - \
	  --control-socket var/gunicorn-$(PORT).ctl"

# One instance of a deployment of several (README "Running several instances"): no demo
# data, every setting from the environment (SECRET_KEY, ALLOWED_HOSTS, SITE_URL,
# DATABASE_URL, REDIS_URL, TRUSTED_PROXY_COUNT, the bucket), gunicorn on ADDRESS with
# its own control socket, the worker and the scheduler beside it. Migrations under a lock.
ADDRESS ?= 127.0.0.1:$(PORT)
WORKERS ?= 2
instance: install assets
	mkdir -p var
	DEBUG=0 $(MANAGE) migrate_locked
	DEBUG=0 $(MANAGE) collectstatic --no-input -v 0
	DEBUG=0 bash -c "$(BESIDE_GUNICORN) $(VENV)/bin/gunicorn config.wsgi --bind $(ADDRESS) \
	  --workers $(WORKERS) --access-logfile - --control-socket var/gunicorn-$(subst :,-,$(ADDRESS)).ctl"

# The embedded PostgreSQL outlives `make run`, `make serve` and `make test` (the next start
# is instant); this stops it. Nothing to do with DATABASE_URL set.
stop: install
	$(PY) -c "from pathlib import Path; from config.database import stop_embedded_server; print(stop_embedded_server(Path.cwd()))"

# The suite runs on every core (pytest-xdist; each worker has its own test database and
# live server); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: install-dev assets
	$(VENV)/bin/pytest $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadgroup)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	# djlint's linter, inline styles (H021) included. Its formatter (--check) would rewrite
	# 123 of the 131 templates, which other branches edit too: a change of its own, later.
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint templates --reformat

# Translations: extract, then edit locale/da/LC_MESSAGES/django.po, then compile (both committed).
# locale_allauth/ holds the corrections of allauth's own wording (Danish: "adgangskode",
# "e-mailadresse"; English: sentence case). It is edited by hand, never extracted into
# (makemessages writes only to locale/, the first of LOCALE_PATHS), and compiled here too.
messages: install-dev
	$(MANAGE) makemessages -l da -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --no-obsolete
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# In-process figures, then the load table: gunicorn on the bench database, loaded by wrk
# (installed from Debian's packages when missing) beside /healthz.
bench: install assets
	command -v wrk >/dev/null 2>&1 || { $$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get install -y -qq wrk; }
	PORTAL_DB_NAME=$(BENCH_DB) $(MANAGE) migrate --no-input -v 0
	PORTAL_DB_NAME=$(BENCH_DB) $(MANAGE) createcachetable
	PORTAL_DB_NAME=$(BENCH_DB) $(MANAGE) seed_demo --actors $(BENCH_ACTORS) --resources $(BENCH_RESOURCES) --cases $(BENCH_CASES) --events $(BENCH_EVENTS) --funding $(BENCH_FUNDING)
	DEBUG=0 SECRET_KEY=bench-only-not-secret $(MANAGE) collectstatic --no-input --clear -v 0
	PORTAL_DB_NAME=$(BENCH_DB) DEBUG=0 SECRET_KEY=bench-only-not-secret ALLOWED_HOSTS=testserver \
	  SITE_URL=http://testserver \
	  SECURE_SSL_REDIRECT=0 $(MANAGE) bench --load --output var/bench.json
