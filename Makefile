# optlab — the one entry point.  `make` sets up and builds everything,
# `make test` checks it.  See README.md.

.DEFAULT_GOAL := all
SHELL := /bin/bash

# ---- Toolchain --------------------------------------------------------------
CC      ?= cc
ifeq ($(origin CC),default)
CC      := cc
endif
OPT     ?= -O3
CFLAGS  ?= $(OPT) -g
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow -Wstrict-prototypes
# No errno from sqrt and friends (libopt never reads it), so their loops vectorize;
# ISO C mode keeps floating-point contraction off, so results do not depend on FMA.
MATH    := -fno-math-errno
ROOT    := $(CURDIR)

# pkg-config is asked only when a target needs the libraries, so `make deps`
# works before they exist.  GSL links to OpenBLAS as its CBLAS.
pc = $(shell pkg-config $(1) 2>/dev/null)
DEP_CFLAGS = $(call pc,--cflags gsl lua5.4)
DEP_LIBS   = $(call pc,--libs-only-L openblas) -lgsl -lopenblas $(call pc,--libs lua5.4) -lm
CRIT_LIBS  = $(call pc,--libs criterion)

# SAN=1: AddressSanitizer + UndefinedBehaviorSanitizer, in a build tree of its own.
BUILD   ?= build
ifeq ($(SAN),1)
B       := $(BUILD)/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
B       := $(BUILD)
SANFLAGS :=
endif
OBJ     := $(B)/obj
BIN     := $(B)/bin
export OPTLAB_BIN := $(abspath $(BIN))

ALL_CFLAGS = $(WARN) $(MATH) $(CFLAGS) $(SANFLAGS) -Ilib $(DEP_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

# ---- Library ----------------------------------------------------------------
LIB_SRC := $(wildcard lib/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(OBJ)/%.o)
LIBOPT  := $(OBJ)/libopt.a

$(OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The lab runtime finds figures/ through the source root compiled into it
# (OPTLAB_ROOT in the environment overrides it).
$(OBJ)/lib/lab.o: ALL_CFLAGS += -DOPTLAB_ROOT='"$(ROOT)"'

$(LIBOPT): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

lib: $(LIBOPT)

# ---- Labs ---------------------------------------------------------------------
# labs/NN-slug/ holds lab.c and, for labs with exercises, exercise.c (the student's);
# build/bin/labNN links them with libopt.  (Grading builds its own binaries.)
LAB_DIRS := $(sort $(wildcard labs/[0-9][0-9]-*))
LAB_SLUGS := $(notdir $(LAB_DIRS))
LAB_NUMS := $(foreach s,$(LAB_SLUGS),$(firstword $(subst -, ,$(s))))
LAB_BINS := $(LAB_NUMS:%=$(BIN)/lab%)

slug_of = $(notdir $(wildcard labs/$(1)-*))

define lab_rules
$(BIN)/lab$(1): $(OBJ)/labs/$(2)/lab.o $(if $(wildcard labs/$(2)/exercise.c),$(OBJ)/labs/$(2)/exercise.o) $(LIBOPT)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_LDFLAGS) $$(filter %.o,$$^) $(LIBOPT) $$(DEP_LIBS) -o $$@
$(OBJ)/labs/$(2)/%.o: ALL_CFLAGS += -Ilabs/$(2)
lab$(1): $(BIN)/lab$(1)
.PHONY: lab$(1)
endef
$(foreach s,$(LAB_SLUGS),$(eval $(call lab_rules,$(firstword $(subst -, ,$(s))),$(s))))

labs: $(LAB_BINS)

# ---- Everything ---------------------------------------------------------------
# The labs build and run in parallel, one job a core (make -jN overrides it).
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
all: deps
	@$(MAKE) --no-print-directory $(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS)) figures

deps:
	@scripts/install-deps

# ---- Lab runs and figures -----------------------------------------------------------
# Each lab runs once into $(B)/out/NN-slug; its .ran marks a complete run and
# depends on what the run's outputs come from (the binary, the figure style and
# the lab's figure scripts), so figures, handouts and slides reuse the same run
# and a second `make` with nothing changed runs nothing.
LAB_RUNS := $(LAB_SLUGS:%=$(B)/out/%/.ran)
define run_rules
$(B)/out/$(2)/.ran: $(BIN)/lab$(1) figures/style.gp $(wildcard figures/$(1)-*.gp) scripts/figures
	@scripts/figures --run $(BIN) $(2)
