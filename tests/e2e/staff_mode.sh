#!/usr/bin/env bash
# Staff mode: --set-pin stores only an Argon2id hash and keeps the rest of the configuration; five
# quick taps into the top-left corner open the PIN pad (slow taps do not); a wrong PIN is refused,
# the right one opens the status; five wrong PINs lock the pad, also after a restart; staff mode
# closes itself after two minutes; the statistics count a family's visit and are exported as CSV
# (from the command line and to the stick from staff mode); the display goes black until a touch;
# "restart" ends the kiosk with the exit status the service restarts it on.
source "$(dirname "$0")/lib.sh"
start_display

config="$work/config.yaml"
printf '# Foyer kiosk\nkiosk_name: "Landratsamt Esslingen, Foyer"\nprinter: none\n' >"$config"
# An empty folder stands in for the USB stick: the kiosk then does not watch the machine's mount
# table, where other tests' sticks come and go.
mkdir -p "$work/stick"
kiosk_staff() {
  kiosk --config "$config" --window 1280x720 --usb-root "$work/stick" "$@"
}
# Five taps into the corner, quickly (the replay taps within a few frames of each other).
corner_taps=$'tap 20 20\ntap 20 20\ntap 20 20\ntap 20 20\ntap 20 20'
# The right PIN (2468) typed on the pad and confirmed.
right_pin=$'tap "2"\ntap "4"\ntap "6"\ntap "8"\ntap "OK"'

# 1. --set-pin reads the PIN from standard input and writes only its hash.
echo 2468 | "$KIOSK" --config "$config" --set-pin >/dev/null 2>>"$work/kiosk.log" || fail "--set-pin failed"
grep -q '^staff_pin_hash: "\$argon2id\$' "$config" || fail "no Argon2id hash in the configuration: $(cat "$config")"
! grep -q 2468 "$config" || fail "the PIN itself is in the configuration file"
grep -q '^# Foyer kiosk$' "$config" && grep -q '^printer: none$' "$config" || fail "--set-pin lost other lines"
! echo 12 | "$KIOSK" --config "$config" --set-pin 2>/dev/null || fail "--set-pin took a two-digit PIN"
for trivial in 1234 0000 1111 9876 1212; do
  ! echo $trivial | "$KIOSK" --config "$config" --set-pin 2>/dev/null || fail "--set-pin took the trivial PIN $trivial"
done
pass "--set-pin stores an Argon2id hash, keeps the other settings, refuses a short or trivial PIN"

# 2. The gesture opens the PIN pad; a wrong PIN is refused, the right one opens the status.
cat >"$work/open.replay" <<SCRIPT
tap 640 360
expect "Wie alt ist Ihr Kind?"
$corner_taps
expect "Bitte PIN eingeben"
expect-not "Wie alt ist Ihr Kind?"
tap "1"
tap "3"
tap "5"
tap "7"
expect "* * * *"
expect-not "1357"
tap "OK"
expect "Falsche PIN"
expect-not "Zustand"
screenshot $work/pin-wrong.png
$right_pin
expect "Zustand"
expect "Landratsamt Esslingen, Foyer"
expect "Kiosk neu starten"
expect "Letzte Fehler"
screenshot $work/status.png
tap "Schließen"
expect "Bitte berühren Sie den Bildschirm"
SCRIPT
kiosk_staff --replay "$work/open.replay" || fail "the gesture, a wrong and the right PIN did not go as expected"
grep -q "staff: a wrong PIN" "$work/kiosk.log" || fail "the log does not mention the wrong PIN"
pass "five corner taps open the PIN pad; a wrong PIN is refused; the right PIN opens the status"

# 3. A pause between the taps, or a tap elsewhere, starts the count again: a family does not open
#    staff mode by chance.
cat >"$work/slow.replay" <<SCRIPT
tap 640 360
tap 20 20
tap 20 20
advance 3
tap 20 20
tap 20 20
tap 20 20
expect-not "Bitte PIN eingeben"
advance 3
tap 20 20
tap 20 20
tap 20 20
tap 20 20
tap 640 500
tap 20 20
expect-not "Bitte PIN eingeben"
SCRIPT
kiosk_staff --open home --replay "$work/slow.replay" || fail "slow or interrupted taps opened the PIN pad"
pass "taps with a pause, or interrupted by a tap elsewhere, do not open the PIN pad"

