#!/usr/bin/env bash
# With display_hours set to the network office's hours, the kiosk draws its screen during them;
# outside them (Thursday 19:00) the screen is black and nothing is drawn, and a real click through
# X wakes it to the start screen without acting as a tap on it.
source "$(dirname "$0")/lib.sh"
start_display 1280x720
cat >"$work/config.yaml" <<'YAML'
display_hours: "Mo,Tu,Fr 08:00-12:00; Th 08:00-12:00,13:00-18:00; We off"
fullscreen: false
window: 1280x720
YAML

# Starts the kiosk at a given time; sets kiosk_pid and window.
start_kiosk() {
  "$KIOSK" --config "$work/config.yaml" --data-dir "$work/data" --now "$1" --open attract 2>>"$work/kiosk.log" &
  kiosk_pid=$!
  window=""
  for _ in $(seq 100); do
    window=$(xdotool search --pid "$kiosk_pid" --name Familienkiosk 2>/dev/null | head -n1) && [[ -n "$window" ]] && break
    sleep 0.1
  done
  [[ -n "$window" ]] || fail "the kiosk window did not appear"
  for _ in $(seq 100); do grep -q 'first frame' "$work/kiosk.log" && break; sleep 0.1; done
  grep -q 'first frame' "$work/kiosk.log" || fail "the kiosk reported no first frame"
  sleep 1
}
stop_kiosk() {
  kill "$kiosk_pid"
  wait "$kiosk_pid" 2>/dev/null || true
  : >"$work/kiosk.log"
}
colours() { convert "$1" -format %k info:; }

# Thursday 10:00, within the hours: the start screen.
start_kiosk 2026-11-26T10:00
import -window "$window" "$work/open.png"
grep -q 'display: asleep' "$work/kiosk.log" && fail "the screen slept within its hours"
stop_kiosk
(( $(colours "$work/open.png") > 20 )) || fail "within the hours the start screen is not drawn"

# Thursday 19:00: black, and the kiosk draws nothing while it waits. systemd still hears that it
# is up (a kiosk restarted at night must not time out waiting for READY=1).
socat -u UNIX-RECV:"$work/notify" OPEN:"$work/received",creat,append &
for _ in $(seq 50); do [[ -S "$work/notify" ]] && break; sleep 0.1; done
NOTIFY_SOCKET="$work/notify" start_kiosk 2026-11-26T19:00
grep -q 'READY=1' "$work/received" || fail "asleep from the start, the kiosk did not report READY=1"
grep -q 'display: asleep' "$work/kiosk.log" || fail "the kiosk did not put the screen to sleep outside its hours"
import -window "$window" "$work/asleep.png"
[[ "$(convert "$work/asleep.png" -format '%[fx:maxima]' info:)" == 0 ]] || fail "the sleeping screen is not black"
ticks_before=$(awk '{ print $14 + $15 }' "/proc/$kiosk_pid/stat")
sleep 3
ticks=$(( $(awk '{ print $14 + $15 }' "/proc/$kiosk_pid/stat") - ticks_before ))
echo "asleep for 3 s: CPU $((ticks * 1000 / $(getconf CLK_TCK))) ms"

xdotool mousemove --window "$window" 640 360 click 1
for _ in $(seq 50); do grep -q 'display: awake' "$work/kiosk.log" && break; sleep 0.1; done
grep -q 'display: awake' "$work/kiosk.log" || fail "a click did not wake the screen"
sleep 1
import -window "$window" "$work/awake.png"
stop_kiosk
# The same start screen as within the hours: the waking click was not a tap on it.
differing=$(compare -metric AE -fuzz 5% "$work/open.png" "$work/awake.png" null: 2>&1 || true)
(( ${differing%%.*} < 1000 )) || fail "after waking the screen is not the start screen ($differing pixels differ)"
pass "the start screen within the hours, black outside them, a click wakes it to the start screen"
