#!/usr/bin/env bash
# Installs what plenary needs from Debian's packages and builds it.
#   scripts/setup.sh --demo                 only what building and running the plenary
#                                           binary needs; builds only that (scripts/demo.sh)
#   scripts/setup.sh [--sanitize] [TARGET...]   everything the test suite needs too
# Build dir: build/ (build-asan/ with --sanitize); all targets unless named.
# Idempotent: packages already present are not fetched again; the build is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."

# Building and running plenary: the compiler and build tools, and the -dev
# packages of the libraries the binary links (README: "Set-up" has the figures).
build_packages=(g++ cmake ninja-build pkg-config ccache
          libsqlite3-dev libsqlitecpp-dev nlohmann-json3-dev libfmt-dev libcli11-dev
          libutf8proc-dev libsodium-dev
          # publishing: iCalendar feeds, Markdown, and a MediaWiki's API over HTTP
          libical-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libcurl4-openssl-dev
          # the PostgreSQL back end
          libpqxx-dev libpq-dev
          # plenary serve (Boost.Beast/Asio); Markdown minutes' front matter (yaml-cpp)
          libboost-dev libyaml-cpp-dev
          # plenary serve reads uploads in a child process behind a seccomp filter
          libseccomp-dev
          # the configuration file, /etc/plenary/plenary.toml
          libtomlplusplus-dev)
# The test suite, the benchmarks and the fuzzers on top.
test_packages=(git ca-certificates sqlite3 libgtest-dev libgmock-dev libbenchmark-dev
          # the durability test's clients of plenary serve (tests/durability/kill_serve.sh)
          curl
          clang libclang-rt-14-dev
          # tests parse HTML/Confluence XML
          libpugixml-dev
          # a real wiki for the MediaWiki publisher's tests
          mediawiki php-cli php-sqlite3 php-mbstring php-xml php-intl
          # the PostgreSQL tests' throwaway cluster (scripts/pg-cluster.sh)
          postgresql
          # web pages: the browser end-to-end test (tests/web) drives chromium with node
          chromium
          # plenary remind's tests: a real SMTP server (tests/smtp) with a throwaway certificate
          python3-aiosmtpd openssl
          # the package's test (tests/package) and the manual pages' (tests/manual)
          lintian groff-base man-db)

demo=false
if [ "${1:-}" = "--demo" ]; then
  demo=true
  shift
fi
packages=("${build_packages[@]}")
$demo || packages+=("${test_packages[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The browser and API contract tests run on node with npm packages. A machine that
# already has them (e.g. NodeSource's nodejs, which bundles npm and conflicts with
# Debian's npm) keeps its own; otherwise Debian's are installed.
if ! $demo; then
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build=build
cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
# ccache keeps compiled objects between builds and checkouts (a fresh clone, or
# the sanitizer build of the same sources, compiles only what changed).
if command -v ccache >/dev/null; then
  cmake_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
fi
if [ "${1:-}" = "--sanitize" ]; then
  build=build-asan
  cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE=Debug -DPLENARY_SANITIZE=ON "${cmake_args[@]:3}")
  shift
fi
targets=()
if $demo; then
  cmake_args+=(-DPLENARY_BUILD_TESTS=OFF)
  targets=(--target plenary)
else
  cmake_args+=(-DPLENARY_BUILD_TESTS=ON)
fi
for t in "$@"; do targets+=(--target "$t"); done
cmake -S . -B "$build" "${cmake_args[@]}" >/dev/null
cmake --build "$build" "${targets[@]}"
