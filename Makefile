# Thiphueng: `make run` serves the system on http://127.0.0.1:8000, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000

.PHONY: run test install translations migrate demo lint format lock messages bench clean

# The web server, the scheduler and one task worker together; Ctrl-C stops all three.
run: install translations migrate demo
	$(MANAGE) run_with_worker $(HOST)

test: install translations
	$(MANAGE) check
	$(BIN)/pytest $(PYTEST_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

install: $(INSTALLED)

translations: install
	$(MANAGE) compile_translations

migrate: install
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Rebuild the pinned dependency tree from pyproject.toml's direct dependencies.
lock: install
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --extra dev --output-file requirements.lock pyproject.toml

# Refresh the Thai catalogues after changing translatable strings (each app keeps its own).
MESSAGES_ENV := PYTHONPATH=$(CURDIR)/site:$(CURDIR) DJANGO_SETTINGS_MODULE=config.settings.dev
messages: install
	for dir in thai partners forms_builder scheduling notifications workflows site/cms; do \
		(cd $$dir && $(MESSAGES_ENV) $(CURDIR)/$(BIN)/django-admin makemessages --locale th --no-obsolete) || exit 1; \
	done
	$(MESSAGES_ENV) $(BIN)/django-admin makemessages --locale th --no-obsolete --ignore '.venv/*' \
		--ignore 'thai/*' --ignore 'partners/*' --ignore 'forms_builder/*' --ignore 'workflows/*' \
		--ignore 'scheduling/*' --ignore 'notifications/*' \
		--ignore 'site/cms/*' --ignore 'tests/*'

# Each hot path beside the bare library in the same run (inbox, queue with 1M task rows, task
# completion vs the bare Viewflow engine loop; sizes: BENCH_ARGS="--cases 100000"), the public
# home page vs a bare Wagtail page (gunicorn, 2 workers; BENCH_PUBLIC_ARGS="--port 8765"), then the
# scheduler (due items per second, statements per item) and the client import.
bench: migrate
	$(MANAGE) bench $(BENCH_ARGS)
	$(MANAGE) bench_public $(BENCH_PUBLIC_ARGS)
	$(MANAGE) bench_scheduler
	$(MANAGE) bench_import $(BENCH_IMPORT_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 static_collected
