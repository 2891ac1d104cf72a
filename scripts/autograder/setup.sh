#!/usr/bin/env bash
# setup.sh — Gradescope runs this once, as root, when it builds the
# autograder's image (the zip is unpacked into /autograder/source).
#
# Installs the Debian/Ubuntu packages grading needs (only the missing ones),
# builds libopt, then compiles the grade harness and every lab's grade tests
# once, into the cache each submission's run reuses (grading the stubs does
# that, and proves the toolchain works before any student submits).
#
# AUTOGRADER_ROOT (default: the parent of this script's directory, which on
# Gradescope is /autograder) lets the package's test run it anywhere.
set -euo pipefail
# A make that runs this passes its command-line variables (BUILD=, SAN=) down,
# in MAKEFLAGS and in the environment; the tree below is another one, built
# with its own defaults.
unset MAKEFLAGS MAKEOVERRIDES MFLAGS MAKELEVEL BUILD SAN OPT CFLAGS LDFLAGS IMPL LAB GRADE_OPTS
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${AUTOGRADER_ROOT:-$(dirname "$SRC")}

# package           how to tell it is there
checks=(
    "build-essential  cmd:cc"
    "make             cmd:make"
    "binutils         cmd:readelf"
    "pkg-config       cmd:pkg-config"
    "libgsl-dev       pc:gsl"
    "libopenblas-dev  pc:openblas"
    "liblua5.4-dev    pc:lua5.4"
    "libcriterion-dev pc:criterion"
)
missing=()
for line in "${checks[@]}"; do
    read -r pkg how <<<"$line"
    case $how in
        cmd:*) command -v "${how#cmd:}" >/dev/null 2>&1 || missing+=("$pkg") ;;
        pc:*) { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "${how#pc:}"; } || missing+=("$pkg") ;;
    esac
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

mkdir -p "$ROOT/build"
make -C "$SRC" --no-print-directory -j"$(nproc)" lib BUILD="$ROOT/build"
make -C "$SRC" --no-print-directory grade IMPL=labs BUILD="$ROOT/build" \
    GRADE_OPTS="--quiet --cache $ROOT/build/grade-cache" > "$ROOT/build/setup-grade.log" 2>&1 || {
    cat "$ROOT/build/setup-grade.log"; echo "setup: grading the stubs failed" >&2; exit 1; }
echo "setup: ready (labs graded: $(sed -n 's/^LABS=//p' "$SRC/optlab.conf"))"
