# Thin wrapper over CMake: `make run` and `make test` set everything up first.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
PREFIX ?= /usr/local

.PHONY: all setup configure build run test bench install asan clean

all: build

setup:
	@bash scripts/install-deps.sh

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/letopis $(ARGS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	@bash bench/run.sh $(BUILD)

install: build
	cmake --install $(BUILD)

# The sanitizer build that CI runs as well: AddressSanitizer + UndefinedBehaviorSanitizer, -Werror.
asan:
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) --no-print-directory test BUILD=build-asan \
	  CMAKE_FLAGS="-DCMAKE_BUILD_TYPE=Debug -DLETOPIS_SANITIZE=ON -DLETOPIS_WERROR=ON -DLETOPIS_BUILD_BENCH=OFF"

clean:
	rm -rf build build-asan
