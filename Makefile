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

.PHONY: install demo serve test migrate messages clean search-node search-node-stop

install: $(VENV)/.installed

# PyICU (Vietnamese alphabetical order, storefront/ocop/collation.py) compiles against ICU: Debian's libicu-dev,
# pkg-config and a C++ compiler, installed here when missing (as root; otherwise the message says what to run).
BUILD_PACKAGES := libicu-dev pkg-config g++ python3-dev

$(VENV)/.installed: requirements.txt
	@pkg-config --exists icu-i18n 2>/dev/null && command -v g++ >/dev/null || { \
	  [ "$$(id -u)" = 0 ] || { echo "install: PyICU needs ICU to build: sudo apt-get install -y $(BUILD_PACKAGES)" >&2; exit 1; }; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BUILD_PACKAGES); }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

migrate: install
	DJANGO_SETTINGS_MODULE=storefront.settings.dev $(PY) manage.py migrate --noinput

demo: migrate
	DJANGO_SETTINGS_MODULE=storefront.settings.dev $(PY) manage.py load_demo
	@echo "Serving OCOP Market on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	DJANGO_SETTINGS_MODULE=storefront.settings.dev $(PY) manage.py runserver $(HOST):$(PORT)

serve: install
	DJANGO_SETTINGS_MODULE=storefront.settings.dev $(PY) manage.py runserver $(HOST):$(PORT)

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

clean:
	rm -rf var/db.sqlite3 var/media var/test-media var/private var/test-private
