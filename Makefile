# Vitrina — the two commands a newcomer needs are `make serve` and `make test`.
# Every target installs what it is missing first (scripts/ensure-tools.sh), and
# skips what is already there.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# node_modules/.bin first: Trunk must find npm's wasm-opt (see scripts/ensure-tools.sh).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Where the app will live on the static host; "./" (relative) works anywhere.
PUBLIC_URL ?= ./
WASM_TARGET := wasm32-unknown-unknown
export CHROMEDRIVER ?= /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: serve build staff-build bench-import test tools test-tools fmt-check clippy test-native test-scripts test-wasm check-dist e2e size bench bench-build bench-smoke bench-profile bench-check lighthouse clean

## serve: install what is missing, build in release mode, serve on http://127.0.0.1:8080
## (the staff page, built once, at http://127.0.0.1:8080/staff/)
serve: tools staff-build
	VITRINA_STAFF_DIST="$(CURDIR)/$(STAFF_DIST)" trunk serve --release

## build: a deployable dist/ (set PUBLIC_URL=/vitrina/ for an absolute base), the staff page in dist/staff/
build: tools
	trunk build --release --public-url "$(PUBLIC_URL)"
	$(MAKE) --no-print-directory staff-build
	rm -rf dist/staff
	cp -r $(STAFF_DIST) dist/staff

# The staff page (crates/vitrina-staff), a second Trunk build: Trunk 0.21 builds one HTML entry
# per run and cleans its dist/, so it builds into its own folder after the visitor build, and
# `build` copies it into dist/staff/. Relative URLs: it works under any path.
STAFF_DIST := target/staff-dist
staff-build: tools
	trunk build --release --config crates/vitrina-staff/Trunk.toml

## test: everything CI checks
test: test-tools fmt-check clippy test-native test-scripts test-wasm build check-dist e2e bench-check
	@echo "make test: all checks passed"

tools:
	@scripts/ensure-tools.sh build

test-tools:
	@scripts/ensure-tools.sh test

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --all-targets -- -D warnings

test-native:
	cargo test --workspace

# The build's post-build hook (minify, service worker, its check), with Node's own test runner.
test-scripts:
	node --test scripts/

# dist/sw.js's version and file list match the files of the finished dist/.
check-dist:
	node scripts/check-dist.mjs dist

# wasm-bindgen-test in headless Chromium; webdriver.json holds the browser flags.
test-wasm:
	cargo test --target $(WASM_TARGET)

# Playwright against the release build in dist/, served under a sub-path.
e2e:
	npx playwright test

# The benchmark harness itself (not its numbers): 1k members, one repetition, on the dist/
# that `build` made and a debug generator; fails if any scenario could not be measured.
bench-check:
	cargo build -p xtask
	node bench/run.mjs --smoke --dist dist --xtask target/debug/xtask --out target/bench/check

## size: brotli size of the visitor shell in dist/, and of the staff page in dist/staff/ apart
size:
	@scripts/shell-size.sh dist

## bench: Vitrina against plain-JS baselines (MiniSearch, FlexSearch) in Chromium on 1k, 10k and
## 100k members, throttled 4x and not; writes bench/results/latest.{md,json} (about 15 min; not in `make test`)
bench: bench-build
	node bench/run.mjs $(BENCH_ARGS)

## bench-smoke: the benchmark harness itself, 1k members, one repetition (results in target/bench/smoke/)
bench-smoke: bench-build
	node bench/run.mjs --smoke

## bench-profile: where Vitrina's time goes, CPU profiles with wasm function names (10k members, 4x)
bench-profile: bench-build
	bench/build-diag.sh
	node bench/profile.mjs --scale 10k --rate 4

## lighthouse: Lighthouse's mobile preset on the list, a profile and the follow-up list (release build
## under /vitrina/ with brotli); writes bench/results/lighthouse/ (a few minutes; not in `make test`)
lighthouse: test-tools build
	node bench/lighthouse.mjs $(LIGHTHOUSE_ARGS)

# The release app in its own folder (not dist/, which other targets rebuild), and the generator.
bench-build: test-tools
	cargo build --release -p xtask
	trunk build --release --public-url ./ --dist target/bench/dist
	$(MAKE) --no-print-directory staff-build
	rm -rf target/bench/dist/staff
	cp -r $(STAFF_DIST) target/bench/dist/staff

## bench-import: the staff page imports a 10 000-row .xlsx in Chromium, from file pick to the
## merge summary, median of a few runs (not in `make test`)
bench-import: bench-build
	node bench/import.mjs --dist target/bench/dist

clean:
	cargo clean
	rm -rf dist test-results playwright-report
