#!/usr/bin/env bash
# After 90 s without a touch the kiosk asks "still there?", counts down, then starts again
# from the attract screen with nothing of the family's visit left; a touch keeps the visit.
source "$(dirname "$0")/lib.sh"
start_display

cat >"$work/idle.replay" <<SCRIPT
tap "Kleinkind"
tap "Gesundheit"
expect-not "Sind Sie noch da?"
advance 85
expect-not "Sind Sie noch da?"
advance 6
expect "Sind Sie noch da?"
tap 960 200
expect-not "Sind Sie noch da?"
expect "Alle Themen"
advance 92
expect "Sind Sie noch da?"
advance 20
expect "Bitte berühren Sie den Bildschirm"
tap 960 540
expect "Wie alt ist Ihr Kind?"
expect-not "Alle Themen"
SCRIPT
kiosk --window 1920x1080 --open home --replay "$work/idle.replay" || fail "the idle reset did not go as expected"
pass "countdown after 90 s, a touch keeps the visit, no touch resets to the attract screen"

# The timeout comes from the configuration file.
printf 'idle_timeout_seconds: 30\nidle_countdown_seconds: 5\n' >"$work/config.yaml"
cat >"$work/short.replay" <<SCRIPT
tap "Baby"
advance 31
expect "Sind Sie noch da?"
advance 6
expect "Bitte berühren Sie den Bildschirm"
SCRIPT
kiosk --config "$work/config.yaml" --window 1920x1080 --open home --replay "$work/short.replay" ||
  fail "the configured idle timeout was not used"
pass "idle timeout and countdown from the configuration file"
