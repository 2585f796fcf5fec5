#!/usr/bin/env bash
# A throwaway MediaWiki on 127.0.0.1 for the publishing tests: Debian's
# read-only install (/usr/share/mediawiki) pointed at a LocalSettings.php in
# DIR through MW_CONFIG_FILE, an SQLite database in DIR, served by PHP's
# built-in server on a free port.
#   tests/mediawiki/wiki.sh start DIR   install a fresh wiki in DIR and start it
#   tests/mediawiki/wiki.sh stop DIR    stop it and remove DIR
# `start` writes DIR/wiki.env (KEY=VALUE lines): MEDIAWIKI_API (the api.php
# URL), MEDIAWIKI_USER / MEDIAWIKI_ACCOUNT / MEDIAWIKI_PASSWORD_FILE (a bot
# password of the bot account PlenaryBot), MEDIAWIKI_ADMIN (the installing
# administrator), MEDIAWIKI_CONFIG and MEDIAWIKI_HOME (for maintenance scripts).
set -euo pipefail
mw=${MEDIAWIKI_HOME:-/usr/share/mediawiki}
cmd=${1:?usage: wiki.sh start|stop DIR}
dir=${2:?usage: wiki.sh start|stop DIR}

stop() {
  if [ -f "$dir/server.pid" ]; then
    local pid
    pid=$(cat "$dir/server.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}

hex32() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0");
          echo explode(":", stream_socket_get_name($s, false))[1];'
}

maintenance() { php "$mw/maintenance/$1" "${@:2}"; }

install_wiki() {
  mkdir -p "$dir/data"
  export MW_CONFIG_FILE="$dir/LocalSettings.php"
  (umask 077 && hex32 >"$dir/admin-password")
  maintenance install.php --quiet --dbtype=sqlite --dbpath="$dir/data" --dbname=plenarytest \
    --confpath="$dir" --server=http://127.0.0.1 --scriptpath= \
    --passfile="$dir/admin-password" "Plenary Test Wiki" Admin >"$dir/install.log"
  # Nobody edits anonymously, so a publish whose login did not hold fails
  # instead of editing as 127.0.0.1; the server's port is chosen at start.
  cat >>"$dir/LocalSettings.php" <<PHP
\$wgGroupPermissions['*']['edit'] = false;
\$wgGroupPermissions['*']['createaccount'] = false;
require "$dir/server.php";
PHP
  echo "<?php" >"$dir/server.php"
  maintenance createAndPromote.php --bot PlenaryBot "$(hex32)" >>"$dir/install.log"
  # A bot password is 32 characters of [0-9a-w]; hex is a subset.
  (umask 077 && hex32 >"$dir/bot-password")
  maintenance createBotPassword.php --appid plenary \
    --grants basic,editpage,createeditmovepage,highvolume \
    PlenaryBot "$(cat "$dir/bot-password")" >>"$dir/install.log"
}

serve() {
  local port pid
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    echo "<?php \$wgServer = 'http://127.0.0.1:$port';" >"$dir/server.php"
    MW_CONFIG_FILE="$dir/LocalSettings.php" \
      php -S "127.0.0.1:$port" -t "$mw" >"$dir/server.log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$dir/server.pid"
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      if php -r 'exit(@file_get_contents($argv[1]) === false ? 1 : 0);' \
        "http://127.0.0.1:$port/api.php?action=query&meta=siteinfo&format=json"; then
        echo "$port"
        return 0
      fi
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
  done
  echo "wiki.sh: the wiki did not start; see $dir/server.log" >&2
  return 1
}

case $cmd in
start)
  if [ ! -f "$mw/maintenance/install.php" ] || ! command -v php >/dev/null; then
    echo "wiki.sh: MediaWiki or PHP is missing ($mw); run scripts/setup.sh" >&2
    exit 1
  fi
  stop
  install_wiki
  port=$(serve)
  cat >"$dir/wiki.env" <<ENV
MEDIAWIKI_API=http://127.0.0.1:$port/api.php
MEDIAWIKI_USER=PlenaryBot@plenary
MEDIAWIKI_ACCOUNT=PlenaryBot
MEDIAWIKI_PASSWORD_FILE=$dir/bot-password
MEDIAWIKI_ADMIN=Admin
MEDIAWIKI_CONFIG=$dir/LocalSettings.php
MEDIAWIKI_HOME=$mw
ENV
  echo "wiki.sh: MediaWiki at http://127.0.0.1:$port/api.php ($dir)"
  ;;
stop) stop ;;
*)
  echo "usage: wiki.sh start|stop DIR" >&2
  exit 2
  ;;
esac
