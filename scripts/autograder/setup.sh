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
# Prints the packages whose check fails.
missing_packages() {
    local line pkg how
    for line in "${checks[@]}"; do
        read -r pkg how <<<"$line"
        case $how in
            cmd:*) command -v "${how#cmd:}" >/dev/null 2>&1 || echo "$pkg" ;;
            pc:*) { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "${how#pc:}"; } || echo "$pkg" ;;
        esac
    done
}

# Ubuntu ships liblua5.4-dev, libcriterion-dev, libgsl-dev and libopenblas-dev
# in "universe".  An image whose apt sources lack it (Gradescope does not say
# whether its Ubuntu images have it) gets it added, from the same mirror and
# for the same release as the "main" it has.  Nothing is changed elsewhere.
enable_universe() {
    local id='' codename='' uri=''
    # shellcheck source=/dev/null
    [ -r /etc/os-release ] && { id=$(. /etc/os-release && echo "${ID:-}"); codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-${UBUNTU_CODENAME:-}}"); }
    [ "$id" = ubuntu ] && [ -n "$codename" ] || return 1
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
          | awk '$1 == "deb" && $0 ~ / main/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }')
    [ -n "$uri" ] || uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '$1 == "URIs:" { print $2; exit }')
    if [ -z "$uri" ]; then
        case $(dpkg --print-architecture 2>/dev/null) in
            amd64|i386|"") uri=http://archive.ubuntu.com/ubuntu ;;
            *) uri=http://ports.ubuntu.com/ubuntu-ports ;;
        esac
    fi
    echo "setup: enabling Ubuntu's universe component ($uri $codename)"
    printf 'deb %s %s universe\ndeb %s %s-updates universe\ndeb %s %s-security universe\n' \
        "$uri" "$codename" "$uri" "$codename" "$uri" "$codename" > /etc/apt/sources.list.d/optlab-universe.list
    apt-get update -q
}

mapfile -t missing < <(missing_packages)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    unknown=()
    for pkg in "${missing[@]}"; do
        apt-cache show --no-all-versions "$pkg" >/dev/null 2>&1 || unknown+=("$pkg")
    done
    if [ ${#unknown[@]} -gt 0 ]; then
        echo "setup: apt knows no package ${unknown[*]}"
        enable_universe || echo "setup: not Ubuntu, so no component to enable; apt-get will say what it lacks"
    fi
    apt-get install -y -q --no-install-recommends "${missing[@]}"
    mapfile -t still < <(missing_packages)
    if [ ${#still[@]} -gt 0 ]; then
        echo "setup: installed, yet still missing what grading needs from ${still[*]} (the checks: ${checks[*]})" >&2
        exit 1
    fi
fi
echo "setup: $(cc --version | head -n 1); Criterion $(pkg-config --modversion criterion), GSL $(pkg-config --modversion gsl), Lua $(pkg-config --modversion lua5.4), OpenBLAS $(pkg-config --modversion openblas)"

mkdir -p "$ROOT/build"
make -C "$SRC" --no-print-directory -j"$(nproc)" lib BUILD="$ROOT/build"
make -C "$SRC" --no-print-directory grade IMPL=labs BUILD="$ROOT/build" \
    GRADE_OPTS="--quiet --cache $ROOT/build/grade-cache" > "$ROOT/build/setup-grade.log" 2>&1 || {
    cat "$ROOT/build/setup-grade.log"; echo "setup: grading the stubs failed" >&2; exit 1; }
echo "setup: ready (labs graded: $(sed -n 's/^LABS=//p' "$SRC/optlab.conf"))"
