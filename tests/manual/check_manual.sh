#!/usr/bin/env bash
# The generated manual pages and bash completion (src/cli/cli_manual):
#   tests/manual/check_manual.sh PLENARY_BINARY
# Every page is written again into a scratch directory and must format without
# a single warning (groff -man -ww; man --warnings when man-db is there), the
# pages must cover every command --help lists, and the completion script must
# complete commands, subcommands and options in a real bash.
set -euo pipefail
plenary=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$plenary" __man "$dir/man"
[ -f "$dir/man/plenary.1" ] || fail "no plenary.1"
for cmd in $("$plenary" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}'); do
  [ -f "$dir/man/plenary-$cmd.1" ] || fail "no page for plenary $cmd"
done
for page in actions-show actions-done config-check serve import; do
  [ -f "$dir/man/plenary-$page.1" ] || fail "no page plenary-$page.1"
done
ls "$dir/man" | grep -q '^plenary-__' && fail "a hidden command has a page"
for page in "$dir"/man/*.1; do
  warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff failed on $page"
  [ -z "$warnings" ] || fail "groff on $(basename "$page"): $warnings"
  if command -v man >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null) ||
      fail "man failed on $page"
    [ -z "$warnings" ] || fail "man on $(basename "$page"): $warnings"
  fi
done
# The same words as --help: an option's description appears in its page.
grep -q 'Show what would be recorded; write nothing' "$dir/man/plenary-import.1" ||
  fail "plenary-import.1 lacks --dry-run's description"
grep -q '^\\fB\\-\\-dry\\-run\\fR$' "$dir/man/plenary-import.1" || fail "no --dry-run item"
grep -q '^\.SH FILES' "$dir/man/plenary.1" || fail "plenary.1 has no FILES"

"$plenary" __completion bash >"$dir/plenary.bash"
complete_words() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _plenary
    ((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "; true' _ "$dir/plenary.bash" "$@"
}
got=$(complete_words plenary act)
[ "$got" = "actions " ] || fail "plenary act: '$got'"
got=$(complete_words plenary actions s)
[ "$got" = "set show " ] || fail "plenary actions s: '$got'"
got=$(complete_words plenary import --dr)
[ "$got" = "--dry-run " ] || fail "plenary import --dr: '$got'"
got=$(complete_words plenary --db x.db serve --secure)
[ "$got" = "--secure-cookies " ] || fail "plenary --db x.db serve --secure: '$got'"
# After an option that takes a value: nothing of ours (bash completes files).
got=$(complete_words plenary import --roster "")
[ -z "$got" ] || fail "plenary import --roster: '$got'"
got=$(complete_words plenary __)
[ -z "$got" ] || fail "hidden commands completed: '$got'"
echo "manual pages and completion: ok ($(ls "$dir/man" | wc -l) pages)"
