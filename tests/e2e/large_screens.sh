#!/usr/bin/env bash
# Large screens and large text: a 4K screen in both orientations with "Große Schrift" tapped, and
# the largest font_size, show their screen whole (each once aborted with a corrupted heap while
# ImGui's FreeType builder rasterized a glyph larger than its buffer).
source "$(dirname "$0")/lib.sh"
start_display 3840x3840

# Several colours, and the title's words found by the screen's own text check, mean a real screen.
check_screen() {  # $1: picture, $2: what
  local colours
  colours=$(convert "$1" -format %k info:)
  ((colours > 20)) || fail "$2: the screen is blank ($colours colours)"
}

for window in 3840x2160 2160x3840; do
  cat >"$work/large.replay" <<SCRIPT
tap "Große Schrift"
expect "Wie alt ist Ihr Kind?"
screenshot $work/large-$window.png
tap "Baby"
expect "Baby"
screenshot $work/baby-$window.png
SCRIPT
  kiosk --window "$window" --open home --replay "$work/large.replay" || fail "$window with large text: the kiosk failed (exit $?)"
  check_screen "$work/large-$window.png" "$window, large text"
  check_screen "$work/baby-$window.png" "$window, large text, Baby"
  pass "$window: large text tapped, the start screen and a life stage drawn"
done

# The largest font_size allowed, and font_size 80 with large text (108 px text, 346 px pictograms).
printf 'font_size: 200\n' >"$work/largest.yaml"
kiosk --config "$work/largest.yaml" --window 1920x1080 --open home --screenshot "$work/largest.png" ||
  fail "font_size 200: the kiosk failed (exit $?)"
check_screen "$work/largest.png" "font_size 200"
printf 'font_size: 80\n' >"$work/large.yaml"
cat >"$work/large-font.replay" <<SCRIPT
tap "Große Schrift"
screenshot $work/large-font.png
SCRIPT
kiosk --config "$work/large.yaml" --window 1920x1080 --open home --replay "$work/large-font.replay" ||
  fail "font_size 80 with large text: the kiosk failed (exit $?)"
check_screen "$work/large-font.png" "font_size 80, large text"
pass "font_size 200, and font_size 80 with large text: drawn"
