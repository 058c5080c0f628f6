# Northstar: two commands. `make run` sets up, builds and serves the demo; `make test` sets up,
# builds and runs every suite.
BUILD ?= build
JOBS ?= 2
PORT ?= 8080
DATABASE ?= sqlite:./data/northstar.db
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: run test setup setup-test build web web-test e2e debug api-tests bench clean format

run: setup build web
	$(BUILD)/northstar serve --database $(DATABASE) --port $(PORT) --demo --static-dir web/dist

test: setup-test build web
	node tests/support/with-postgres.mjs -- ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)
	NORTHSTAR_BIN=$(abspath $(BUILD))/northstar node --test tests/contract/
	$(MAKE) web-test
	$(MAKE) api-tests
	$(MAKE) e2e

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test
	@cd tests && npm ci --no-audit --no-fund --loglevel=error

# npm ci only when the lock file changed since the last install.
web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

web: web/node_modules/.package-lock.json
	cd web && npm run build

web-test: web/node_modules/.package-lock.json
	cd web && npm test

# Browser tests: the real server on a fresh SQLite database, Debian's Chromium via playwright-core.
e2e: build web
	NORTHSTAR_BIN=$(abspath $(BUILD))/northstar node tests/e2e/run.mjs

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j$(JOBS)

# Debug build with AddressSanitizer and UndefinedBehaviorSanitizer, for local runs.
debug:
	cmake -S . -B build-debug -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNORTHSTAR_SANITIZE=ON
	cmake --build build-debug -j$(JOBS)

api-tests:
	NORTHSTAR_BIN=$(abspath $(BUILD))/northstar node tests/support/run-api-tests.mjs

bench: build
	bench/run.sh

format:
	clang-format -i $$(git ls-files 'server/*.cpp' 'server/*.hpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD) build-debug