# 3b. The gesture is not reachable through a control: taps on the search field (which covers the
#     top-left corner) are a family's and open nothing; "Abbrechen" on the PIN pad brings the family
#     back exactly where it was (once it emptied the list and the typed search).
cat >"$work/field.replay" <<SCRIPT
tap 640 360
tap "Suche"
tap "k"
tap "i"
expect "ki|"
$corner_taps
expect-not "Bitte PIN eingeben"
expect "ki|"
screenshot $work/field.png
SCRIPT
kiosk_staff --replay "$work/field.replay" || fail "taps on the search field opened the PIN pad"
cat >"$work/cancel.replay" <<SCRIPT
tap 640 360
tap "Baby"
tap "Geld und Leistungen"
tap "Kindergeld"
tap "Auf meine Liste"
expect "Meine Liste (1)"
tap "Start"
expect "Wie alt ist Ihr Kind?"
$corner_taps
expect "Bitte PIN eingeben"
expect-not "Meine Liste (1)"
tap "Abbrechen"
expect-not "Bitte PIN eingeben"
expect "Wie alt ist Ihr Kind?"
expect "Meine Liste (1)"
tap "Meine Liste (1)"
expect "Kindergeld"
SCRIPT
kiosk_staff --replay "$work/cancel.replay" || fail "cancelling the PIN pad did not bring the family back where it was"
pass "taps on the search field do not open the PIN pad; cancelling it keeps the family's screen and list"

# 4. Staff mode closes itself after two minutes without a touch, back to the attract screen.
cat >"$work/timeout.replay" <<SCRIPT
$corner_taps
$right_pin
expect "Zustand"
advance 100
expect "Zustand"
advance 25
expect-not "Zustand"
expect "Bitte berühren Sie den Bildschirm"
SCRIPT
kiosk_staff --replay "$work/timeout.replay" || fail "staff mode did not close itself after two minutes"
pass "staff mode closes itself after two minutes without a touch"

# 5. The display goes black until the next touch, which wakes the attract screen (and is not a tap on it).
cat >"$work/blank.replay" <<SCRIPT
$corner_taps
$right_pin
tap "Bildschirm aus"
wait 300
screenshot $work/blank.png
expect-not "Zustand"
tap 640 360
expect "Bitte berühren Sie den Bildschirm"
screenshot $work/woken.png
SCRIPT
kiosk_staff --replay "$work/blank.replay" || fail "display off did not go as expected"
[[ $(convert "$work/blank.png" -format '%[fx:maxima]' info:) == 0 ]] || fail "the switched-off display is not black"
[[ $(convert "$work/woken.png" -format '%[fx:maxima]' info:) != 0 ]] || fail "the touch did not wake the display"
pass "display off: black until a touch, which brings back the attract screen"

# 6. Statistics: a family's visit is counted per hour, exported as CSV from the command line and
#    to the stick from staff mode.
cat >"$work/family.replay" <<SCRIPT
tap 640 360
tap "Baby"
tap "Geld und Leistungen"
tap "Kindergeld"
SCRIPT
rm -f "$work/data"/statistics.sqlite*  # the visits of the scenes above were counted too
kiosk_staff --replay "$work/family.replay" || fail "the family's visit did not go as expected"
mkdir -p "$work/export"
kiosk --config "$config" --export-stats "$work/export" >/dev/null || fail "--export-stats failed"
csv="$work/export/familienkiosk-statistik-landratsamt-esslingen-foyer.csv"
[[ -f "$csv" ]] || fail "no CSV named after the kiosk: $(ls "$work/export")"
# Visits per hour, what the family opened per day (no hour): a quiet hour describes nobody.
expected=$(printf '%s\r\n' 'kiosk,date,hour,metric,key,count' \
  '"Landratsamt Esslingen, Foyer",2026-11-26,,life_stage,baby,1' \
  '"Landratsamt Esslingen, Foyer",2026-11-26,,offer,kindergeld,1' \
  '"Landratsamt Esslingen, Foyer",2026-11-26,,topic,money,1' \
  '"Landratsamt Esslingen, Foyer",2026-11-26,10,session,,1')
