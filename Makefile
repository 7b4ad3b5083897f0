# The two commands of the README. Both set up the machine first (idempotent).
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: setup build demo test test-all clean

setup:
	@./tools/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@./tools/demo.sh $(BUILD)

# Default suite: every tier except `slow` (docs/testing.md has the budgets).
test: build
	@cd $(BUILD) && ctest -LE slow --output-on-failure -j $(JOBS)

test-all: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
