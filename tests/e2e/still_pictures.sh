#!/usr/bin/env bash
# Still pictures (kiosk/ui/still_picture.hpp): the search's keyboard and the bar at the bottom are
# copied from a picture the GL drew once while they stay the same. The screens must look exactly
# as when everything is drawn directly (KIOSK_DRAW_DIRECT=1), also while a family types, upright,
# in Arabic, in large text and in high contrast; and the pictures must really be used (the GL is
# given a few draw calls for the search screen, not one per key).
source "$(dirname "$0")/lib.sh"
start_display

# Each case: a name, the kiosk's options, then replay lines (screenshots are added at the end).
check() {
  local name=$1 options=$2 lines=$3
  for way in picture direct; do
    printf '%b\nscreenshot %s\n' "$lines" "$work/$name-$way.png" >"$work/$name-$way.replay"
    local direct=0
    [[ $way == direct ]] && direct=1
    # shellcheck disable=SC2086 # the options are words
    KIOSK_DRAW_DIRECT=$direct kiosk $options --replay "$work/$name-$way.replay" ||
      fail "$name: the kiosk did not draw ($way)"
  done
  # Blending into a picture may round an edge's pixel differently by one step of 255: 1 % fuzz.
  differ=$(compare -metric AE -fuzz 1% "$work/$name-picture.png" "$work/$name-direct.png" null: 2>&1 || true)
  [[ $differ =~ ^[0-9]+$ ]] || fail "$name: cannot compare the screenshots: $differ"
  ((differ == 0)) || fail "$name: $differ pixels differ between the still pictures and direct drawing"
  pass "$name looks the same from still pictures as drawn directly"
}

check search "--window 1920x1080 --open search" 'tap "k"\ntap "i"\ntap "n"\ntap "d"\nexpect "kind|"'
check search-topics "--window 1920x1080 --open search" 'expect "Beratung"'
check search-portrait-ar "--window 1080x1920 --lang ar --open search" 'tap "ب"\ntap "ي"\nwait 100'
check search-large-contrast "--window 1920x1080 --open search" 'tap "Große Schrift"\ntap "Kontrast"\ntap "e"'
check home "--window 1920x1080 --open home" 'expect "Baby"'
check offer-with-qr "--window 1920x1080 --open offer:kindergeld" 'expect "Familienkasse"'
check life-stage-portrait "--window 1080x1920 --open stage:baby" 'drag 540 1200 540 600\nwait 100'

# The pictures are used: with them the GL draws the search screen in a handful of calls (the keys
# alone are over fifty rounded frames drawn directly).
kiosk --window 1920x1080 --open search --benchmark-frames 10 >"$work/frames.txt" || fail "no frames to count"
KIOSK_DRAW_DIRECT=1 kiosk --window 1920x1080 --open search --benchmark-frames 10 >"$work/direct.txt" ||
  fail "no frames to count (direct)"
calls=$(awk '$1 == "draw_calls" { print $2 }' "$work/frames.txt")
direct=$(awk '$1 == "draw_calls" { print $2 }' "$work/direct.txt")
[[ $calls =~ ^[0-9]+$ && $direct =~ ^[0-9]+$ ]] || fail "no draw call counts: '$calls' '$direct'"
((calls * 3 < direct)) || fail "the search screen took $calls draw calls with still pictures, $direct without"
pass "the search screen takes $calls draw calls from still pictures ($direct drawn directly)"