[[ "$(cat "$csv")" == "$expected" ]] || fail "the CSV is not the visit's counts: $(cat -A "$csv")"
cat >"$work/export.replay" <<SCRIPT
$corner_taps
$right_pin
tap "Statistik auf USB-Stick speichern"
expect "Statistik gespeichert"
SCRIPT
kiosk_staff --replay "$work/export.replay" || fail "the export to the stick failed"
# The same counts, but for the tap that woke the kiosk for staff mode: a session like any other.
[[ "$(cat "$work/stick/$(basename "$csv")")" == "${expected/session,,1/session,,2}" ]] ||
  fail "the stick's CSV is not the counts: $(cat -A "$work/stick/$(basename "$csv")")"
pass "a family's visit is counted per hour and exported as CSV, from the command line and to the stick"

# 7. "Restart the kiosk" ends it with exit status 75, which the service restarts it on (the kiosk
#    ends itself within a frame or two; the long wait only guards against a hang).
cat >"$work/restart.replay" <<SCRIPT
$corner_taps
$right_pin
tap "Kiosk neu starten"
wait 300000
SCRIPT
status=0
kiosk_staff --replay "$work/restart.replay" || status=$?
[[ $status == 75 ]] || fail "restart ended the kiosk with status $status, not 75"
pass "restart ends the kiosk with exit status 75"

# 8. Test sound and test slip from staff mode: the sound card gets sound, the receipt printer a
#    slip; a family's printed slip is counted, staff's test slip is not.
: >"$work/lp0"
staff_config="$work/receipt.yaml"
{ cat "$config"; printf 'printer: receipt\nreceipt_device: %s\nreceipt_width_mm: 58\n' "$work/lp0"; } |
  grep -v '^printer: none' >"$staff_config"
cat >"$work/tests.replay" <<SCRIPT
$corner_taps
$right_pin
tap "Ton testen"
expect "Der Testton läuft."
wait 1500
tap "Testzettel drucken"
expect "Testzettel gedruckt." 120
screenshot $work/tests.png
SCRIPT
rm -f "$work/data"/statistics.sqlite*
SDL_DISKAUDIOFILE="$work/test-sound.raw" SDL_DISKAUDIODELAY=0 \
  kiosk --config "$staff_config" --window 1280x720 --usb-root "$work/stick" --replay "$work/tests.replay" || fail "test sound and test slip failed"
[[ $(tr -d '\0' <"$work/test-sound.raw" | head -c 1000 | wc -c) -ge 1000 ]] || fail "the test sound reached the sound card silent"
[[ "$(head -c 2 "$work/lp0" | od -An -tx1 | tr -d ' ')" == "1b40" ]] || fail "the test slip did not reach the receipt printer"
cat >"$work/print.replay" <<SCRIPT
tap "Auf meine Liste"
tap "Meine Liste"
tap "Zettel drucken"
expect "Fertig" 120
SCRIPT
kiosk --config "$staff_config" --window 1280x720 --usb-root "$work/stick" --open offer:kindergeld --replay "$work/print.replay" ||
  fail "the family's slip was not printed"
kiosk --config "$config" --export-stats "$work/export" >/dev/null || fail "--export-stats failed"
grep -q ',slip,,1' "$csv" || fail "the family's slip is not counted once: $(cat "$csv")"
pass "test sound and test slip from staff mode; a family's slip is counted, the test slip not"

