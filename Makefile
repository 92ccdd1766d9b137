# Tracker: `make run` and `make test` do all the set-up on a fresh machine (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
DOTNET ?= dotnet
URL ?= http://127.0.0.1:5080
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

.PHONY: help db run test token build shim clean-test-dbs

help: ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

db: ## start PostgreSQL if needed and print its connection string
	@ops/db.sh

build: ## build everything (warnings are errors)
	$(DOTNET) build Tracker.sln -c Release --nologo -v quiet

run: ## start PostgreSQL if none is configured, then the API on $(URL) (loads demo data on an empty database)
	@set -e; conn=$$(ops/db.sh); \
	 $(DOTNET) build src/Tracker -c Release --nologo -v quiet; \
	 echo ""; \
	 echo "Tracker API     $(URL)/api/plans"; \
	 echo "API reference   $(URL)/docs"; \
	 echo "OpenAPI         $(URL)/openapi/v1.json"; \
	 echo "Health          $(URL)/health/ready"; \
	 echo "Tokens          make token ROLE=admin | ROLE=reviewer | ROLE=ministry INSTITUTION=<id or name>"; \
	 echo ""; \
	 cd src/Tracker && TRACKER_DB="$$conn" ASPNETCORE_ENVIRONMENT=Development \
	   exec $(DOTNET) bin/Release/net10.0/Tracker.dll --urls $(URL)

token: ## print a development bearer token: make token ROLE=admin|reviewer|ministry [INSTITUTION=..] [USER=..]
	@conn=$$(ops/db.sh 2>/dev/null); cd src/Tracker && TRACKER_DB="$$conn" DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
	  $(DOTNET) run --no-launch-profile -v quiet -- token --role "$(ROLE)" $(if $(INSTITUTION),--institution "$(INSTITUTION)") $(if $(USER_ID),--user "$(USER_ID)")

test: ## prepare PostgreSQL the same way, then run every test
	@set -e; conn=$$(ops/db.sh); \
	 test_conn=$$(echo "$$conn" | sed -E 's/Database=[^;]*/Database=postgres/'); \
	 TRACKER_TEST_DB="$$test_conn" ops/drop-test-dbs.sh; \
	 TRACKER_TEST_DB="$$test_conn" $(DOTNET) test Tracker.sln --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee .test-output.log; \
	 status=$${PIPESTATUS[0]}; ops/test-summary.sh .test-output.log; exit $$status

shim: ## re-pack the Patched.DistributedLock.Postgres shim into ops/local-feed
	cd ops/Patched.DistributedLock.Postgres && $(DOTNET) pack -c Release -o ../local-feed && rm -rf bin obj
