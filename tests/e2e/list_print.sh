#!/usr/bin/env bash
# "My list": offers chosen on their screens, counted in the navigation bar, shown as QR codes
# (read back by zbarimg) and printed as a referral slip through a real private CUPS server or to
# an ESC/POS receipt printer's device file; a paused printer says so and keeps the list; the
# idle reset empties it. Also --print and --slip-pdf on the command line.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/../support/cupsd.sh"
start_display

# 1. Choose two offers, see them on the list and as QR codes, remove one.
cat >"$work/choose.replay" <<SCRIPT
expect-not "Meine Liste"
tap "Auf meine Liste"
expect "Von meiner Liste nehmen"
expect "Meine Liste (1)"
tap "Start"
tap "Baby"
tap "Geld und Leistungen"
tap "Unterhaltsvorschuss"
tap "Auf meine Liste"
tap "Meine Liste (2)"
expect "Kindergeld"
expect "Unterhaltsvorschuss"
tap "QR-Codes zeigen"
screenshot $work/qr.png
tap "Anhören"
expect "Stopp"
tap "Zurück"
tap "Entfernen"
expect-not "Kindergeld"
expect "Unterhaltsvorschuss"
expect "Meine Liste"
SCRIPT
kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/choose.replay" || fail "choosing offers for the list failed"
codes=$(decode_qr_lines "$work/qr.png")
for offer in kindergeld unterhaltsvorschuss; do
  grep -Fxq "$(offer_url "$offer")" <<<"$codes" || fail "the list's QR codes lack $offer; decoded: $codes"
done
pass "two offers on the list, counted in the bar, both QR codes decode (and how to use them is spoken), one removed again"

# 2. Print through a real CUPS server into a file-backed queue.
chmod 0755 "$work"  # CUPS runs its filters as the lp user, who must reach the queue folder
mkdir "$work/cups"
cupsd_start "$work/cups"
trap 'cupsd_stop; cleanup' EXIT  # cupsd_start set its own exit trap; keep lib.sh's too
cups_output=$CUPSD_PRINTED
printf 'printer: office\nprinter_queue: kiosk-test\n' >"$work/office.yaml"
cat >"$work/print.replay" <<SCRIPT
tap "Auf meine Liste"
tap "Meine Liste (1)"
tap "Zettel drucken"
expect "Wird gedruckt"  # CUPS answers about the job every 100 ms at the soonest
expect "Fertig – bitte nehmen Sie Ihren Zettel." 120
expect "Kindergeld"
SCRIPT
# The kiosk stays (a hang guard, not a time to wait) until its memory was looked at after printing.
grep -v "Wird gedruckt" "$work/print.replay" >"$work/receipt.replay"  # for part 4
echo "wait 600000" >>"$work/print.replay"
log_lines=$(cat "$work/kiosk.log" 2>/dev/null | wc -l)
kiosk --config "$work/office.yaml" --window 1920x1080 --open offer:kindergeld --replay "$work/print.replay" &
kiosk_pid=$!
printed=""
for _ in $(seq 3000); do  # up to 5 minutes, for the slip printed and "Kindergeld" still on the list
  tail -n +$((log_lines + 1)) "$work/kiosk.log" | grep -q '"Kindergeld" on screen, as expected' && { printed=yes; break; }
  kill -0 "$kiosk_pid" 2>/dev/null || break
  sleep 0.1
done
# The printing libraries were in the print helper's memory, never in the kiosk's.
cat "/proc/$kiosk_pid/maps" >"$work/kiosk.maps" 2>/dev/null || true
kill "$kiosk_pid" 2>/dev/null || true
wait "$kiosk_pid" || true
[[ -n $printed ]] || fail "printing the list did not go as expected"
grep -q 'familienkiosk$' "$work/kiosk.maps" || fail "the running kiosk's memory map could not be read"
printing_libraries=$(grep -oE 'lib(cups|cairo|pango[a-z0-9-]*|gnutls)[.][^ ]*' "$work/kiosk.maps" | sort -u || true)
[[ -z "$printing_libraries" ]] || fail "the kiosk loaded printing libraries itself: $printing_libraries"
if ldd "$KIOSK" | grep -E 'lib(cups|cairo|pango[a-z0-9]*|gnutls)[.-]'; then fail "the kiosk links printing libraries (above)"; fi
# The log says nothing of what the family printed (which offers, how many).
! tail -n +$((log_lines + 1)) "$work/kiosk.log" | grep -E -q 'kindergeld|offer\(s\)' ||
  fail "the log names what the family printed: $(tail -n +$((log_lines + 1)) "$work/kiosk.log" | grep -E 'kindergeld|offer')"
