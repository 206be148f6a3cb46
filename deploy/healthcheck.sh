#!/bin/bash
# The image's HEALTHCHECK, for both modes. Webhook mode: GET /healthz on PORT answers 200 (bash's /dev/tcp, as the
# image has no curl). Polling mode: the poller touched DATA_DIR/heartbeat in the last two minutes (it does before
# every getUpdates, at most 50 s apart).
set -u
mode="${BOT_MODE:-polling}"
if [ "${mode,,}" = webhook ]; then
  exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" || exit 1
  printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 4 status <&3 || exit 1
  [[ "$status" == HTTP/1.?" 200 "* ]]
else
  [ -n "$(find "${DATA_DIR:-/data}/heartbeat" -mmin -2 2>/dev/null)" ]
fi
