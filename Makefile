# Rapport: `make run` installs, builds and serves the demo; `make test` installs, builds and tests.
BUILD_DIR ?= build
PORT ?= 8080

.PHONY: deps build run test unit-test api-test e2e-test bench clean

deps:
	scripts/install-deps

build: deps
	@bash -c 'source scripts/node-env && cmake -S . -B $(BUILD_DIR) -G Ninja >/dev/null && cmake --build $(BUILD_DIR)'

run: build
	$(BUILD_DIR)/rapport serve --demo --port $(PORT)

test: build
	scripts/run-tests

unit-test:
	cd $(BUILD_DIR) && ctest --output-on-failure

bench: build
	bash -c 'source scripts/node-env && node bench/run.mjs'

clean:
	rm -rf $(BUILD_DIR)
