#!/usr/bin/env bash
# The district map: the attribution under it, a tap on a municipality lists its offers beside the
# map, a tap on one of them opens it; a pin opens its provider; landscape and portrait fill the screen.
source "$(dirname "$0")/lib.sh"
start_display

# Nürtingen: its offers (those of the providers whose location lies in it) beside the map.
cat >"$work/place.replay" <<SCRIPT
expect "© GeoBasis-DE / BKG 2021 (Daten verändert)"
expect "Sie sind hier"
expect-not "Schwangerschaftsberatung der Diakonie Nürtingen"
tap "Nürtingen"
expect "8 Angebote"
expect "Schwangerschaftsberatung der Diakonie Nürtingen"
expect-not "Tafelladen Kirchheim"
screenshot $work/place.png
tap "Schwangerschaftsberatung der Diakonie"
expect "Auf meine Liste"
tap "Zurück"
expect "Schwangerschaftsberatung der Diakonie Nürtingen"
SCRIPT
kiosk --window 1920x1080 --open map --replay "$work/place.replay" || fail "a tap on Nürtingen did not list its offers"
[[ -s "$work/place.png" ]] || fail "no screenshot of the map"
pass "a tap on a municipality lists its offers; a tap on one opens it"

# Aichtal's offers are not Nürtingen's: the tap is really a hit test, and the list (kept across
# frames) follows the place tapped.
cat >"$work/other.replay" <<SCRIPT
tap "Nürtingen"
expect "Schwangerschaftsberatung der Diakonie Nürtingen"
tap "Aichtal"
expect "Hausaufgabenhilfe für Grundschulkinder"
expect-not "Schwangerschaftsberatung der Diakonie Nürtingen"
SCRIPT
kiosk --window 1920x1080 --open map --replay "$work/other.replay" || fail "a tap on Aichtal listed the wrong offers"
pass "another municipality lists its own offers"

# Zoomed in, the west is out of view until a drag brings it back (and opens nothing); "Kleiner"
# shows the whole district again; a pin opens its provider.
cat >"$work/pin.replay" <<SCRIPT
expect "Leinfelden-Echterdingen"
tap "Größer"
tap "Größer"
expect-not "Leinfelden-Echterdingen"
drag 200 500 1100 500
drag 200 500 1100 500
drag 200 500 1100 500
expect "Leinfelden-Echterdingen"
expect "Größer"
tap "Kleiner"
tap "Kleiner"
expect "Leinfelden-Echterdingen"
tap "Stadt Aichtal – Kinder- und Jugendreferat"
expect "Waldenbucher Straße 30, 72631 Aichtal"
expect-not "Größer"
SCRIPT
kiosk --window 1920x1080 --open map --replay "$work/pin.replay" || fail "zooming or a tap on a pin did not work"
pass "+ and − zoom, a drag pans (and opens nothing), a tap on a pin opens its provider"

# A double tap zooms in there (small places get their names); a swipe and then a tap where the
# swipe began is no double tap (two quick swipes from one spot zoomed in before). Replays count
# each frame as 10 ms for ImGui's gestures, so both hold on a busy machine and an idle one.
cat >"$work/double.replay" <<SCRIPT
expect-not "Wolfschlugen"
drag 620 356 900 356
tap 620 356
expect-not "Wolfschlugen"
wait 400
tap 620 356
tap 620 356
expect "Wolfschlugen"
SCRIPT
kiosk --window 1920x1080 --open map --replay "$work/double.replay" || fail "a double tap did not zoom in, or a swipe and a tap did"
pass "a double tap zooms in; a swipe followed by a tap does not"

# The map's pictures are copied to the screen on llvmpipe's fast ("linear") path, which in Mesa
# 22.3 misplaces a texture in whole tiles that a plain triangle covers (a rounded mini map showed
# its land shifted in squares). So the same screens drawn with that path turned off must look
# the same: the big map zoomed in and panned, and a provider's mini map.
cat >"$work/fast.replay" <<SCRIPT
tap "Größer"
drag 500 500 800 600
screenshot $work/fast-map.png
tap "Familienzentrum Filderstadt"
expect "Gartenstraße 12"
screenshot $work/fast-provider.png
SCRIPT
sed "s|/fast-|/slow-|" "$work/fast.replay" >"$work/slow.replay"
kiosk --window 1920x1080 --open map --replay "$work/fast.replay" || fail "the map or a provider did not draw"
LP_PERF=no_rast_linear kiosk --window 1920x1080 --open map --replay "$work/slow.replay" ||
  fail "the map or a provider did not draw without llvmpipe's linear path"
for shot in map provider; do
  differ=$(compare -metric AE -fuzz 5% "$work/fast-$shot.png" "$work/slow-$shot.png" null: 2>&1 || true)
  [[ $differ =~ ^[0-9]+$ ]] || fail "cannot compare the $shot screenshots: $differ"
  ((differ < 200)) || fail "the $shot screen differs in $differ pixels with llvmpipe's linear path turned off"
done
pass "the map and a mini map look the same on llvmpipe's fast path and its ordinary one"

# Portrait: the map on top, the list below; the screenshot shows the map's land colour over most
# of its width.
kiosk --window 1080x1920 --open map --screenshot "$work/portrait.png" || fail "no portrait map"
[[ $(png_size "$work/portrait.png") == 1080x1920 ]] || fail "the portrait screenshot has the wrong size"
land=$(convert "$work/portrait.png" -crop 1080x1100+0+0 -fill black +opaque "rgb(228,236,218)" -format "%[fx:mean]" info:)
awk -v l="$land" 'BEGIN { exit !(l > 0.25) }' || fail "the portrait map covers only $land of its area with land"
pass "the portrait map fills the screen's width ($land of the upper part is land)"
