#!/usr/bin/env bash
# The binary carries libstdc++ (PLENARY_STATIC_LIBS, CMakeLists.txt) and the
# PostgreSQL module's libpqxx loads the shared libstdc++.so.6 as well: one copy
# must be the one in use. Checks, on a real server:
#   - the binary does not need libstdc++.so.6 itself;
#   - a command on a postgresql:// register works, and the dynamic loader binds
#     none of the module's or libpqxx's symbols to libstdc++.so.6 (each is
#     found in the binary first);
#   - an error raised inside libpqxx (a connection refused) reaches plenary's
#     message as it should.
#   tests/startup/check_libstdcxx.sh PLENARY URL
set -euo pipefail
plenary=$1 url=$2
fail() { echo "check_libstdcxx: $*" >&2; exit 1; }

if readelf -d "$plenary" | grep -q 'NEEDED.*libstdc++'; then
  fail "$plenary loads libstdc++.so.6 at start"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/notes.txt" <<NOTES
Meeting: Libstdcxx check
Date: 2026-12-04
present+ Ann, Bob
ACTION: Ann to send the agenda of check $$ by 2026-12-11
RESOLUTION: the call moves to Thursdays
NOTES
group=LIBCXX$$
LD_DEBUG=bindings LD_DEBUG_OUTPUT="$work/bindings" \
  "$plenary" --db "$url" import --format w3c-irc --group "$group" "$work/notes.txt" >"$work/out" 2>&1 ||
  { cat "$work/out" >&2; fail "import on $url failed"; }
"$plenary" --db "$url" actions >"$work/actions" 2>&1 ||
  { cat "$work/actions" >&2; fail "actions on $url failed"; }
grep -q "send the agenda of check $$" "$work/actions" || { cat "$work/actions" >&2; fail "the imported action is not listed"; }

cat "$work"/bindings.* >"$work/all"
grep -q 'binding file .*plenary-postgres.so' "$work/all" || fail "the PostgreSQL module was not loaded"
grep -q 'binding file .*libpqxx' "$work/all" || fail "libpqxx was not loaded"
if grep -E 'binding file [^ ]*(plenary-postgres\.so|libpqxx)[^ ]* .* to [^ ]*libstdc\+\+\.so' "$work/all" >"$work/wrong"; then
  head -5 "$work/wrong" >&2
  fail "$(wc -l <"$work/wrong") of the module's or libpqxx's symbols bound to libstdc++.so.6, not the binary's copy"
fi
count=$(grep -cE 'binding file [^ ]*(plenary-postgres\.so|libpqxx)[^ ]* .* to [^ ]*'"$(basename "$plenary")"' ' "$work/all" || true)
[ "$count" -gt 100 ] || fail "only $count of the module's and libpqxx's symbols bound to the binary"

# A C++ exception thrown inside libpqxx, caught and reported by plenary.
if "$plenary" --db "postgresql://nobody@127.0.0.1:1/none" actions >"$work/refused" 2>&1; then
  fail "a refused connection did not fail"
fi
grep -q 'Connection refused' "$work/refused" || { cat "$work/refused" >&2; fail "no clear message for a refused connection"; }
echo "check_libstdcxx: one libstdc++ in use ($count bindings of the module and libpqxx to the binary)"
