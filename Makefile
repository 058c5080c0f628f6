# Northstar: two commands. `make run` sets up, builds and serves the demo; `make test` sets up,
# builds and runs every suite.
BUILD ?= build
JOBS ?= 2
PORT ?= 8080
DATABASE ?= sqlite:./data/northstar.db
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

# ccache (CMake uses it when present) serves every checkout and build folder of this machine:
# paths taken relative to the checkout and the build folder left out of the hash. The test builds
# go without the precompiled header (its .gch differs between checkouts, which would make every
# object a miss), so a fresh clone's `make test` compiles only what changed since the last test
# build anywhere on the machine. The sloppiness settings let ccache cache builds that do use it.
export CCACHE_BASEDIR ?= $(CURDIR)
export CCACHE_NOHASHDIR ?= 1
export CCACHE_SLOPPINESS ?= pch_defines,time_macros,include_file_mtime,include_file_ctime

.PHONY: run test setup setup-test build web web-test e2e debug sanitize-test fuzz api-tests bench clean format format-check openapi tidy

# Builds only the server binary (not the unit tests or benchmarks), then serves the demo.
run: setup docs/openapi.yaml $(BUILD)/build.ninja web
	cmake --build $(BUILD) -j$(JOBS) --target northstar
	$(BUILD)/northstar serve --database $(DATABASE) --port $(PORT) --demo --static-dir web/dist

test: CMAKE_FLAGS += -DNORTHSTAR_PCH=OFF
test: setup-test format-check openapi build web
	node tests/support/with-postgres.mjs -- ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)
	$(MAKE) sanitize-test
	NORTHSTAR_BIN=$(abspath $(BUILD))/northstar node --test tests/contract/
	$(MAKE) web-test
	$(MAKE) api-tests
	$(MAKE) e2e
	$(MAKE) fuzz

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test
	@cd tests && npm ci --no-audit --no-fund --loglevel=error

# The API contract is written in parts (docs/openapi/: a root and one file per module) and
# bundled by Redocly's CLI into docs/openapi.yaml, the one document the server embeds and serves,
# the web app's types come from and the contract tests read. Not committed: made when a part
# changed.
OPENAPI_PARTS := $(wildcard docs/openapi/*.yaml)
docs/openapi/node_modules/.package-lock.json: docs/openapi/package-lock.json
	cd docs/openapi && npm ci --no-audit --no-fund --loglevel=error
	touch $@

docs/openapi.yaml: docs/openapi/node_modules/.package-lock.json $(OPENAPI_PARTS)
	cd docs/openapi && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
		node_modules/.bin/redocly bundle openapi.yaml -o ../openapi.yaml

openapi: docs/openapi.yaml

# npm ci only when the lock file changed since the last install.
web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

web: web/node_modules/.package-lock.json docs/openapi.yaml
	cd web && npm run build

web-test: web/node_modules/.package-lock.json docs/openapi.yaml
	cd web && npm test

# Browser tests: the real server on a fresh SQLite database, Debian's Chromium via playwright-core.
e2e: build web
	NORTHSTAR_BIN=$(abspath $(BUILD))/northstar node tests/e2e/run.mjs

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: docs/openapi.yaml $(BUILD)/build.ninja
	cmake --build $(BUILD) -j$(JOBS)

# Debug build with AddressSanitizer and UndefinedBehaviorSanitizer, for local runs.
DEBUG_CMAKE_FLAGS = -DCMAKE_BUILD_TYPE=Debug -DNORTHSTAR_SANITIZE=ON -DNORTHSTAR_BENCH=OFF -DNORTHSTAR_PCH=OFF
debug: docs/openapi.yaml
	cmake -S . -B build-debug -G Ninja $(DEBUG_CMAKE_FLAGS)
	cmake --build build-debug -j$(JOBS)

# The unit tests again in that build: any sanitizer report (a leak, an overflow, undefined
# behaviour) fails the run.
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
sanitize-test: docs/openapi.yaml
	cmake -S . -B build-debug -G Ninja $(DEBUG_CMAKE_FLAGS)
	cmake --build build-debug -j$(JOBS) --target northstar_unit_tests
	$(SANITIZER_ENV) node tests/support/with-postgres.mjs -- ctest --test-dir build-debug --output-on-failure -j$(JOBS)

# libFuzzer harnesses (clang) for every parser of outside input, each for FUZZ_SECONDS, two at a
# time, from the corpora in fuzz/corpus/ (docs/fuzzing.md has the long runs).
FUZZ_SECONDS ?= 30
fuzz: docs/openapi.yaml
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

api-tests: docs/openapi.yaml
	NORTHSTAR_BIN=$(abspath $(BUILD))/northstar node tests/support/run-api-tests.mjs

bench: build
	bench/run.sh

FORMATTED = $$(git ls-files 'server/*.cpp' 'server/*.hpp' 'bench/*.cpp')
format:
	clang-format -i $(FORMATTED)

# Fails on server code that `make format` would change (.clang-format: Google style, 100 columns).
format-check:
	clang-format --dry-run --Werror $(FORMATTED)

# clang-tidy with the checks in .clang-tidy (bugprone, performance, a few modernize) over the
# server's sources and unit tests, not bench/ or the generated embedded.cpp; any finding fails.
# It reads compile_commands.json from a build folder without the precompiled header (clang cannot
# read GCC's): configuring is enough, nothing is compiled. TIDY_FILES, a regular expression on the
# path, narrows a run: `make tidy TIDY_FILES=server/platform/http/`.
TIDY_BUILD ?= build-tidy
TIDY_FILES ?= $(CURDIR)/server/
tidy:
	cmake -S . -B $(TIDY_BUILD) -G Ninja $(CMAKE_FLAGS) -DNORTHSTAR_PCH=OFF \
		-DCMAKE_EXPORT_COMPILE_COMMANDS=ON > /dev/null
	run-clang-tidy-14 -j$(JOBS) -quiet -p $(TIDY_BUILD) '$(TIDY_FILES)'

clean:
	rm -rf $(BUILD) build-debug build-fuzz $(TIDY_BUILD)
