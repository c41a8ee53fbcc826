#!/usr/bin/env bash
# A family must not be able to end the kiosk: a close request (a window manager's close button or
# Alt+F4, sent as WM_DELETE_WINDOW by tests/e2e/close_request.py) is ignored, in full screen and in a
# window (a portrait screen set up with --window). After the request, the kiosk still answers a real
# click (xdotool) on "Baby" with the Baby screen. No fixed waits: each step waits for its condition.
source "$(dirname "$0")/lib.sh"
start_display
command -v xdotool >/dev/null || fail "xdotool is missing (scripts/install-deps test)"
/usr/bin/python3 -c 'import Xlib' 2>/dev/null || fail "python3-xlib is missing (scripts/install-deps test)"

wait_for() {  # $1: what, then a command; up to 2 min (a hang guard on a busy machine)
  local what=$1
  shift
  for _ in $(seq 1200); do "$@" && return 0; sleep 0.1; done
  fail "waited 2 min for $what"
}

for mode in "full screen" "window"; do
  : >"$work/kiosk.log"
  rm -f "$work/home.tsv.part"
  options=(--open home)
  [[ $mode == window ]] && options+=(--window 1280x720)
  cat >"$work/close.replay" <<SCRIPT
targets $work/home.tsv.part
expect "Alle Themen" 120
SCRIPT
  (kiosk "${options[@]}" --replay "$work/close.replay") &
  kiosk_pid=$!
  wait_for "the kiosk's touch targets" test -s "$work/home.tsv.part"
  wait_for "the whole touch targets file" grep -q "Baby" "$work/home.tsv.part"
  /usr/bin/python3 "$(dirname "$0")/close_request.py" >/dev/null || fail "no kiosk window to ask to close ($mode)"
  wait_for "the close request to reach the kiosk" grep -q "a close request ignored" "$work/kiosk.log"
  kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended after a close request ($mode)"
  read -r left top right bottom < <(awk -F'\t' '$1 == "Baby" { print $2, $3, $4, $5; exit }' "$work/home.tsv.part")
  [[ -n $bottom ]] || fail "no Baby tile among the touch targets: $(cut -f1 "$work/home.tsv.part" | tr '\n' '|')"
  window=$(xdotool search --name Familienkiosk | head -n1)
  xdotool mousemove --window "$window" $(((left + right) / 2)) $(((top + bottom) / 2)) click 1
  status=0
  wait "$kiosk_pid" || status=$?
  ((status == 0)) || fail "after a close request the kiosk did not answer a click on Baby ($mode, exit $status)"
  pass "a close request is ignored ($mode): the kiosk stays and answers the next click"
done
