#!/usr/bin/env bash
# Touch targets and where they sit: every control on the family's screens at least 12 mm both ways
# on the configured 24" screen (landscape and portrait), the check failing on a screen too small for
# them; rows mirrored for a right-to-left reader; the main controls of a portrait screen in its lower
# two thirds, in reach from a wheelchair.
source "$(dirname "$0")/lib.sh"
start_display

cat >"$work/24.yaml" <<'YAML'
screen_diagonal_inches: 24
YAML

# One screen's touch targets into $work/targets/NAME.tsv (label, left, top, right, bottom, mm, mm,
# control|label) after the replay lines in $2; with check-targets 12 unless $4 says "nocheck".
shots="${KIOSK_SCREENSHOTS:-$work/shots}"
mkdir -p "$work/targets" "$shots"
targets() {
  local name="$1" steps="$2" window="$3" check="${4:-check}"
  shift 4 || shift $#
  {
    printf '%s\n' "$steps"
    echo "wait 1000"  # the sound device opens in the background; then the listen buttons show
    echo "targets $work/targets/$name.tsv"
    [[ "$check" == nocheck ]] || echo "check-targets 12"
    echo "screenshot $shots/$name.png"
  } >"$work/$name.replay"
  kiosk --config "$work/24.yaml" --window "$window" --replay "$work/$name.replay" "$@" ||
    fail "$name: $(grep -o 'replay line.*' "$work/kiosk.log" | tail -n1)"
}

# --- 12 mm -----------------------------------------------------------------------------------------
# The screens a family meets, with the controls that appear only after a tap (the list, playing sound).
for orientation in 1920x1080 1080x1920; do
  o=${orientation%%x*}
  targets "home-$o" "" "$orientation" check --open home
  targets "stage-$o" "" "$orientation" check --open stage:baby
  targets "offer-$o" "" "$orientation" check --open offer:kindergeld
  targets "playing-$o" 'wait 1000
tap "Anhören"
expect "Stopp"' "$orientation" check --open offer:kindergeld
  targets "provider-$o" "" "$orientation" check --open provider:familienkasse
  targets "list-$o" 'tap "Auf meine Liste"
tap "Meine Liste"
expect "QR-Codes zeigen"' "$orientation" check --open offer:kindergeld
  for screen in emergencies languages map search about; do
    targets "$screen-$o" "" "$orientation" check --open "$screen"
  done
