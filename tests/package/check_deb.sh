#!/usr/bin/env bash
# The Debian package, built and installed as a user would (doc/packaging.md):
#   tests/package/check_deb.sh BUILD_DIR
# cpack builds the .deb from BUILD_DIR; lintian must report no error; the
# Depends: line is computed (dpkg-shlibdeps); it is installed with dpkg into a
# fresh root (dpkg --root, maintainer scripts run chrootless with DPKG_ROOT),
# where the system user and /var/lib/plenary must appear, the units must pass
# systemd-analyze verify, and the installed plenary must import the example;
# dpkg -r must keep only the conffile, and dpkg -P only the register.
# Needs root (dpkg --root). Skips without dpkg-deb/lintian/root, and fails
# instead when CI=true.
set -euo pipefail
build=$(cd "$1" && pwd)
skip() {
  if [ "${CI:-}" = true ]; then echo "FAIL (CI=true): $*" >&2; exit 1; fi
  echo "SKIP: $*"; exit 0
}
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in cpack dpkg dpkg-deb lintian systemd-analyze; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (scripts/test.sh installs it)"
done
[ "$(id -u)" -eq 0 ] || skip "dpkg --root needs root"

rm -rf "$build/package"
(cd "$build" && cpack -G DEB >/dev/null 2>&1) || fail "cpack"
deb=$(ls "$build"/package/plenary_*.deb)

# Runtime dependencies, computed from the binary.
depends=$(dpkg-deb -f "$deb" Depends)
# SQLite, libsodium and the others are linked in (CMakeLists.txt: PLENARY_STATIC_LIBS)
# unless the build says otherwise, and then the package must not ask for them;
# toml++ is compiled in whatever the build says (src/core/toml.h).
linked_in=(libtomlplusplus3)
static=(libsqlite3-0 libsodium23 libutf8proc2 libcmark-gfm0 libyaml-cpp0.7 libfmt9)
shared=(libpqxx-6.4 libcurl4 libical3 libseccomp2 systemd)
if grep -q '^PLENARY_STATIC_LIBS:BOOL=OFF' "$build/CMakeCache.txt"; then
  shared+=(libsqlite3-0 libsodium23)
else
  linked_in+=("${static[@]}")
fi
for lib in "${linked_in[@]}"; do
  [[ $depends != *"$lib"* ]] || fail "Depends has $lib, which is linked in: $depends"
done
for lib in "${shared[@]}"; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
[ "$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)" = /etc/plenary/plenary.toml ] ||
  fail "conffiles is not /etc/plenary/plenary.toml"

lint=$(lintian --suppress-tags running-with-root-privileges "$deb" 2>&1 || true)
echo "$lint" | grep -E '^E: ' && fail "lintian reports errors"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/var/lib/dpkg/{info,updates,triggers} "$root/etc" "$root/tmp"
touch "$root/var/lib/dpkg/status"
# The dependencies are this machine's (the binary runs on its libraries).
dpkg_root=(dpkg --root="$root" --force-script-chrootless --force-depends --log=/dev/null)
"${dpkg_root[@]}" -i "$deb" >"$root/tmp/dpkg.log" 2>&1 || fail "dpkg -i: $(cat "$root/tmp/dpkg.log")"
rm "$root/tmp/dpkg.log"

grep -q '^plenary:' "$root/etc/passwd" || fail "no system user plenary"
[ "$(stat -c '%a %U' "$root/var/lib/plenary")" = "750 $(awk -F: '$1 == "plenary" {print $3}' "$root/etc/passwd")" ] ||
  [ "$(stat -c '%a' "$root/var/lib/plenary")" = 750 ] || fail "no /var/lib/plenary"
for unit in plenary.service plenary-monthly-attendance.service plenary-monthly-attendance.timer \
    plenary-reminders.service plenary-reminders.timer; do
  [ -f "$root/lib/systemd/system/$unit" ] || fail "no $unit"
done
grep -q '^ExecStart=/usr/bin/plenary --config /etc/plenary/plenary.toml serve$' \
  "$root/lib/systemd/system/plenary.service" || fail "plenary.service does not run /usr/bin/plenary"
