# Two commands on a fresh machine:
#   make demo   install, migrate, load demo data, serve http://127.0.0.1:8000 (SQLite, database search)
#   make test   install, start PostgreSQL (and the other services the suite needs), run the whole suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install demo serve test migrate messages clean search-node search-node-stop prod prod-stop

install: $(VENV)/.installed

# PyICU (Vietnamese alphabetical order, storefront/ocop/collation.py) compiles against ICU: Debian's libicu-dev,
# pkg-config and a C++ compiler, installed here when missing (as root; otherwise the message says what to run).
BUILD_PACKAGES := libicu-dev pkg-config g++ python3-dev
# PDFs embed DejaVu Sans for Vietnamese letters (storefront/tradedesk/pdf.py): Debian's fonts-dejavu-core.
PDF_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

$(VENV)/.installed: requirements.txt
	@pkg-config --exists icu-i18n 2>/dev/null && command -v g++ >/dev/null || { \
	  [ "$$(id -u)" = 0 ] || { echo "install: PyICU needs ICU to build: sudo apt-get install -y $(BUILD_PACKAGES)" >&2; exit 1; }; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BUILD_PACKAGES); }
	@[ -f $(PDF_FONT) ] || { \
	  [ "$$(id -u)" = 0 ] || { echo "install: PDFs need DejaVu Sans: sudo apt-get install -y fonts-dejavu-core" >&2; exit 1; }; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

migrate: install
	DJANGO_SETTINGS_MODULE=storefront.settings.dev $(PY) manage.py migrate --noinput

# The site with a task worker beside it (dev queues e-mails, indexing and thumbnails in the database, docs/tasks.md);
# the worker stops with the server.
SERVE_WITH_WORKER = export DJANGO_SETTINGS_MODULE=storefront.settings.dev; \
	$(PY) manage.py db_worker --no-reload --interval 0.5 --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

demo: migrate
	DJANGO_SETTINGS_MODULE=storefront.settings.dev $(PY) manage.py load_demo --orders 3000 --searches 1500
	@echo "Serving OCOP Market on http://$(HOST):$(PORT)/ with a task worker (Ctrl-C to stop)"
	$(SERVE_WITH_WORKER)

serve: install
	$(SERVE_WITH_WORKER)

# After changing a translatable string: update both catalogues, fill the new Vietnamese msgstrs in
# locale/vi/LC_MESSAGES/django.po, then run it again to compile (the .mo files are committed: CI has no gettext).
messages: install
	$(PY) manage.py makemessages -l vi -l en --ignore=.venv --ignore=var --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

test: install
	VENV=$(VENV) bash tests/services/run_suite.sh $(PYTEST_ARGS)

# A development Elasticsearch node on 127.0.0.1:$(OCOP_ES_PORT) (default 9250); then
#   ELASTICSEARCH_URL=http://127.0.0.1:9250 $(PY) manage.py search_index --rebuild   (docs/search.md)
search-node:
	bash tests/services/elasticsearch.sh start

search-node-stop:
	bash tests/services/elasticsearch.sh stop

# The production stack on loopback (deploy/prod.sh, docs/deploy.md): PostgreSQL, Redis, a 3-node Elasticsearch
# cluster, the S3 store, then every deploy/Procfile process under storefront.settings.production; prints the URL.
prod: install
	VENV=$(VENV) bash deploy/prod.sh start

prod-stop:
	VENV=$(VENV) bash deploy/prod.sh stop

clean:
	rm -rf var/db.sqlite3 var/media var/test-media var/private var/test-private
