# make run   - set up .venv, analyse the bundled samples into ledger.db, print each ledger, the stories
#              (copies and translations) and the figure groups across them
# make test  - set up .venv and run lint, type checks and the whole test suite (browser tests need
#              Debian's chromium, Spark tests Java 17+: both installed with apt-get when run as root and missing)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint bench clean chromium java

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,web,browser,spark]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/claimtrail ingest samples --db ledger.db
	$(VENV)/bin/claimtrail show --all --db ledger.db
	$(VENV)/bin/claimtrail stories --db ledger.db
	$(VENV)/bin/claimtrail figures --db ledger.db

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy

# Playwright drives Debian's browser; it never downloads one of its own
chromium:
	@test -x /usr/bin/chromium || { test "$$(id -u)" = 0 && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "make: /usr/bin/chromium is missing (apt-get install chromium as root); browser tests will skip"

# Spark runs on Java 17+: as root (CI) install the distribution's JRE when none is there;
# elsewhere say so, and the Spark tests skip (CI=true makes a missing Java an error)
java:
	@command -v java >/dev/null 2>&1 || [ -n "$$JAVA_HOME" ] || { [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; } || \
		{ echo "make: no Java 17+ (apt-get install default-jre-headless): the Spark tests will skip"; \
		  [ "$(CI)" != true ]; }

test: lint chromium java
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/accuracy.py --write
	$(PY) bench/speed.py --write
	$(PY) bench/figures_peers.py
	$(PY) bench/quotes_peers.py
	$(PY) bench/dates_peers.py

clean:
	rm -rf $(VENV) ledger.db ledger.db-wal ledger.db-shm
