#!/usr/bin/env bash
# Another directory's data in the kiosk: the HSDS specification's own example, imported by
# kiosk-pack hsds-import with the default mapping, opens in the real kiosk, reached by a family's
# taps (Baby -> Beratung -> the offer), with its provider, its schedule as "open now" (Thursday 10:00;
# the example is open Th,Fr 10-18) and its QR code.
# HSDS_SCREENSHOT=FILE keeps the offer's screenshot.
source "$(dirname "$0")/lib.sh"
pack="$(dirname "$KIOSK")/../content/kiosk-pack"
start_display

"$pack" hsds-import "$SOURCE_DIR/kiosk/hsds/hsds-3.0/examples/csv" -o "$work/imported" >"$work/import.txt" ||
  fail "the specification's example did not import: $(cat "$work/import.txt")"
kiosk --content "$work/imported" --build-db >/dev/null || fail "the imported example does not build"

cat >"$work/offer.replay" <<SCRIPT
tap 960 540
expect "Wie alt ist Ihr Kind?"
tap "Baby"
tap "Beratung"
tap "Community Counselling"
expect "Counselling Services provided by trained professionals"
expect "MyCity Civic Center"
expect "+44 1234 234567"
expect "Jetzt geöffnet – bis 18:00"
screenshot $work/offer.png
SCRIPT
kiosk --content "$work/imported" --window 1920x1080 --replay "$work/offer.replay" ||
  fail "the imported offer is not reachable from the start screen"
grep -Fxq "http://example.com/counselling" <<<"$(decode_qr "$work/offer.png")" || fail "the QR code does not hold the service's url"
[[ -n "${HSDS_SCREENSHOT:-}" ]] && cp "$work/offer.png" "$HSDS_SCREENSHOT"
pass "the imported HSDS example opens in the kiosk, with its QR code"
