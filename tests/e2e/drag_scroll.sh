#!/usr/bin/env bash
# A finger dragged over a list scrolls it and opens nothing; a tap opens the card under it.
source "$(dirname "$0")/lib.sh"
start_display

cat >"$work/drag.replay" <<SCRIPT
expect "Schwangerschaftsberatung bei pro familia"
expect-not "Kinderturnen"
drag 1200 400 1200 100
expect "Alle Themen"
expect-not "Wer hilft?"
drag 1200 950 1200 150
drag 1200 950 1200 150
drag 1200 950 1200 150
drag 1200 950 1200 150
drag 1200 950 1200 150
drag 1200 950 1200 150
expect-not "Schwangerschaftsberatung bei pro familia"
expect "Alle Themen"
expect-not "Wer hilft?"
SCRIPT
kiosk --window 1920x1080 --open stage:baby --replay "$work/drag.replay" || fail "dragging the list did not scroll it, or opened an offer"
pass "dragging scrolls the offer list and opens nothing"
