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
# A loaded machine may take seconds to the first frame: wait for it, not for a fixed time.
for _ in $(seq 300); do grep -q 'first frame' "$work/kiosk.log" 2>/dev/null && break; sleep 0.1; done
grep -q 'first frame' "$work/kiosk.log" || fail "the kiosk drew no first frame within 30 s"

# Each click waits until the screen changed (or 10 s passed), so a slow frame cannot swallow the next click.
click() {
  import -window root "$work/before.png"
  xdotool mousemove "$1" "$2" click 1
  for _ in $(seq 50); do
    sleep 0.2
    import -window root "$work/after.png"
    cmp -s "$work/before.png" "$work/after.png" || break
  done
  sleep 0.3  # the screen's last frames after the change (a screen fades in over a few frames)
}
# Full screen on a 1920x1080 display: attract, then the Baby tile (top middle), then the first offer card.
click 960 540
click 960 370
click 1200 290

expected=$(sqlite3 "$work/data/content.sqlite" \
  "SELECT coalesce((SELECT value || '/de/angebote/' || o.id || '/' FROM network
                    WHERE key = 'site_base_url' AND value != ''), o.url)
   FROM offer o JOIN offer_life_stage s ON s.offer_id = o.id
   WHERE s.life_stage_id = 'baby' ORDER BY o.position LIMIT 1")
# The offer's QR codes may take a few frames on a busy machine: look again for up to 10 s.
for _ in $(seq 20); do
  import -window root "$work/screen.png"
  codes=$(decode_qr "$work/screen.png")
  grep -Fxq "$expected" <<<"$codes" && break
  sleep 0.5
done
kill "$kiosk_pid"
wait "$kiosk_pid" 2>/dev/null || true
grep -Fxq "$expected" <<<"$codes" || fail "after clicking attract -> Baby -> first offer, no QR code of $expected; decoded: $codes"
pass "clicks through X reached the first baby offer ($expected)"
