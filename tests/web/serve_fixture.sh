#!/usr/bin/env bash
# The web tests' server: `serve_fixture.sh start DIR PLENARY [sample]` makes a
# fresh database in DIR, adds the user the tests sign in as (`plenary user add`,
# an admin) and an API token of theirs (DIR/token), and a member "eric" who
# leads the example's DNS SSR sub-team (same password); with `sample` imports
# the SSR2 example (roster, work plan and Plenary #15), starts `plenary serve` on a free port
# of 127.0.0.1 and writes its address to DIR/url; `serve_fixture.sh stop DIR`
# stops it (SIGTERM, then waits).
set -euo pipefail
action=$1 dir=$2
case "$action" in
  start)
    plenary=$3 sample=${4:-}
    repo=$(cd "$(dirname "$0")/../.." && pwd)
    [[ -f "$dir/pid" ]] && kill "$(cat "$dir/pid")" 2>/dev/null || true
    rm -rf "$dir" && mkdir -p "$dir/artefacts"
    db="sqlite:$dir/e2e.db"
    printf 'correct horse battery\n' >"$dir/password"
    PLENARY_PASSWORD_COST=test "$plenary" --db "$db" user add ed --name "Ed Secretary" \
      --person "James Gannon" --admin --password-file "$dir/password" >/dev/null
    "$plenary" --db "$db" token create ed --name web-tests >"$dir/token" 2>/dev/null
    # A member who leads the DNS SSR sub-team in the example roster: they may
    # change that sub-team's tasks and no others.
    PLENARY_PASSWORD_COST=test "$plenary" --db "$db" user add eric --name "Eric Osterweil" \
      --person "Eric Osterweil" --grant SSR2=member --password-file "$dir/password" >/dev/null
    if [[ "$sample" == sample ]]; then
      "$plenary" --db "$db" import --roster "$repo/examples/ssr2/ssr2-roster.txt" \
        --workplan "$repo/examples/ssr2/ssr2-workplan.toml" \
        "$repo/examples/ssr2/ssr2-plenary-15.txt" >/dev/null
    fi
    PLENARY_PASSWORD_COST=test "$plenary" --db "$db" serve --listen 127.0.0.1:0 \
      --access-log "$dir/access.log" >"$dir/serve.out" 2>"$dir/serve.err" &
    echo $! >"$dir/pid"
    for _ in $(seq 100); do
      url=$(sed -n 's/^plenary: listening on \(http:[^ ]*\).*/\1/p' "$dir/serve.out")
      if [[ -n "$url" ]]; then echo "$url" >"$dir/url"; echo "serving $url"; exit 0; fi
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "serve_fixture: plenary serve did not start:" >&2
    cat "$dir/serve.err" >&2
    exit 1
    ;;
  stop)
    if [[ -f "$dir/pid" ]]; then
      pid=$(cat "$dir/pid")
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$dir/pid"
    fi
    ;;
  *) echo "usage: serve_fixture.sh start DIR PLENARY [sample] | stop DIR" >&2; exit 2 ;;
esac