# The units as systemd reads them, against the installed root (the binary
# they start must be there), with this machine's targets and slices lent to
# the root for the check and taken back after it.
lent="$root/usr/lib/systemd/system"
mkdir -p "$lent"
cp /lib/systemd/system/*.target /lib/systemd/system/*.slice /lib/systemd/system/*.socket "$lent/"
verify=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --root="$root" --man=no \
           /lib/systemd/system/plenary.service /lib/systemd/system/plenary-monthly-attendance.timer \
           /lib/systemd/system/plenary-reminders.timer 2>&1) ||
  fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify: $verify"
# Hardening, as systemd scores it (lower is safer; 10 is none at all).
exposure=$(systemd-analyze security --root="$root" --offline=true --no-pager \
             "$root/lib/systemd/system/plenary.service" 2>/dev/null | awk '/Overall exposure/ {print $(NF-2), $(NF-1)}' || true)
[ -n "$exposure" ] && echo "plenary.service exposure: $exposure"
rm -rf "$lent"

plenary="$root/usr/bin/plenary"
"$plenary" --version | grep -qx 'plenary 0.1.0' || fail "plenary --version"
# The PostgreSQL module is installed where the binary looks for it: with no
# server on port 1, the error is libpq's refusal, not a missing module.
[ -n "$(find "$root/usr/lib" -name plenary-postgres.so)" ] || fail "no plenary-postgres.so"
pg_error=$("$plenary" --config "$root/etc/plenary/plenary.toml" --db postgresql://127.0.0.1:1/none actions 2>&1 || true)
grep -q 'Connection refused' <<<"$pg_error" || fail "the PostgreSQL module was not loaded: $pg_error"
# Without the module, a clear error naming it (and SQLite still works).
module=$(find "$root/usr/lib" -name plenary-postgres.so)
mv "$module" "$module.away"
pg_error=$("$plenary" --config "$root/etc/plenary/plenary.toml" --db postgresql://127.0.0.1:1/none actions 2>&1 || true)
grep -q 'PostgreSQL support (plenary-postgres.so) cannot be loaded' <<<"$pg_error" ||
  fail "a missing module is not named: $pg_error"
mv "$module.away" "$module"
examples="$root/usr/share/doc/plenary/examples/ssr2"
db="$root/var/lib/plenary/register.db"
"$plenary" --config "$root/etc/plenary/plenary.toml" --db "$db" import \
  --roster "$examples/ssr2-roster.txt" "$examples/ssr2-plenary-15.txt" >/dev/null 2>&1 || fail "import"
"$plenary" --db "$db" meetings | grep -q 'SSR2 Plenary #15' || fail "the example did not import"
"$plenary" --config "$root/etc/plenary/plenary.toml" config check >/dev/null || fail "config check"
MANWIDTH=80 man -l "$root/usr/share/man/man1/plenary-serve.1.gz" | grep -q -- '--listen' ||
  fail "man plenary-serve"
[ -f "$root/usr/share/bash-completion/completions/plenary" ] || fail "no completion"

"${dpkg_root[@]}" -r plenary >/dev/null 2>&1 || fail "dpkg -r"
[ ! -e "$plenary" ] || fail "dpkg -r left the binary"
[ -f "$root/etc/plenary/plenary.toml" ] || fail "dpkg -r removed the conffile"
"${dpkg_root[@]}" -P plenary >/dev/null 2>&1 || fail "dpkg -P"
[ ! -e "$root/etc/plenary" ] || fail "dpkg -P left /etc/plenary"
# Left: dpkg's database, the system user, and the register.
left=$(cd "$root" && find . -type f ! -path './var/lib/dpkg/*' ! -path './etc/passwd*' \
         ! -path './etc/group*' ! -path './etc/.pwd.lock' ! -path './etc/shadow*' ! -path './etc/gshadow*' \
         ! -path './var/lib/plenary/register.db*' | sort)
[ -z "$left" ] || fail "dpkg -P left: $left"
echo "package: ok ($(du -k "$deb" | cut -f1) KiB; lintian: $(echo "$lint" | grep -c '^[EW]: ' || true) errors/warnings)"
