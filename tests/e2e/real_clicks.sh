#!/usr/bin/env bash
# Real pointer clicks through the X server (xdotool), as a touch screen delivers them,
# reach an offer; the screen then shows that offer's QR code.
source "$(dirname "$0")/lib.sh"
start_display 1920x1080

kiosk --open attract &
kiosk_pid=$!
for _ in $(seq 100); do
  xdotool search --name Familienkiosk >/dev/null 2>&1 && break
  sleep 0.1
done
window=$(xdotool search --name Familienkiosk | head -n1)
[[ -n "$window" ]] || fail "the kiosk window did not appear"
sleep 0.5

click() {
  xdotool mousemove "$1" "$2" click 1
  sleep 0.6
}
# Full screen on a 1920x1080 display: attract, then the Baby tile (top middle), then the first offer card.
click 960 540
click 960 370
click 1200 290
import -window root "$work/screen.png"
kill "$kiosk_pid"
wait "$kiosk_pid" 2>/dev/null || true

expected=$(sqlite3 "$work/data/content.sqlite" \
  "SELECT o.url FROM offer o JOIN offer_life_stage s ON s.offer_id = o.id
   WHERE s.life_stage_id = 'baby' ORDER BY o.position LIMIT 1")
codes=$(decode_qr "$work/screen.png")
grep -Fxq "$expected" <<<"$codes" || fail "after clicking attract -> Baby -> first offer, no QR code of $expected; decoded: $codes"
pass "clicks through X reached the first baby offer ($expected)"
