# The two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# trunk must never reach the internet for its tools.
export TRUNK_OFFLINE := true

.PHONY: run test dist dist-admin dev setup setup-test native-test browser-test e2e screenshots bench clean

## Build the dashboard, start the emulator with demo data on http://127.0.0.1:$(PORT).
run: dist
	cargo build -p easemob-emulator
	./target/debug/easemob-emulator --listen 127.0.0.1:$(PORT) --db emulator.sqlite3 --dist dist

## Every test suite: native (API crate, emulator, dashboard logic), components in the browser,
## then end to end in Chromium.
test: setup-test native-test browser-test dist dist-admin e2e

## The release static site in dist/, for the root of a host; PUBLIC_URL=/admin/ for a sub-path.
## The module is split at the lazy pages (README, "The first load"): `--cfg wasm_split` marks
## them, and the linker (scripts/wasm-split-link) splits the module before trunk's wasm-bindgen.
PUBLIC_URL ?= /
SPLIT := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=$(CURDIR)/scripts/wasm-split-link \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg wasm_split"
dist: setup
	$(SPLIT) trunk build --release --offline --public-url $(PUBLIC_URL)

## A quick debug build of the dashboard (for development).
dev: setup
	trunk build --offline

## The release site built for the sub-path /admin/, in target/dist-admin: the deployment test
## serves it from a plain static file server.
dist-admin: setup
	$(SPLIT) trunk build --release --offline --public-url /admin/ --dist target/dist-admin

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

native-test:
	cargo test --workspace
	cargo build -p easemob-emulator
	tests/curl/seed004.sh

# Component tests: wasm-bindgen-test in headless Chromium (options in webdriver.json).
browser-test:
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target wasm32-unknown-unknown -p chatroom-admin --test web

e2e:
	cargo build -p easemob-emulator
	npx playwright test

## Refresh the README's screenshots from the end-to-end tests.
screenshots: dist
	cargo build -p easemob-emulator
	UPDATE_SCREENSHOTS=1 npx playwright test room.spec.ts resilience.spec.ts a11y.spec.ts scale.spec.ts moderation.spec.ts import.spec.ts overview.spec.ts

## Figures for the README: the first load's sizes, the dashboard with 100,000 rooms in headless
## Chromium, and the emulator's throughput beside a bare axum server. Prints; asserts nothing.
BENCH_ROOMS ?= 100000
bench: setup-test dist
	cargo build --release -p easemob-emulator --bin easemob-emulator --example loadgen
	node scripts/bench.mjs $(BENCH_ROOMS)
	@echo; echo "== Emulator under a loopback load generator (16 connections, 5 s each) =="
	./target/release/examples/loadgen $(BENCH_ROOMS) 5 16

clean:
	rm -rf dist test-results target
