#!/usr/bin/env bash
# "Für Fachkräfte" (issue 16): reached from "Über uns" and back; the map of actors filters by field of
# work and shows an actor's contact as a QR code; an event's registration QR code decodes to its URL;
# past events are gone (by --now); the screens mirror in Arabic; the idle reset leaves them.
source "$(dirname "$0")/lib.sh"
start_display

# The sample's events lie in early 2027; on this Monday morning they are all still to come.
reference=2027-01-11T09:00
pro() {  # like lib.sh's kiosk, at another time
  local now=$1
  shift
  mkdir -p "$work/no-stick"
  "$KIOSK" --data-dir "$work/data" --usb-root "$work/no-stick" --now "$now" "$@" 2>>"$work/kiosk.log"
}

# The entry from "Über uns", its four ways on, and back; and small on the start screen's bar.
cat >"$work/entry.replay" <<SCRIPT
expect "Für Fachkräfte"
tap "Über uns"
tap "Für Fachkräfte"
expect "Für Fachkräfte im Netzwerk"
expect "Karte der Akteure"
expect "Gute Praxis"
expect "Vorträge und Fortbildungen"
expect "Arbeitsgruppen"
screenshot $work/entry.png
check-targets 12
tap "Zurück"
expect "Präventionsnetzwerk gegen Kinderarmut"
expect-not "Karte der Akteure"
tap "Zurück"
expect "Wie alt ist Ihr Kind?"
SCRIPT
pro "$reference" --window 1920x1080 --open home --replay "$work/entry.replay" ||
  fail "the professionals' entry is not reachable from Über uns and back"
pass "'Für Fachkräfte' is on the start screen's bar and on Über uns; its screen leads on and back"

# Never among the life stages: the start screen's tiles are the stages and urgent help only.
printf 'targets %s\n' "$work/home-targets.txt" >"$work/targets.replay"
pro "$reference" --window 1920x1080 --open home --replay "$work/targets.replay" ||
  fail "no targets of the start screen"
awk -F'\t' '$1 ~ /Fachkräfte/ { print $3 }' "$work/home-targets.txt" | while read -r top; do
  awk -v t="$top" 'BEGIN { exit !(t > 900) }' || fail "'Für Fachkräfte' is not in the bottom bar (top $top px)"
done
pass "on the start screen 'Für Fachkräfte' sits in the bottom bar, not among the tiles"

# The map of actors: all members, then only housing; a tapped pin shows its card with a contact QR code.
cat >"$work/actors.replay" <<SCRIPT
expect "23 Akteure auf der Karte"
expect "Städtisches Kinderhaus am Neckar Wernau"
tap "Wohnen"
expect "1 Akteur auf der Karte"
expect "Fachberatungsstelle Wohnungsnotfallhilfe Esslingen"
expect-not "Städtisches Kinderhaus am Neckar Wernau"
screenshot $work/actors-housing.png
tap "Fachberatungsstelle Wohnungsnotfallhilfe Esslingen"
expect "Mehr zur Stelle"
check-targets 12
screenshot $work/actor-card.png
drag 1600 850 1600 250
tap "Alle Bereiche"
expect "23 Akteure auf der Karte"
expect "Städtisches Kinderhaus am Neckar Wernau"
SCRIPT
pro "$reference" --window 1920x1080 --open actors --replay "$work/actors.replay" || fail "the map of actors does not filter"
codes=$(decode_qr "$work/actor-card.png")
grep -q '^FN:Fachberatungsstelle Wohnungsnotfallhilfe Esslingen' <<<"$codes" ||
  fail "the actor's card has no contact QR code with its name; decoded: $codes"
pass "the map of actors filters by field of work; a pin's card holds the actor's contact as a QR code"

# An event's registration QR code decodes to its URL, in landscape and in portrait.
url=https://www.beispiel-praeventionsnetzwerk.de/anmeldung/impuls-kinderarmut-erkennen
for window in 1920x1080 1080x1920; do
  pro "$reference" --window "$window" --open event:impuls-kinderarmut-erkennen --screenshot "$work/event-$window.png" ||
    fail "no event screen at $window"
  codes=$(decode_qr_lines "$work/event-$window.png")
  grep -Fxq "$url" <<<"$codes" || fail "the event's QR code ($window) is not $url; decoded: $codes"
done
pass "the event's registration QR code decodes to $url (landscape and portrait)"

