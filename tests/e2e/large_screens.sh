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

# Large text on an upright screen: the bar at the bottom wraps into as many rows as it needs; no
# button lies off the screen or over another (once "Sprache" was pushed off the left edge and
# "Hilfe sofort" covered "Start"), and the language button works.
cat >"$work/upright.replay" <<SCRIPT
tap "Große Schrift"
targets $work/upright.tsv
screenshot $work/upright.png
tap "Sprache"
expect "Wählen Sie Ihre Sprache"
SCRIPT
kiosk --window 1080x1920 --open offer:kindergeld --replay "$work/upright.replay" ||
  fail "1080x1920 with large text: the bar's language button does not open the languages (exit $?)"
bar_top=$(awk -F'\t' 'index($1, "Zurück") { print $3; exit }' "$work/upright.tsv")
[[ -n $bar_top ]] || fail "no Zurück button among the targets: $(head -3 "$work/upright.tsv")"
problems=$(awk -F'\t' -v top="$bar_top" -v width=1080 '
  $3 >= top { n++; label[n] = $1; x0[n] = $2; y0[n] = $3; x1[n] = $4; y1[n] = $5
              if ($2 < 0 || $4 > width) print "off the screen: " $1 " (" $2 ".." $4 ")" }
  END { for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j)
          if (x0[i] < x1[j] && x0[j] < x1[i] && y0[i] < y1[j] && y0[j] < y1[i]) print "overlap: " label[i] " / " label[j]
        if (n < 7) print "only " n " buttons in the bar"
        for (i = 1; i <= n; ++i) if (!(y0[i] in seen)) { seen[y0[i]] = 1; rows++ }
        if (rows < 3) print "only " rows " rows: the large text did not take effect" }' "$work/upright.tsv")
[[ -z $problems ]] || fail "1080x1920 with large text, the bar: $problems"
check_screen "$work/upright.png" "1080x1920, large text, the offer"
pass "1080x1920 with large text: every button of the bar on the screen, none over another"

# A screen whose size changes while the kiosk runs (a new mode, a rotated screen): the text and
# every control take the new screen's size at once, as after a restart (once the layout kept the
# old font size until the kiosk was restarted).
printf 'targets %s\n' "$work/started.tsv" >"$work/started.replay"
kiosk --window 1920x1080 --open home --replay "$work/started.replay" || fail "the 1920x1080 start failed"
# `window` waits for the resize (whenever xdotool gets to it on a busy machine), then frames at that size.
cat >"$work/resized.replay" <<SCRIPT
window 1920 1080
expect "Wie alt ist Ihr Kind?"
targets $work/resized.tsv
screenshot $work/resized.png
SCRIPT
: >"$work/kiosk.log"
( for _ in $(seq 600); do grep -q 'first frame' "$work/kiosk.log" && break; sleep 0.1; done
  xdotool search --name Familienkiosk windowsize --sync 1920 1080 ) &
resizer=$!
kiosk --window 1280x720 --open home --replay "$work/resized.replay" || fail "the resized kiosk failed"
wait "$resizer" || fail "xdotool could not resize the window"
height() { awk -F'\t' -v label="$2" 'index($1, label) { print $5 - $3; exit }' "$1"; }
[[ -n "$(height "$work/started.tsv" Baby)" ]] || fail "no Baby tile in $(head -3 "$work/started.tsv")"
[[ "$(height "$work/resized.tsv" Baby)" == "$(height "$work/started.tsv" Baby)" ]] ||
  fail "after the resize the Baby tile is $(height "$work/resized.tsv" Baby) px high, at a start in that size $(height "$work/started.tsv" Baby) px"
pass "a window resized from 1280x720 to 1920x1080 lays out as one started at 1920x1080"
