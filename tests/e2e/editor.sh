# The content editor as an author uses it, on a copy of the sample: change an offer's title and its
# provider's phone, add an English translation, fix broken opening hours, save; then the content
# passes `kiosk-pack build` and the kiosk lists the new title. Screenshots go to $EDITOR_SHOTS
# (default: the test's own folder, removed at its end).
source "$(dirname "$0")/lib.sh"
: "${EDITOR:?EDITOR must name the familienkiosk-editor binary}" "${PACK:?PACK must name kiosk-pack}"
shots=${EDITOR_SHOTS:-$work/shots}
start_display 1600x900

cp -r "$SOURCE_DIR/content/sample" "$work/content"
# Broken opening hours in network.yaml, and kindergeld's English summary gone (to be added).
sed -i 's|^opening_hours: .*|opening_hours: "Mo-Fr 8 bis 12"|' "$work/content/network.yaml"
python3 - "$work/content/offers.yaml" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
start = lines.index("- id: kindergeld")
summary = lines.index("  summary:", start)
english = next(i for i in range(summary, summary + 8) if lines[i].startswith("    en:"))
del lines[english]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
before=$(md5sum < "$work/content/topics.yaml")

# "Website erzeugen" is refused while the check has problems (the broken hours).
cat > "$work/site-refused" <<SCRIPT
expect "not valid opening hours"
tap "Website erzeugen"
expect "Die Prüfung meldet noch 1 Fehler"
targets $work/targets-normal
tap "Vorschau Große Schrift"
targets $work/targets-large
screenshot $shots/editor-large-text.png
SCRIPT
"$EDITOR" "$work/content" --replay "$work/site-refused" 2>>"$work/kiosk.log" || fail "the site was not refused"
# Large text in the preview: the kiosk's buttons there grow, the editor's own dialog does not.
python3 - "$work/targets-normal" "$work/targets-large" <<'PY' || fail "large text is not the preview's alone"
import sys
def heights(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    return {row[0].strip(): float(row[4]) - float(row[2]) for row in rows if len(row) > 4}
normal, large = heights(sys.argv[1]), heights(sys.argv[2])
assert large["Erzeugen"] == normal["Erzeugen"], f"the dialog's button: {normal['Erzeugen']} -> {large['Erzeugen']}"
start = next(label for label in normal if label.endswith("Hilfe sofort"))
assert large[start] > normal[start] * 1.2, f"the preview's Hilfe sofort: {normal[start]} -> {large[start]}"
PY
[[ ! -e "$work/website" ]] || fail "a site was made from content with problems"

cat > "$work/script" <<SCRIPT
expect "not valid opening hours"
screenshot $shots/editor-start.png
tap "Feld Titel"
key ctrl+a
type "Kindergeld für alle Familien"
tap "Sprache Kurzbeschreibung en"
tap "Feld Kurzbeschreibung"
type "Money for every child, every month."
screenshot $shots/editor-offer.png
tap "Träger"
tap "Suchen"
type "familienkasse"
tap "Familienkasse"
tap "Feld Straße und Hausnummer"
# Tab on to the phone: postal code, town, latitude, longitude, phone.
key tab
key tab
key tab
key tab
key tab
key ctrl+a
type "0800 4 5555 31"
screenshot $shots/editor-provider.png
tap "is not valid opening hours"
tap "Feld Öffnungszeiten"
key ctrl+a
type "Mo-Fr 08:00-12:00; PH off"
wait 1500
expect-not "providers.yaml"
expect "Keine Fehler"
key ctrl+s
tap "Trotzdem speichern"
expect "Gespeichert."
screenshot $shots/editor-saved.png
SCRIPT
"$EDITOR" "$work/content" --open offers.yaml:kindergeld --replay "$work/script" 2>>"$work/kiosk.log" \
  || fail "the editor's script failed"

grep -q 'Kindergeld für alle Familien' "$work/content/offers.yaml" || fail "the new title was not saved"
grep -q '0800 4 5555 31' "$work/content/providers.yaml" || fail "the new phone was not saved"
grep -q 'Money for every child, every month.' "$work/content/offers.yaml" || fail "the translation was not saved"
[[ -f "$work/content/.previous/offers.yaml" ]] || fail "no copy of the previous offers.yaml"
[[ "$(md5sum < "$work/content/topics.yaml")" == "$before" ]] || fail "an unchanged file was rewritten"

# For professionals: an event's title changed, its English title added (taken out of the copy first)
# and its start moved; a working group's title changed, its English title added and its contact's phone
# changed; each saved. The preview draws the event with the kiosk's event screen.
sed -i '/^    en: "Talk: recognising and addressing child poverty"$/d; /^    en: "Working group: counselling"$/d' \
  "$work/content/events.yaml" "$work/content/working_groups.yaml"
cat > "$work/event-script" <<SCRIPT
expect "Keine Fehler"
tap "Feld Titel"
key ctrl+a
type "Impuls: Armut erkennen und ansprechen"
tap "Sprache Titel en"
tap "Feld Titel"
type "Talk: recognising poverty"
tap "Sprache Titel de"
tap "Feld Beginn"
key ctrl+a
type "2027-01-14T14:30"
expect "Donnerstag, 14.01.2027, 14:30–16:00"
wait 1500
expect "Keine Fehler"
screenshot $shots/editor-event.png
key ctrl+s
tap "Trotzdem speichern"
expect "Gespeichert."
SCRIPT
"$EDITOR" "$work/content" --open events.yaml:impuls-kinderarmut-erkennen --replay "$work/event-script" \
  2>>"$work/kiosk.log" || fail "editing an event"
cat > "$work/group-script" <<SCRIPT
expect "Keine Fehler"
tap "Feld Titel"
key ctrl+a
type "AG Beratung im Landkreis"
tap "Sprache Titel en"
tap "Feld Titel"
type "Working group: counselling in the district"
tap "Sprache Titel de"
# Tab on from the purpose to the contact's phone (below the window's edge): the meetings, the
# contact's name, its phone (the ticks between take no Tab).
tap "Feld Worum es geht"
key tab
key tab
key tab
key ctrl+a
type "0711 3902-42651"
wait 1500
expect "Keine Fehler"
screenshot $shots/editor-group.png
key ctrl+s
tap "Trotzdem speichern"
expect "Gespeichert."
SCRIPT
"$EDITOR" "$work/content" --open working_groups.yaml:ag-beratung --replay "$work/group-script" \
  2>>"$work/kiosk.log" || fail "editing a working group"
grep -q 'Talk: recognising poverty' "$work/content/events.yaml" || fail "the event's English title was not saved"
grep -q 'start: 2027-01-14T14:30$' "$work/content/events.yaml" || fail "the event's new start was not saved as a plain time"
grep -q 'Working group: counselling in the district' "$work/content/working_groups.yaml" \
  || fail "the working group's English title was not saved"
grep -q '0711 3902-42651' "$work/content/working_groups.yaml" || fail "the working group's contact phone was not saved"

"$PACK" keygen -o "$work/key" >/dev/null
"$PACK" build "$work/content" -o "$work/edited.kpack" --key "$work/key" --version 2 --name esslingen \
  >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; fail "kiosk-pack build refused the saved content"; }
