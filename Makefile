# Tracker: `make run` and `make test` do all the set-up on a fresh machine (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
DOTNET ?= dotnet
URL ?= http://127.0.0.1:5080
# Wolverine code generation for `make test`: Dynamic (runtime compilation) or Static (pre-generated, as the image runs).
CODEGEN ?= Dynamic
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

.PHONY: help db restore restore-tools lock run demo test token build codegen shim bench bench-import bench-pages backup restore-backup chaos

help: ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

db: ## start PostgreSQL if needed and print its connection string
	@ops/db.sh

# Every build restores exactly the graph in the committed packages.lock.json files (locked mode): the package feed
# changes from day to day, and a graph that differs from the tested one must stop the build, not slip through.
# The solution (the application and its tests) and the ops tools (benchmarks, fault suite) are restored apart: `make
# test` and `make run` build only the solution, and the tools' graphs cost a fresh machine 13 s of a 21 s restore. Each
# tool's target restores its own graph, locked in the same way.
LOCKED_SOLUTION := Tracker.sln
LOCKED_TOOLS := ops/benchmarks/ImportThroughput/ImportThroughput.csproj ops/benchmarks/PageRender/PageRender.csproj ops/benchmarks/Bench/Bench.csproj ops/chaos/Chaos.csproj
LOCKED_PROJECTS := $(LOCKED_SOLUTION) $(LOCKED_TOOLS)
define locked_restore
	@for p in $(1); do \
	   $(DOTNET) restore $$p --locked-mode --nologo -v quiet || { \
	     echo "restore: the package graph of $$p no longer matches its packages.lock.json." >&2; \
	     echo "restore: if the change is intended (a package added or moved in Directory.Packages.props), run 'make lock' and commit the lock files." >&2; \
	     exit 1; }; \
	 done
endef
restore: ## restore the solution's locked package graph (fails if a project no longer matches its packages.lock.json)
	$(call locked_restore,$(LOCKED_SOLUTION))

restore-tools: restore ## restore the ops tools' locked package graphs as well (the bench and chaos targets do)
	$(call locked_restore,$(LOCKED_TOOLS))

lock: ## re-resolve the package graph and rewrite every packages.lock.json (commit them afterwards)
	@for p in $(LOCKED_PROJECTS); do $(DOTNET) restore $$p --force-evaluate --nologo -v quiet; done
	@git status --short -- '*packages.lock.json'

build: restore ## build everything (warnings are errors)
	$(DOTNET) build Tracker.sln -c Release --nologo -v quiet --no-restore

run: restore ## start PostgreSQL if none is configured, then the API on $(URL) (loads demo data on an empty database)
	@set -e; conn=$$(ops/db.sh); \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet --no-restore; \
	 echo ""; \
	 echo "Public site     $(URL)/"; \
	 echo "Tracker API     $(URL)/api/plans"; \
	 echo "API reference   $(URL)/docs"; \
	 echo "OpenAPI         $(URL)/openapi/v1.json"; \
	 echo "Health          $(URL)/health/ready"; \
	 echo "Tokens          make token ROLE=admin | ROLE=reviewer | ROLE=ministry INSTITUTION=<id or name>"; \
	 echo ""; \
	 cd src/Tracker && TRACKER_DB="$$conn" ASPNETCORE_ENVIRONMENT=Development Tracker__LoadDemoData=true \
	   exec $(DOTNET) bin/Release/net10.0/Tracker.dll --urls $(URL)

# Events are never deleted, so "reload" cannot mean wipe and start again: the demo verb imports whatever part of
# the demo set the database lacks (by commitment code), idempotently. A database that holds it all is left as it is.
demo: restore ## reload the demo set (US NAP5 + OGP sample): adds back whatever is missing, changes nothing else
	@set -e; conn=$$(ops/db.sh); \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet --no-restore; \
	 cd src/Tracker && TRACKER_DB="$$conn" ASPNETCORE_ENVIRONMENT=Development $(DOTNET) bin/Release/net10.0/Tracker.dll demo

token: restore ## print a development bearer token: make token ROLE=admin|reviewer|ministry [INSTITUTION=..] [USER_ID=..]
	@conn=$$(ops/db.sh 2>/dev/null); cd src/Tracker && TRACKER_DB="$$conn" DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
	  $(DOTNET) run --no-restore --no-launch-profile -v quiet -- token --role "$(ROLE)" $(if $(INSTITUTION),--institution "$(INSTITUTION)") $(if $(USER_ID),--user "$(USER_ID)")

codegen: restore ## regenerate Wolverine's handler code for TypeLoadMode.Static (src/Tracker/Internal/Generated, never committed)
	@set -e; rm -rf src/Tracker/Internal/Generated; \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet --no-restore >/dev/null; \
	 cd src/Tracker && $(DOTNET) bin/Release/net10.0/Tracker.dll codegen write >/dev/null; \
	 echo "codegen: $$(ls Internal/Generated/WolverineHandlers | wc -l) files in src/Tracker/Internal/Generated"

