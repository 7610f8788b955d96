# The two commands of the README. Everything goes through scripts/with-toolchain,
# which brings the project's Node 22 and Yarn 4 (installing Node into .tools/
# when the system's is not 22 or 24).
TOOL := scripts/with-toolchain

.PHONY: start test install chromium prometheus typecheck lint api-reports unit tz-matrix e2e adopter bench

# Runs the instance: app on http://localhost:3000, backend on :7007,
# SQLite in memory, catalog from catalog-info/.
# With Prometheus installed, also a demo Prometheus on 127.0.0.1:9490 for
# measured SLAs (scripts/start-dev).
start: install prometheus
	@echo "make start: open http://localhost:3000 once the app has compiled (backend: http://localhost:7007)"
	$(TOOL) scripts/start-dev

# Every test: types, lint, API reports, unit and integration tests, the
# time-zone matrix, the end-to-end tests against the real backend in
# Chromium, and the adopter test.
test: install chromium prometheus typecheck lint api-reports unit tz-matrix e2e adopter

install:
	$(TOOL) yarn install --immutable

chromium:
	scripts/ensure-chromium

# Debian's Prometheus 2.x and Alertmanager, for the tests that use the real
# ones and the dev instance's demo Prometheus. Never fails: where they cannot
# be installed it says why, and those tests skip saying so.
prometheus:
	scripts/ensure-prometheus

typecheck:
	$(TOOL) yarn tsc

lint:
	$(TOOL) yarn lint:all

# The published packages' API must match the checked-in reports (uses the
# declarations typecheck writes to dist-types/). After an intended change:
# yarn build:api-reports, and commit the reports.
api-reports: typecheck
	$(TOOL) yarn build:api-reports:only --ci

unit:
	CI=true $(TOOL) yarn backstage-cli repo test --watchAll=false

# On-call answers must not depend on the process's time zone.
tz-matrix:
	for tz in America/Chicago Australia/Lord_Howe; do \
	  (cd plugins/data-infra-common && TZ=$$tz CI=true ../../$(TOOL) yarn backstage-cli package test --watchAll=false) || exit 1; \
	done

e2e: chromium prometheus
	CI=true $(TOOL) scripts/test-e2e

# Our packages packed and installed into fresh create-app apps (both frontend
# systems) by the READMEs' steps alone; see e2e-tests/adopter/run.ts.
adopter: chromium
	$(TOOL) scripts/test-adopter

# Benchmarks (not part of `make test`); figures go in bench/README.md.
bench: install
	$(TOOL) node bench/run.mjs $(BENCH_ARGS)
	$(TOOL) node bench/frontend.mjs
	$(TOOL) node --require @backstage/cli/config/nodeTransform.cjs bench/checks.ts
