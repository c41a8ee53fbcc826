#!/usr/bin/env bash
# A frame that fails (an exception thrown while a screen is drawn, with its window still open: the
# replay's fail-frame stands in for a bug in a screen) does not end the kiosk: the failure is
# logged, the family's visit is forgotten, and the kiosk goes on from its start screen.
source "$(dirname "$0")/lib.sh"
start_display

cat >"$work/fail.replay" <<SCRIPT
tap "Baby"
expect "Alle Themen"
fail-frame
expect "Bitte berühren Sie den Bildschirm"
expect-not "Alle Themen"
screenshot $work/after.png
tap 960 540
expect "Wie alt ist Ihr Kind?"
tap "Baby"
expect "Alle Themen"
fail-frame
expect "Bitte berühren Sie den Bildschirm"
SCRIPT
kiosk --window 1920x1080 --open home --replay "$work/fail.replay" || fail "the kiosk did not go on after a failed frame"
[[ $(grep -c "frame: the replay's fail-frame; the kiosk starts afresh" "$work/kiosk.log") == 2 ]] ||
  fail "the failed frames are not in the log"
[[ $(convert "$work/after.png" -format '%[fx:maxima]' info:) != 0 ]] || fail "after the failure the screen is black"
pass "a failed frame is logged and the kiosk starts afresh on its start screen, twice in a row"
