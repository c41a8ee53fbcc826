#!/usr/bin/env bash
# A content edit with an error is refused with a message naming file, entry and field,
# and the kiosk keeps showing the previous content, byte for byte.
source "$(dirname "$0")/lib.sh"
start_display

url=$(offer_url kindergeld)
cp -r "$SOURCE_DIR/content/sample" "$work/content"
kiosk --content "$work/content" --build-db >/dev/null || fail "the sample content does not build"
cp "$work/data/content.sqlite" "$work/before.sqlite"

# An offer pointing at a provider that does not exist, and opening hours that do not parse.
sed -i '0,/^  provider: .*/s//  provider: gibt-es-nicht/' "$work/content/offers.yaml"
sed -i '0,/^  opening_hours: .*/s//  opening_hours: "Montag bis Freitag"/' "$work/content/providers.yaml"
if "$KIOSK" --data-dir "$work/data" --content "$work/content" --build-db 2>"$work/errors.txt"; then fail "--build-db accepted broken content"; fi
grep -q "offers.yaml: offer '.*': field 'provider': unknown provider 'gibt-es-nicht'" "$work/errors.txt" ||
  fail "no message naming the offer's provider: $(cat "$work/errors.txt")"
grep -q "providers.yaml: provider '.*': field 'opening_hours'" "$work/errors.txt" ||
  fail "no message naming the bad opening hours: $(cat "$work/errors.txt")"
cmp -s "$work/before.sqlite" "$work/data/content.sqlite" || fail "--build-db changed the database despite errors"
pass "--build-db refuses the edit and names file, entry and field"

# The kiosk itself starts on the previous content and says why in its log.
kiosk --content "$work/content" --window 1920x1080 --open offer:kindergeld --screenshot "$work/offer.png" ||
  fail "the kiosk did not start with broken content"
grep -Fxq "$url" <<<"$(decode_qr "$work/offer.png")" || fail "the previous content is not shown"
grep -q "previous content" "$work/kiosk.log" || fail "the log does not say that the previous content is in use"
cmp -s "$work/before.sqlite" "$work/data/content.sqlite" || fail "the kiosk changed the database despite errors"
pass "the kiosk runs on the previous content and logs why"

# With no previous content at all, families see a calm message, not a blank screen.
rm -rf "$work/data"
cat >"$work/notready.replay" <<SCRIPT
expect "Dieser Kiosk wird gerade eingerichtet."
expect "Bitte fragen Sie am Empfang."
SCRIPT
kiosk --content "$work/content" --window 1920x1080 --replay "$work/notready.replay" ||
  fail "without any content the kiosk does not show the set-up message"
pass "without any content: 'Dieser Kiosk wird gerade eingerichtet.'"