test: restore ## prepare PostgreSQL (and Chromium for the browser tests) the same way, then run every test (CODEGEN=Static: on freshly generated code, as the image runs)
	@set -e; conn=$$(ops/db.sh); ops/chromium.sh; \
	 if [ "$(CODEGEN)" = Static ]; then $(MAKE) --no-print-directory codegen; fi; \
	 test_conn=$$(echo "$$conn" | sed -E 's/Database=[^;]*/Database=postgres/'); \
	 TRACKER_TEST_DB="$$test_conn" ops/drop-test-dbs.sh; \
	 Tracker__CodeGeneration=$(CODEGEN) TRACKER_TEST_DB="$$test_conn" $(DOTNET) test Tracker.sln -m:1 \
	   $(if $(filter Static,$(CODEGEN)),-p:TrackerPregeneratedCode=true) --no-restore --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee .test-output.log; \
	 status=$${PIPESTATUS[0]}; ops/test-summary.sh .test-output.log $$status; exit $$status

bench: restore-tools ## benchmark: Tracker (as the image runs it: pre-generated code) beside raw PostgreSQL on ~1M events, one table (QUICK=1: ~42k events; TEN_MILLION=1: then 10M; docs/performance.md)
	@set -e; conn=$$(ops/db.sh); \
	 $(MAKE) --no-print-directory codegen; \
	 $(DOTNET) build ops/benchmarks/Bench -c Release --nologo -v quiet --no-restore; \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet --no-restore -p:TrackerPregeneratedCode=true; \
	 $(DOTNET) ops/benchmarks/Bench/bin/Release/net10.0/Bench.dll --connection "$$conn" \
	   --tracker src/Tracker/bin/Release/net10.0/Tracker.dll --sample src/Tracker/OpenData/Demo/ogp-commitments-sample.csv --quick $${QUICK:-0} --ten-million $${TEN_MILLION:-0}

bench-import: restore-tools ## benchmark: OGP import of 5,000 commitments vs raw PostgreSQL (not a test; figures go to docs/performance.md)
	@set -e; conn=$$(ops/db.sh); \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet --no-restore; \
	 $(DOTNET) run --project ops/benchmarks/ImportThroughput -c Release --no-restore -- --connection "$$conn" \
	   --tracker src/Tracker/bin/Release/net10.0/Tracker.dll --sample src/Tracker/OpenData/Demo/ogp-commitments-sample.csv --rows $${ROWS:-5000}

# `make restore` restores the locked package graph (above), so restoring a database backup is `make restore-backup`.
backup: ## dump the database (ops/db.sh) with pg_dump into backups/ (ignored by git): make backup [FILE=backups/name.dump]
	@ops/backup.sh $(FILE) >/dev/null

restore-backup: ## restore a dump with pg_restore: make restore-backup FILE=backups/name.dump [INTO=database] [REPLACE=1]
	@ops/restore-backup.sh "$(FILE)" $(if $(INTO),--into "$(INTO)") $(if $(REPLACE),--replace)

bench-pages: restore-tools ## benchmark: the plan dashboard and commitment pages rendered, beside their JSON endpoints (not a test; docs/performance.md)
	@set -e; conn=$$(ops/db.sh); \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet --no-restore; \
	 $(DOTNET) run --project ops/benchmarks/PageRender -c Release --no-restore -- --connection "$$conn" \
	   --tracker src/Tracker/bin/Release/net10.0/Tracker.dll --requests $${REQUESTS:-200}

shim: ## re-pack the Patched.DistributedLock.Postgres shim into ops/local-feed
	cd ops/Patched.DistributedLock.Postgres && $(DOTNET) pack -c Release -o ../local-feed && rm -rf bin obj
# The fault suite stops PostgreSQL hard: it runs on a throwaway cluster of its own (initdb in a temporary folder, a free
# port), never on the one ops/db.sh prints. Needs the PostgreSQL server binaries (PGBIN=, default the newest installed).
chaos: restore-tools ## fault suite (docs/reliability.md): PostgreSQL stopped hard, racing writers, SIGKILL after commit, daemon killed mid catch-up (CATCH_UP_EVENTS=20000), two API processes; per fault: requests sent / acknowledged / found
	@set -e; pgbin=$${PGBIN:-$$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}; \
	 test -x "$$pgbin/initdb" || { echo "chaos: no PostgreSQL server binaries (initdb) found; apt-get install postgresql, or set PGBIN=" >&2; exit 1; }; \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet --no-restore; \
	 $(DOTNET) run --project ops/chaos -c Release --no-restore -- --tracker src/Tracker/bin/Release/net10.0/Tracker.dll --pgbin "$$pgbin" --logs ops/chaos/logs \
	   --sample src/Tracker/OpenData/Demo/ogp-commitments-sample.csv --catch-up-events $${CATCH_UP_EVENTS:-20000} $(if $(ONLY),--only $(ONLY))