done
smallest=$(cat "$work"/targets/*.tsv | awk -F'\t' '$8 == "control" { m = $6 < $7 ? $6 : $7; if (min == "" || m < min) { min = m; what = $1 } }
  END { print min " mm (" what ")" }')
pass "every control on 11 screens, landscape and portrait, at least 12 mm both ways on a 24\" screen; the smallest $smallest"

# Nothing sticks out at the sides (nothing scrolls sideways): the keyboard's last row once did, upright.
for file in "$work"/targets/*.tsv; do
  name=$(basename "$file" .tsv)
  width=$([[ $name == *-1080 ]] && echo 1080 || echo 1920)
  outside=$(awk -F'\t' -v w="$width" '$8 == "control" && ($2 < 0 || $4 > w + 0.5) { print $1 " (" $2 "–" $4 ")" }' "$file")
  [[ -z "$outside" ]] || fail "$name: controls past the screen's side: $outside"
done
pass "no control on those screens sticks out past the screen's sides"

# The check can fail: a 10" screen of the same pixels makes every pixel smaller.
cat >"$work/10.yaml" <<'YAML'
screen_diagonal_inches: 10
YAML
echo "check-targets 12" >"$work/small.replay"
if kiosk --config "$work/10.yaml" --window 1920x1080 --open map --replay "$work/small.replay"; then
  fail "check-targets passed on a 10\" screen"
fi
grep -q "touch targets under 12 mm" "$work/kiosk.log" || fail "no message naming the small targets"
pass "on a 10\" screen the check fails: $(grep -o 'touch targets under 12 mm[^:]*' "$work/kiosk.log" | tail -n1)"

# --- right to left -----------------------------------------------------------------------------------
# Left edge of the first target whose label contains $2, in targets file $1.
left_of() { awk -F'\t' -v t="$2" 'index($1, t) { print $2; exit }' "$work/targets/$1.tsv"; }
# Fails unless in $1 the target $2 lies left of $3.
left_before() {
  local a b
  a=$(left_of "$1" "$2"); b=$(left_of "$1" "$3")
  [[ -n "$a" && -n "$b" ]] || fail "$1: '$2' or '$3' not on screen"
  ((a < b)) || fail "$1: '$2' (x $a) is not left of '$3' (x $b)"
}
targets "ar-offer" "" 1920x1080 nocheck --open offer:kindergeld --lang ar
targets "ar-list" 'tap "أضف إلى قائمتي"
tap "قائمتي (1)"' 1920x1080 nocheck --open offer:kindergeld --lang ar
targets "ar-stage-1080" "" 1080x1920 nocheck --open stage:baby --lang ar
targets "ar-map" "" 1920x1080 nocheck --open map --lang ar
targets "ar-home" "" 1920x1080 nocheck --open home --lang ar
# Reading order: German left to right, Arabic right to left, in each row.
left_before offer-1920 "Anhören" "Auf meine Liste"
left_before ar-offer "أضف إلى قائمتي" "استمع"
left_before list-1920 "Zettel drucken" "QR-Codes zeigen"
left_before ar-list "اعرض رموز QR" "اطبع ورقة"
left_before stage-1080 "Alle Themen" "Auf der Karte zeigen"
left_before ar-stage-1080 "عرض على الخريطة" "كل المواضيع"
left_before map-1920 "Größer" "Kleiner"
left_before ar-map "تصغير" "تكبير"
left_before home-1920 "Suche" "Karte"
left_before ar-home "الخريطة" "بحث"
pass "rows mirrored in Arabic: the offer's listen and list buttons, the list's print and QR, the portrait topics, the map's zoom, home's search and map"

# The offer's two QR codes: its own link first, on the left in German and on the right in Arabic.
# How far from the left edge a picture must reach before the QR code of text starting with $2 decodes:
# its right edge, to 96 px (zbar gives no positions).
qr_x() {
  local x
  for x in $(seq 96 96 1920); do
    convert "$1" -crop "${x}x1080+0+0" +repage "$work/strip.png"
    if decode_qr "$work/strip.png" | grep -q "^$2"; then echo "$x"; return; fi
  done
}
for lang in de ar; do
  name=$([[ $lang == de ]] && echo offer-1920 || echo ar-offer)
  # The link opens the offer's page in the family's language (kiosk --list offers --lang).
  url=$(kiosk --list offers --lang "$lang" | awk -F'\t' '$1 == "kindergeld" { print $3 }')
  link=$(qr_x "$shots/$name.png" "$url"); card=$(qr_x "$shots/$name.png" "BEGIN:VCARD")
  [[ -n "$link" && -n "$card" ]] || fail "$lang: the offer's two QR codes not found (link '$link', card '$card')"
  if [[ $lang == de ]]; then ((link < card)) || fail "de: link QR ($link) not left of the contact ($card)"
  else ((link > card)) || fail "ar: link QR ($link) not right of the contact ($card)"; fi
done
pass "the offer's QR codes in reading order: the link first (left in German, right in Arabic)"

# --- portrait: in reach from a wheelchair --------------------------------------------------------------
# The controls that do what the screen is for must start in the lower two thirds (y >= 1920 / 3).
in_reach() {
  local name="$1" label="$2" top
  top=$(awk -F'\t' -v t="$label" 'index($1, t) { print $3; exit }' "$work/targets/$name.tsv")
  [[ -n "$top" ]] || fail "$name: '$label' not on screen"
  ((top >= 640)) || fail "$name: '$label' starts at y $top, in the top third of a portrait screen"
}
in_reach home-1080 "Baby"
in_reach home-1080 "Hilfe sofort"
in_reach languages-1080 "Türkçe"
in_reach stage-1080 "Alle Themen"
in_reach offer-1080 "Anhören"
in_reach offer-1080 "Auf meine Liste"
in_reach list-1080 "QR-Codes zeigen"
in_reach map-1080 "Größer"
in_reach search-1080 "Alles weg"
in_reach search-1080 "Hilfe im Notfall"  # the topics suggested before a word is typed (the last row; the
# first starts a little higher: the keyboard takes the bottom of the screen)
in_reach provider-1080 "Zurück"
for screen in provider emergencies about languages stage offer home search; do
  in_reach "$screen-1080" "Anhören"
done
pass "portrait: life stages, languages, topics, listen and list, print and QR, zoom, keyboard, the search's topics, the bar's back and the listen button of 8 screens in the lower two thirds"
