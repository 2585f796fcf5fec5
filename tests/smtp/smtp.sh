#!/usr/bin/env bash
# A throwaway SMTP server on 127.0.0.1 for the reminder tests (smtp_server.py:
# one plain server, one with STARTTLS and AUTH), with a self-signed
# certificate for 127.0.0.1 made by openssl and a random password.
#   tests/smtp/smtp.sh start DIR   start it; writes DIR/smtp.env
#   tests/smtp/smtp.sh stop DIR    stop it and remove DIR
# smtp.env adds to the server's own lines SMTP_CA_FILE (the certificate),
# SMTP_USER and SMTP_PASSWORD_FILE (mode 600).
# Without python3-aiosmtpd or openssl, start writes no smtp.env (the tests
# skip), and fails under CI=true.
set -euo pipefail
cmd=${1:?usage: smtp.sh start|stop DIR}
dir=${2:?usage: smtp.sh start|stop DIR}
here=$(cd "$(dirname "$0")" && pwd)

stop() {
  if [ -f "$dir/server.pid" ]; then
    local pid
    pid=$(cat "$dir/server.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}

start() {
  stop
  mkdir -p "$dir"
  if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || ! command -v openssl >/dev/null; then
    echo "smtp.sh: python3-aiosmtpd or openssl missing (scripts/setup.sh installs them)" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 0
  fi
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>"$dir/openssl.log"
  local password
  password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077 && printf '%s\n' "$password" >"$dir/password")
  /usr/bin/python3 "$here/smtp_server.py" "$dir" "$dir/cert.pem" "$dir/key.pem" \
    plenary-test "$password" >"$dir/server.log" 2>&1 &
  echo $! >"$dir/server.pid"
  for _ in $(seq 100); do
    if [ -f "$dir/smtp.env" ]; then
      { echo "SMTP_CA_FILE=$dir/cert.pem"; echo "SMTP_USER=plenary-test";
        echo "SMTP_PASSWORD_FILE=$dir/password"; } >>"$dir/smtp.env"
      return 0
    fi
    kill -0 "$(cat "$dir/server.pid")" 2>/dev/null || break
    sleep 0.1
  done
  echo "smtp.sh: the SMTP server did not start:" >&2
  cat "$dir/server.log" >&2
  exit 1
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) echo "usage: smtp.sh start|stop DIR" >&2; exit 2 ;;
esac