endef
$(foreach s,$(LAB_SLUGS),$(eval $(call run_rules,$(firstword $(subst -, ,$(s))),$(s))))

# Gather every lab's figures by format, with a gallery.
GALLERY := $(B)/figures/index.html
$(GALLERY): $(LAB_RUNS) $(LAB_DIRS:%=%/lab.c) $(wildcard figures/*.gp) scripts/figures scripts/weave
	@scripts/figures $(BIN) $(LAB_SLUGS)
figures: $(GALLERY)

# The gallery: every figure under its lab, with its caption and the command
# that redraws it (one is run).
check-figures: figures
	@tests/handouts/gallery "$(B)/figures"

# ---- Handouts ---------------------------------------------------------------------
# Each lab woven into $(BUILD)/handouts/NN-slug.html (prose, code, figures,
# exercises; self-contained, math as MathML: no network), plus index.html.
# The index is written last: it stands for the whole set.
HANDOUT_INDEX := $(BUILD)/handouts/index.html
$(HANDOUT_INDEX): $(GALLERY) $(wildcard labs/*/exercise.h) scripts/weave-all scripts/mathml-accents $(wildcard scripts/handout/*)
	@scripts/weave-all --build "$(B)" --out "$(BUILD)/handouts" $(LAB_SLUGS) || { rm -f $@; exit 1; }
handouts: $(HANDOUT_INDEX)

# The weaver on a fixture lab (tests/handouts/run --browser also renders it).
check-handouts:
	@tests/handouts/run
.PHONY: check-handouts

# Every handout, and a deck, in headless Chromium: figures decoded and drawn,
# MathML rendered, code highlighted, the index's links, a printed PDF.  The
# screenshots land in $(BUILD)/handouts/screenshots/.  OPTLAB_NO_BROWSER=1 skips.
check-browser: handouts slides
	@tests/handouts/browser "$(BUILD)/handouts" "$(BUILD)/slides"

# ---- Slides -------------------------------------------------------------------------
# Each lab as $(BUILD)/slides/NN-slug.pptx (equations as pictures), a self-contained
# HTML deck (pandoc; dzslides, which needs no CDN) and that deck as NN-slug.pdf
# (headless Chromium), derived from lab.c by `scripts/weave --slides`:
# per `##` section its display equations, then one slide per figure with its
# caption; the exercises last.
SLIDES_INDEX := $(BUILD)/slides/index.html
$(SLIDES_INDEX): $(GALLERY) scripts/slides scripts/mathml-accents $(wildcard scripts/handout/*)
	@scripts/slides --build "$(B)" --out "$(BUILD)/slides" $(LAB_SLUGS) || { rm -f $@; exit 1; }
slides: $(SLIDES_INDEX)

check-slides: slides
	@tests/handouts/slides "$(BUILD)/slides" $(LAB_SLUGS)

# ---- Student release ------------------------------------------------------------------
# $(BUILD)/release/optlab-student.tar.gz: labs with their stubs, lib, the visible
# grade tests only, a README for students; no solutions, hidden tests or mutants.
release:
	@if [ -d solutions ]; then scripts/release --out "$(BUILD)/release"; \
	else echo "release: this tree is the student release (no solutions/)" >&2; exit 1; fi

# Unpack it, build it, run every lab, grade it: zero, then full marks with the solutions.
check-release: release
	@tests/release/run "$(BUILD)/release/optlab-student.tar.gz"

# ---- Gradescope --------------------------------------------------------------------------
# $(BUILD)/gradescope/autograder.zip (every lab), or with LAB=NN
# autograder-NN-slug.zip (one lab): setup.sh and run_autograder at the root.
GRADED_SLUGS := $(basename $(notdir $(wildcard tests/grade/[0-9][0-9]-*.c)))
gradescope:
	@if [ -d solutions ]; then scripts/gradescope --out "$(BUILD)/gradescope" $(if $(LAB),--lab "$(LAB)"); \
	else echo "gradescope: this tree is the student release (no hidden tests)" >&2; exit 1; fi

# Run the package in a simulated /autograder: a correct, an empty, a partly
# correct and a crashing submission, and a one-lab package.
check-gradescope:
	@if [ -d solutions ]; then \
		scripts/gradescope --out "$(BUILD)/gradescope" > /dev/null && \
		scripts/gradescope --out "$(BUILD)/gradescope" --lab "$(firstword $(GRADED_SLUGS))" > /dev/null && \
		tests/gradescope/run "$(BUILD)/gradescope/autograder.zip" \
			"$(BUILD)/gradescope/autograder-$(firstword $(GRADED_SLUGS)).zip"; \
	else echo "check-gradescope: no solutions/ here (a student release): skipped"; fi

# ---- Tests --------------------------------------------------------------------------
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=$(BIN)/tests/%)

$(BIN)/tests/%: $(OBJ)/tests/unit/%.o $(LIBOPT)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) $< $(LIBOPT) $(DEP_LIBS) $(CRIT_LIBS) -o $@

unit: $(UNIT_BINS)
	@scripts/run-unit $(UNIT_BINS)

check-labs: labs
	@tests/labs/run $(BIN)

check-badinput: labs
	@tests/badinput/run $(BIN)

test: deps
	@$(MAKE) --no-print-directory build-all
	@$(MAKE) --no-print-directory -k unit check-labs check-badinput check-handouts check-grade \
		check-hostile check-figures check-slides check-browser check-release check-gradescope check-make

# The Makefile: `make help` complete, nothing made twice (after the above).
check-make: handouts slides
	@tests/make/run $(if $(filter 1,$(SAN)),SAN=1) BUILD="$(BUILD)"

build-all: lib labs $(UNIT_BINS)

# ---- Autograder -----------------------------------------------------------------------
# make grade [LAB=NN] [IMPL=labs|solutions|DIR]: build the grade tests (tests/grade/)
# against IMPL's exercise.c files, print a score table per lab and exercise, and
# write $(BUILD)/grade/results.json in Gradescope's format.  The grading build
# lives in $(BUILD)/grade/work and never touches the lab binaries.  Each test
# runs in its own process with a time, memory and output limit; an exercise
# whose code calls the library's own version of it (tests/grade/NN-slug.forbidden)
# gets no credit.  GRADE_OPTS passes more options to scripts/grade (--all,
# --note FILE, --cache DIR: see its header).
IMPL ?= labs
GRADE_OPTS ?=
GRADE_ENV = CC="$(CC)" GRADE_CFLAGS="$(WARN) $(MATH) $(CFLAGS) $(SANFLAGS) $(DEP_CFLAGS)" \
	GRADE_LDFLAGS="$(ALL_LDFLAGS)" GRADE_LIBS="$(DEP_LIBS) $(CRIT_LIBS)"
grade: lib
	@$(GRADE_ENV) scripts/grade --impl "$(IMPL)" $(if $(LAB),--lab "$(LAB)") \
		--bin "$(BIN)" --lib "$(LIBOPT)" --out "$(BUILD)/grade" $(GRADE_OPTS)

# The solutions must score full marks, the stubs zero, and each mutant in
# tests/grade/mutants/ must lose the points of its exercise and only those.
# (A student release has no solutions/: nothing to check there.)
check-grade: lib
	@if [ -d solutions ]; then $(GRADE_ENV) scripts/grade-check --bin "$(BIN)" --lib "$(LIBOPT)"; \
	else echo "check-grade: no solutions/ here (a student release): skipped"; fi

# Hostile submissions (tests/grade/hostile/): a crash, an endless loop, an
# unbounded allocation, exit(), a flood of output, a call to the library's
# reference, a broken runner, a compile error.  Each fails what it must, alone,
# with feedback that says why, and the grade is still a valid results.json.
check-hostile: lib
	@if [ -d solutions ]; then $(GRADE_ENV) tests/grade/hostile/run --bin "$(BIN)" --lib "$(LIBOPT)"; \
	else echo "check-hostile: no solutions/ here (a student release): skipped"; fi

# ---- Long checks ------------------------------------------------------------------------
# Not part of `make test`.  Every stepper's trajectory against torch.optim 1.13
# (Debian's python3-torch, installed here by install-deps --long).
check-long: deps lib
	@scripts/install-deps --long
	@$(MAKE) --no-print-directory $(BIN)/long/trajectories
	@$(BIN)/long/trajectories | tests/long/torch-trajectories

$(BIN)/long/%: tests/long/%.c $(LIBOPT)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $< $(LIBOPT) $(DEP_LIBS) -o $@

# ---- Benchmarks ---------------------------------------------------------------------
# Tables of ratios against peers measured in the same run (tests/bench/).  Not part
# of `make test`.  bench_lbfgs also needs libLBFGS (Debian's liblbfgs-dev); its
# <lbfgs.h> is reached with -iquote lib, so that lib/lbfgs.h does not shadow it.
BENCH_BINS := $(BIN)/bench/bench_steppers $(BIN)/bench/bench_lbfgs

$(BIN)/bench/%: tests/bench/%.c $(LIBOPT)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(MATH) $(CFLAGS) -iquote lib $(DEP_CFLAGS) $< $(LIBOPT) \
		$(if $(filter bench_lbfgs,$*),-llbfgs) $(DEP_LIBS) -o $@

bench: deps
	@scripts/install-deps --bench
	@$(MAKE) --no-print-directory $(BENCH_BINS)
	@echo "== First-order steppers: one step on n = 10^7 (effective bandwidth) =="
	@$(BIN)/bench/bench_steppers
	@echo
	@echo "== L-BFGS against libLBFGS and GSL vector_bfgs2 =="
	@$(BIN)/bench/bench_lbfgs

clean:
	rm -rf build

# `make help`: the targets, a line each.  tests/help checks that every target
# named here exists and that every .PHONY target is named.
define HELP_TEXT
optlab — make targets (variables: SAN=1, BUILD=DIR, LAB=NN, IMPL=DIR, JOBS=N)

Build and run
  all (default)     install missing packages, build every lab, run it, draw its figures
  deps              install the missing system packages (scripts/install-deps)
  lib               build libopt ($(BUILD)/obj/libopt.a)
  labs              build every lab into $(BUILD)/bin/labNN
  labNN             build one lab, e.g. make lab04
  figures           run every lab once, gather its figures; gallery $(BUILD)/figures/index.html
  handouts          weave every lab into $(BUILD)/handouts/NN-slug.html, with an index
  slides            every lab as a deck in $(BUILD)/slides/ (HTML, PowerPoint, PDF, Markdown)
  clean             remove $(BUILD)/

Grading
  grade             grade the exercises (IMPL=labs|solutions|DIR, LAB=NN); results.json
  release           the student release, $(BUILD)/release/optlab-student.tar.gz
  gradescope        the Gradescope autograder zip (LAB=NN for one lab)

Checks
  test              every check below (the README's test command; SAN=1 under sanitizers)
  build-all         build the library, the labs and the unit tests
  unit              the library's unit tests (Criterion)
  check-labs        run every lab on test settings and check every quoted number
  check-badinput    bad parameters: one line naming file, line and key; exit 2; nothing written
  check-handouts    the weaver on a fixture lab
  check-figures     the figure gallery
  check-slides      the slide decks
  check-browser     handouts and decks rendered in headless Chromium (OPTLAB_NO_BROWSER=1 skips)
  check-grade       solutions full marks, stubs zero, each mutant loses its exercise
  check-hostile     hostile submissions fail alone, with the right feedback
  check-release     the student release built, run and graded as a student would
  check-gradescope  the Gradescope package run in a simulated /autograder
  check-make        make help is complete; a second make does nothing; a lab reruns alone
  check-long        every stepper against torch.optim 1.13 (not in make test)
  bench             stepper bandwidth and L-BFGS tables (not in make test)
  help              this list
endef
export HELP_TEXT
help:
	@printf '%s\n' "$$HELP_TEXT"

.PHONY: all deps lib labs figures handouts unit check-labs check-badinput test build-all grade check-grade bench check-long clean
.PHONY: check-hostile check-figures check-browser slides check-slides release check-release
.PHONY: gradescope check-gradescope help check-make

-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)