[[ "$(head -c 4 "$cups_output")" == "%PDF" ]] || fail "the printer's file holds no PDF"
pdftotext "$cups_output" - | grep -q "Kindergeld" || fail "the printed slip does not name Kindergeld"
pass "the slip went through CUPS into the queue's file as a PDF naming the offer, printed by the helper: no printing library in the kiosk"

# 3. A paused printer: a plain message, and the list stays.
cupsdisable kiosk-test
rm -f "$cups_output"
cat >"$work/paused.replay" <<SCRIPT
tap "Auf meine Liste"
tap "Meine Liste (1)"
tap "Zettel drucken"
expect "Der Drucker ist gerade angehalten. Bitte fragen Sie am Empfang." 120
expect "Kindergeld"
SCRIPT
kiosk --config "$work/office.yaml" --window 1920x1080 --open offer:kindergeld --replay "$work/paused.replay" ||
  fail "a paused printer did not give its message"
[[ ! -s "$cups_output" ]] || fail "a paused printer printed anyway"
cupsenable kiosk-test
pass "a paused printer says so in plain words and the list is kept"

# 4. An ESC/POS receipt printer, as a device file.
: >"$work/lp0"
printf 'printer: receipt\nreceipt_device: %s\nreceipt_width_mm: 58\n' "$work/lp0" >"$work/receipt.yaml"
# (A receipt to a plain file is done within a frame or two: no "printing" state to catch here;
# receipt.replay is print.replay without it, made above.)
kiosk --config "$work/receipt.yaml" --window 1920x1080 --open offer:kindergeld --replay "$work/receipt.replay" ||
  fail "printing on the receipt printer did not go as expected"
[[ "$(head -c 2 "$work/lp0" | od -An -tx1 | tr -d ' ')" == "1b40" ]] || fail "the receipt printer did not get ESC/POS (ESC @ first)"
pass "the slip went to the receipt printer's device as ESC/POS"

# 5. The idle reset empties the list.
cat >"$work/idle.replay" <<SCRIPT
tap "Auf meine Liste"
expect "Meine Liste (1)"
advance 120
tap 960 540
expect "Wie alt ist Ihr Kind?"
expect-not "Meine Liste"
SCRIPT
kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/idle.replay" || fail "the idle reset kept the list"
pass "the idle reset empties the list"

# 6. The command line: a slip as a PDF file, printing by queue, and refusals.
kiosk --print offer:kindergeld,offer:elterngeld --slip-pdf "$work/slip.pdf" >/dev/null || fail "--slip-pdf failed"
text=$(pdftotext "$work/slip.pdf" -)
grep -q "Kindergeld" <<<"$text" && grep -q "Elterngeld" <<<"$text" || fail "--slip-pdf lacks an offer: $text"
rm -f "$cups_output"
kiosk --print offer:kindergeld --printer kiosk-test >/dev/null || fail "--print --printer kiosk-test failed"
[[ "$(head -c 4 "$cups_output")" == "%PDF" ]] || fail "--print sent no PDF to the queue"
rm -f "$cups_output"
kiosk --print-test --printer kiosk-test >/dev/null || fail "--print-test failed"
pdftotext "$cups_output" - | grep -q "Testdruck" || fail "the test slip does not say Testdruck"
if kiosk --print offer:gibt-es-nicht --slip-pdf "$work/x.pdf" 2>/dev/null; then fail "--print accepted an unknown offer"; fi
if kiosk --print offer:kindergeld --printer no-such-queue; then fail "--print to a missing queue succeeded"; fi
grep -q "Der Drucker ist nicht erreichbar" "$work/kiosk.log" || fail "a missing queue is not explained in plain words"
pass "--slip-pdf, --print, --print-test and their refusals"