# 8b. "Inhalte neu laden" takes in a content folder edited while the kiosk runs.
cp -r "$SOURCE_DIR/content/sample" "$work/edited"
rm -rf "$work/edited/audio"
cat >"$work/reload.replay" <<SCRIPT
$corner_taps
$right_pin
wait 4000
tap "Inhalte neu laden"
expect "Inhalte neu geladen."
tap "Schließen"
tap 640 360
tap "Baby"
tap "Geld und Leistungen"
expect "Kindergeld (geändert)"
SCRIPT
# The edit is made once staff mode is open (the kiosk has read the content long before).
( for _ in $(seq 300); do
    grep -q "staff: the right PIN" "$work/kiosk.log" 2>/dev/null && break
    sleep 0.1
  done
  sed -i 's/^    de: "Kindergeld"$/    de: "Kindergeld (geändert)"/' "$work/edited/offers.yaml" ) &
editor=$!
: >"$work/kiosk.log"  # (the earlier scenes' "right PIN" lines must not start the edit early)
kiosk_staff --content "$work/edited" --replay "$work/reload.replay" || fail "reloading the content from staff mode failed"
wait "$editor"
grep -q "Kindergeld (geändert)" "$work/edited/offers.yaml" || fail "the content folder was not edited"
pass "staff mode reloads a content folder edited while the kiosk runs"

# 9. Back to the previous content and forward again: two signed packs imported, staff mode rolls
#    back to the first, then takes the second from the stick.
pack_tool="$(dirname "$KIOSK")/../content/kiosk-pack"
mkdir -p "$work/keys"
"$pack_tool" keygen -o "$work/admin" >/dev/null
cp "$work/admin.pub" "$work/keys/"
cp -r "$SOURCE_DIR/content/sample" "$work/source"
rm -rf "$work/source/audio"
for version in 5 6; do
  "$pack_tool" build "$work/source" -o "$work/inhalt-$version.kpack" --key "$work/admin" --version $version >/dev/null ||
    fail "kiosk-pack build failed"
  kiosk --trusted-keys "$work/keys" --import "$work/inhalt-$version.kpack" >/dev/null || fail "--import of version $version failed"
done
# The stick holds version 6: on arrival it is refused (not newer than what is in use); after the
# rollback, "Inhalte vom USB-Stick holen" takes it in again.
cp "$work/inhalt-6.kpack" "$work/stick/"
cat >"$work/rollback.replay" <<SCRIPT
expect "Inhalte nicht übernommen" 120
tap 640 360
$corner_taps
$right_pin
expect "Version 6"
expect "admin.pub"
tap "Vorherige Inhalte zurückholen"
expect "Vorherige Inhalte sind wieder in Gebrauch"
expect "Version 5"
screenshot $work/rollback.png
tap "Inhalte vom USB-Stick holen"
expect "Neue Inhalte übernommen" 120
expect "Version 6"
tap 640 360
expect "Zustand"
SCRIPT
kiosk_staff --trusted-keys "$work/keys" --replay "$work/rollback.replay" || fail "rollback and import from staff mode failed"
kiosk --content-status | grep -q "Active: version 6" || fail "--content-status does not show version 6 in use"
grep -q "rolled back from version 6 to version 5" "$work/data/history.log" || fail "the history has no rollback"
rm "$work/stick/inhalt-6.kpack"
pass "staff mode shows the pack version and trusted keys, rolls back, and imports from the stick"

# 10. Five wrong PINs lock the pad; a restart does not open it; the right PIN does nothing meanwhile.
wrong_pin=$'tap "1"\ntap "1"\ntap "1"\ntap "1"\ntap "OK"'
cat >"$work/lock.replay" <<SCRIPT
$corner_taps
$wrong_pin
$wrong_pin
$wrong_pin
$wrong_pin
expect "Noch 1 Versuch,"
$wrong_pin
expect "gesperrt"
expect "Bitte in 5 Minuten wieder versuchen."
expect-not "OK"
screenshot $work/locked.png
SCRIPT
kiosk_staff --replay "$work/lock.replay" || fail "five wrong PINs did not lock the pad"
cat >"$work/locked.replay" <<SCRIPT
$corner_taps
expect "Zu viele falsche PINs: gesperrt"
expect-not "Zustand"
expect-not "OK"
SCRIPT
kiosk_staff --replay "$work/locked.replay" || fail "after a restart the PIN pad was not locked any more"
pass "five wrong PINs lock the pad for five minutes, also after a restart"