kiosk --content "$work/content" --list offers > "$work/offers.txt"
grep -q $'^kindergeld\tKindergeld für alle Familien' "$work/offers.txt" || fail "the kiosk does not list the new title"
kiosk --content "$work/content" --list events > "$work/events.txt"
grep -q $'^impuls-kinderarmut-erkennen\tImpuls: Armut erkennen und ansprechen\t2027-01-14T14:30' "$work/events.txt" \
  || { cat "$work/events.txt" >&2; fail "the kiosk does not list the event's new title and start"; }
kiosk --content "$work/content" --lang en --list groups > "$work/groups.txt"
grep -q $'^ag-beratung\tWorking group: counselling in the district' "$work/groups.txt" \
  || { cat "$work/groups.txt" >&2; fail "the kiosk does not list the working group's new English title"; }

# "Website erzeugen" from the saved, clean content: the offer pages with the new title.
cat > "$work/site-script" <<SCRIPT
expect "Keine Fehler"
tap "Website erzeugen"
tap "Feld Ordner der Website"
key ctrl+a
type "$work/website"
tap "Erzeugen"
expect "Die Website liegt in $work/website"
screenshot $shots/editor-site.png
SCRIPT
"$EDITOR" "$work/content" --replay "$work/site-script" 2>>"$work/kiosk.log" || fail "making the website"
grep -q 'Kindergeld für alle Familien' "$work/website/de/angebote/kindergeld/index.html" \
  || fail "the site's offer page lacks the new title"