# Soonest first; after the first event has ended it is gone, and one that runs says so.
pro "$reference" --list events | head -n1 | grep -q $'^impuls-kinderarmut-erkennen\t.*\t2027-01-14T14:00$' ||
  fail "--list events does not start with the first event and its start"
cat >"$work/events-before.replay" <<SCRIPT
expect "Impuls: Kinderarmut erkennen und ansprechen"
targets $work/events-targets.txt
SCRIPT
pro "$reference" --window 1920x1080 --open events --replay "$work/events-before.replay" || fail "the events list is wrong"
top() { awk -F'\t' -v t="$1" 'index($1, t) == 1 { print $3; exit }' "$work/events-targets.txt"; }
first=$(top "Impuls: Kinderarmut"); second=$(top "Kurzschulung"); third=$(top "Online-Impuls")
[[ -n "$first" && -n "$second" && -n "$third" ]] && awk -v a="$first" -v b="$second" -v c="$third" 'BEGIN { exit !(a < b && b < c) }' ||
  fail "the events are not soonest first (tops: $first, $second, $third)"
cat >"$work/event-date.replay" <<SCRIPT
expect "Donnerstag, 14.01.2027, 14:00–16:00"
expect "Pulverwiesen 11, 73728 Esslingen am Neckar"
expect-not "läuft gerade"
SCRIPT
pro "$reference" --window 1920x1080 --open event:impuls-kinderarmut-erkennen --replay "$work/event-date.replay" ||
  fail "the event does not show its date and place"
cat >"$work/events-running.replay" <<SCRIPT
expect "Impuls: Kinderarmut erkennen und ansprechen"
expect "läuft gerade"
SCRIPT
pro 2027-01-14T15:00 --window 1920x1080 --open event:impuls-kinderarmut-erkennen --replay "$work/events-running.replay" ||
  fail "a running event does not say 'läuft gerade'"
cat >"$work/events-after.replay" <<SCRIPT
expect-not "Impuls: Kinderarmut erkennen und ansprechen"
expect "Kurzschulung: Leistungen für Familien im Überblick"
screenshot $work/events-after.png
SCRIPT
pro 2027-01-14T16:00 --window 1920x1080 --open events --replay "$work/events-after.replay" ||
  fail "a past event is still listed"
pass "events: soonest first, 'läuft gerade' while one runs, gone once it has ended"

# A practice's picture: on its screen under the title (at the reader's side), small in the list, in
# landscape, upright and in large text; the pixels there are the picture's own colours (the sky,
# meadow and roof of the sample's house), which no other screen part has.
# box FILE COLOUR: the bounding box (WxH+X+Y) of the pixels of COLOUR; share FILE COLOUR: their share.
box() { convert "$1" -fuzz 3% -fill black +opaque "$2" -fill white -opaque "$2" -format '%@' info:; }
share() { convert "$1" -fuzz 3% -fill black +opaque "$2" -fill white -opaque "$2" -colorspace Gray -format '%[fx:mean]' info:; }
sky='#8ecae6'; meadow='#52b788'; roof='#e63946'
picture_at() {  # FILE: the sky's box, checked to be a picture-sized area with the meadow and roof below it
  local file=$1 sky_box w h x y
  sky_box=$(box "$file" "$sky")
  IFS='x+' read -r w h x y <<<"$sky_box"
  ((w >= 200 && h >= 60)) || fail "no picture sky in $file (sky box $sky_box)"
  awk -v m="$(share "$file" "$meadow")" -v r="$(share "$file" "$roof")" 'BEGIN { exit !(m > 0.004 && r > 0.002) }' ||
    fail "the picture in $file lacks its meadow or roof"
  echo "$w $h $x $y"
}
cat >"$work/picture.replay" <<SCRIPT
expect "Willkommensbesuche für Neugeborene"
screenshot $work/practice-picture.png
tap "Große Schrift"
expect "Willkommensbesuche für Neugeborene"
screenshot $work/practice-picture-large.png
SCRIPT
pro "$reference" --window 1920x1080 --open practice:willkommensbesuche-nuertingen --replay "$work/picture.replay" ||
  fail "no practice screen with a picture"
read -r w h x y < <(picture_at "$work/practice-picture.png")
((x < 960 && y > 100 && y < 500)) || fail "the picture is not under the title at the left (sky at $x,$y)"
read -r lw lh lx ly < <(picture_at "$work/practice-picture-large.png")
((lw > w)) || fail "in large text the picture does not grow with the text ($w -> $lw px)"
pro "$reference" --window 1080x1920 --open practice:willkommensbesuche-nuertingen --screenshot "$work/practice-picture-portrait.png" ||
  fail "no upright practice screen"
