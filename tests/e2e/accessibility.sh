#!/usr/bin/env bash
# Large text and high contrast: one tap away in the bar, the whole screen follows, the idle reset
# takes both back for the next family.
source "$(dirname "$0")/lib.sh"
start_display

cat >"$work/a11y.replay" <<SCRIPT
expect "Wie alt ist Ihr Kind?"
wait 500
screenshot $work/normal.png
tap "Große Schrift"
expect "Wie alt ist Ihr Kind?"
screenshot $work/large.png
tap "Kontrast"
screenshot $work/contrast.png
tap "Große Schrift"
tap "Baby"
expect "Alle Themen"
screenshot $work/contrast-stage.png
advance 120
expect "Bitte berühren Sie den Bildschirm"
screenshot $work/reset.png
SCRIPT
kiosk --window 1920x1080 --open home --replay "$work/a11y.replay" || fail "the large text and contrast visit failed"

pixel() { convert "$1" -format "%[hex:p{$2}]" info:; }
# The width of the home screen's title ("Wie alt ist Ihr Kind?", the top 100 rows), in pixels of ink.
title_width() { convert "$1" -crop 1920x100+0+0 +repage -fuzz 20% -trim -format '%w' info:; }
normal=$(title_width "$work/normal.png"); large=$(title_width "$work/large.png")
((normal > 300)) || fail "no title in the first screenshot ($normal px wide)"
((large * 100 >= normal * 125)) || fail "large text is not larger: title $normal px, then $large px wide"
pass "Große Schrift: the title grows from $normal to $large px wide"

[[ $(pixel "$work/normal.png" 3,3) == F7F4EE* ]] || fail "the standard background is $(pixel "$work/normal.png" 3,3)"
[[ $(pixel "$work/contrast.png" 3,3) == 000000* ]] || fail "high contrast background is $(pixel "$work/contrast.png" 3,3)"
[[ $(pixel "$work/contrast-stage.png" 3,3) == 000000* ]] || fail "high contrast did not stay on the next screen"
[[ $(pixel "$work/reset.png" 3,3) == F7F4EE* ]] || fail "the idle reset kept high contrast: $(pixel "$work/reset.png" 3,3)"
pass "Kontrast turns the screen light on black, stays while browsing, and the idle reset brings back the standard theme"

# In large text the home screen's tiles no longer fit 1920×1080: the grid scrolls, and the last
# row (primary school, urgent help) is reached by a finger's drag, not cut off.
cat >"$work/large-scroll.replay" <<SCRIPT
tap "Große Schrift"
wait 300
screenshot $work/large-top.png
drag 960 800 960 350
wait 300
screenshot $work/large-scrolled.png
tap "Grundschule"
expect "6–10 Jahre"
SCRIPT
kiosk --window 1920x1080 --open home --replay "$work/large-scroll.replay" ||
  fail "in large text the primary-school tile cannot be reached on the home screen"
moved=$(compare -metric AE "$work/large-top.png" "$work/large-scrolled.png" null: 2>&1 || true)
((${moved%% *} > 10000)) || fail "in large text the home screen's tiles do not scroll under a finger ($moved pixels changed)"
pass "in large text the home screen's tiles scroll under a finger ($moved pixels moved), and the last row can be tapped"