[[ -f "$work/website/en/angebote/kindergeld/index.html" ]] || fail "the site has no English offer page"

# A provider's place tapped on the district map: undone with Ctrl+Z (the place as it was), then
# tapped and saved (a new place inside the district).
place() {  # place WHICH: the saved place of pro-familia-esslingen is the old one (same) or a new one
  python3 - "$work/content/providers.yaml" "$SOURCE_DIR/assets/geo/landkreis-esslingen.geojson" "$1" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
entry = text[text.index("- id: pro-familia-esslingen"):]
entry = entry[:entry.index("\n- id:")]
lat, lon = map(float, re.search(r"location: \[\s*\"?([0-9.]+)\"?,\s*\"?([0-9.]+)", entry).groups())
if sys.argv[3] == "same":
    assert (lat, lon) == (48.7388, 9.3068), f"the undone place was saved: {lat}, {lon}"
    sys.exit(0)
assert (lat, lon) != (48.7388, 9.3068), "the place did not change"
ring = json.load(open(sys.argv[2]))["features"][0]["geometry"]["coordinates"][0]
inside = False
for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
    if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
        inside = not inside
assert inside, f"{lat}, {lon} is outside the district"
print(f"tapped place: {lat}, {lon}")
PY
}
for step in undone saved; do
  cat > "$work/map-script" <<SCRIPT
expect "Keine Fehler"
tap "Karte: tippen setzt die Lage"
screenshot $shots/editor-map-$step.png
$([[ $step == undone ]] && echo "key ctrl+z")
key ctrl+s
tap "Trotzdem speichern"
expect "Gespeichert."
SCRIPT
  "$EDITOR" "$work/content" --open providers.yaml:pro-familia-esslingen:location --replay "$work/map-script" \
    2>>"$work/kiosk.log" || fail "tapping the map ($step)"
  place "$([[ $step == undone ]] && echo same || echo new)" || fail "the map's place, $step, is not as it should be"
done

# School holidays edited in the form: a row added on top, its days typed, saved; the check passes.
# Each check's problems above the field move the rows: a tap waits for the check of what came before.
cat > "$work/holiday-script" <<SCRIPT
expect "Keine Fehler"
tap "Ferien hinzufügen"
expect "school_holidays[1].from': is empty"
tap "Feld Erster Tag 1"
type "2028-03-27"
wait 2000
tap "Feld Letzter Tag 1"
type "2028-03-31"
wait 1500
expect "Keine Fehler"
screenshot $shots/editor-holidays.png
key ctrl+s
tap "Trotzdem speichern"
expect "Gespeichert."
SCRIPT
"$EDITOR" "$work/content" --open network.yaml::school_holidays --replay "$work/holiday-script" 2>>"$work/kiosk.log" \
  || fail "adding school holidays"
tr -d '"' <"$work/content/network.yaml" | grep -A2 'name: Ferien$' | tr '\n' ' ' \
  | grep -q 'from: 2028-03-27 *to: 2028-03-31' || fail "the new school holidays were not saved"

# The spoken explanation made anew with espeak-ng (scripts/make-audio for the one file), then flagged
# once its text changed.
if command -v espeak-ng >/dev/null; then
  cat > "$work/audio-script" <<SCRIPT