read -r pw ph px py < <(picture_at "$work/practice-picture-portrait.png")
pro "$reference" --window 1920x1080 --lang ar --open practice:willkommensbesuche-nuertingen --screenshot "$work/practice-picture-ar.png" ||
  fail "no Arabic practice screen"
read -r aw ah ax ay < <(picture_at "$work/practice-picture-ar.png")
((ax + aw > 960)) || fail "in Arabic the picture is not at the right (sky at $ax..$((ax + aw)))"
pro "$reference" --window 1920x1080 --open practice:sprechstunde-im-familienzentrum --screenshot "$work/practice-plain.png" ||
  fail "no practice screen without a picture"
awk -v s="$(share "$work/practice-plain.png" "$sky")" 'BEGIN { exit !(s < 0.0005) }' ||
  fail "a practice without a picture shows the picture's colours"
pro "$reference" --window 1920x1080 --open practices --screenshot "$work/practices-pictures.png" || fail "no practices list"
IFS='x+' read -r tw th tx ty <<<"$(box "$work/practices-pictures.png" "$sky")"
((tw >= 40 && tw < 400 && th >= 15)) || fail "the practices list has no small picture (sky box ${tw}x${th})"
pass "a practice's picture shows under its title (${w}x${h} px of sky; large text ${lw} px, upright ${pw} px, Arabic at the right), small in the list"

# A picture damaged after the check (the content folder changed under a running kiosk's database)
# draws nothing and crashes nothing.
mkdir -p "$work/damaged" && cp "$SOURCE_DIR"/content/sample/*.yaml "$work/damaged/"  # no sound files: not needed
cp -r "$SOURCE_DIR/content/sample/images" "$work/damaged/"
damaged() { "$KIOSK" --data-dir "$work/damaged-data" --usb-root "$work/no-stick" --now "$reference" --content "$work/damaged" "$@" 2>>"$work/kiosk.log"; }
damaged --list practices >/dev/null || fail "the copied sample does not load"
head -c 300 "$SOURCE_DIR/content/sample/images/willkommensbesuche.png" >"$work/damaged/images/willkommensbesuche.png"
cat >"$work/damaged.replay" <<SCRIPT
expect "Willkommensbesuche für Neugeborene"
screenshot $work/practice-damaged.png
tap "Zurück"
expect "Wie alt ist Ihr Kind?"
SCRIPT
damaged --window 1920x1080 --open practice:willkommensbesuche-nuertingen --replay "$work/damaged.replay" ||
  fail "a damaged picture stopped the kiosk"
awk -v s="$(share "$work/practice-damaged.png" "$sky")" 'BEGIN { exit !(s < 0.0005) }' ||
  fail "a damaged picture drew something"
grep -q "picture .*willkommensbesuche.png not shown: .*damaged or cut short" "$work/kiosk.log" ||
  fail "the log does not say why the picture is not shown"
pass "a picture damaged after the check shows nothing, and the kiosk goes on"

# Arabic: the title row is mirrored (ink at the right, none at the left).
ink() { convert "$1" -crop "$2" -colorspace Gray -threshold 50% -negate -format '%[fx:mean]' info:; }
for screen in professionals practices events; do
  pro "$reference" --window 1920x1080 --lang ar --open "$screen" --screenshot "$work/$screen-ar.png" || fail "no Arabic $screen"
  left=$(ink "$work/$screen-ar.png" 400x80+20+20); right=$(ink "$work/$screen-ar.png" 400x80+1500+20)
  awk -v l="$left" -v r="$right" 'BEGIN { exit !(r > 0.02 && l < r / 4) }' ||
    fail "Arabic $screen title not at the top right (ink left $left, right $right)"
done
pass "in Arabic the professionals' screens read from the right"

# The idle reset returns from a professionals' screen to the attract screen, with nothing kept.
cat >"$work/idle.replay" <<SCRIPT
tap "Wohnen"
expect "1 Akteur auf der Karte"
advance 91
expect "Sind Sie noch da?"
advance 20
expect "Bitte berühren Sie den Bildschirm"
tap 960 540
expect "Wie alt ist Ihr Kind?"
SCRIPT
pro "$reference" --window 1920x1080 --open actors --replay "$work/idle.replay" ||
  fail "the idle reset did not leave the map of actors"
pass "the idle reset returns from the map of actors to the attract screen"