tap "Neu sprechen"
expect "Die Tondatei wurde neu gesprochen."
expect "Die Tondatei passt zum Text."
screenshot $shots/editor-audio.png
SCRIPT
  "$EDITOR" "$work/content" --open offers.yaml:kindergeld:audio --replay "$work/audio-script" 2>>"$work/kiosk.log" \
    || fail "speaking the explanation again"
  [[ -s "$work/content/audio/de/kindergeld.ogg" && -s "$work/content/audio/de/.kindergeld.ogg.spoken" ]] \
    || fail "make-audio made no file with its note"
  sed -i 's/Kindergeld für alle Familien/Kindergeld für jede Familie/' "$work/content/offers.yaml"
  echo 'expect "Veraltet: der Text hat sich geändert"' > "$work/stale-script"
  "$EDITOR" "$work/content" --open offers.yaml:kindergeld:audio --replay "$work/stale-script" 2>>"$work/kiosk.log" \
    || fail "a changed text does not flag its sound file"
fi

# Good practice (for professionals) in the preview: the practice's picture, as the kiosk draws it
# (tests/e2e/professionals.sh checks the same colours on the kiosk), inside the preview at the right.
"$EDITOR" "$SOURCE_DIR/content/sample" --open practices.yaml:willkommensbesuche-nuertingen \
  --screenshot "$shots/editor-practice.png" 2>>"$work/kiosk.log" || fail "no practice in the editor"
sky=$(convert "$shots/editor-practice.png" -fuzz 3% -fill black +opaque '#8ecae6' -fill white -opaque '#8ecae6' -format '%@' info:)
IFS='x+' read -r sky_w sky_h sky_x _ <<<"$sky"
((sky_w >= 100 && sky_h >= 40 && sky_x >= 928)) || fail "the preview shows no practice picture (sky box $sky)"
roof=$(convert "$shots/editor-practice.png" -crop 672x900+928+0 -fuzz 3% -fill black +opaque '#e63946' -fill white \
  -opaque '#e63946' -colorspace Gray -format '%[fx:mean]' info:)
awk -v r="$roof" 'BEGIN { exit !(r > 0.002) }' || fail "the preview's practice picture has no roof ($roof)"

# "Auf USB-Stick schreiben" onto a tmpfs standing in for the stick (root: CI), then a stick too small.
if [[ $(id -u) == 0 ]]; then
  mkdir -p "$work/stick" "$work/tiny"
  mount -t tmpfs -o size=512m tmpfs "$work/stick"
  mount -t tmpfs -o size=64k tmpfs "$work/tiny"
  listing() { (cd "$work/content" && find . -type f ! -name .familienkiosk-pack-version -exec md5sum {} + | sort); }
  listing > "$work/content-before"
  for stick in tiny stick; do
    cat > "$work/stick-script" <<SCRIPT
tap "Auf USB-Stick schreiben"
tap "Feld Signierschlüssel"
type "$work/key"
tap "Feld USB-Stick"
key ctrl+a
type "$work/$stick"
tap "Schreiben"
expect "$([[ $stick == tiny ]] && echo "ist der Datenträger voll?" || echo "Sie können den Stick jetzt abziehen")" 120
screenshot $shots/editor-stick-$stick.png
SCRIPT
    "$EDITOR" "$work/content" --replay "$work/stick-script" 2>>"$work/kiosk.log" || fail "writing to the $stick stick"
  done
  "$PACK" verify "$work/stick/familienkiosk-1.kpack" --pubkey "$work/key.pub" >"$work/verify.log" 2>&1 \
    || { cat "$work/verify.log" >&2; fail "the pack on the stick does not verify"; }
  [[ -z "$(ls -A "$work/tiny")" ]] || fail "a half pack was left on the too small stick"
  listing | diff - "$work/content-before" >/dev/null || fail "writing to the stick changed the content folder"
fi
echo "editor: edited, saved, packed, listed and written to a stick"
