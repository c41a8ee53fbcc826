#!/usr/bin/env bash
# The offer detail screen shows a QR code that decodes to exactly that offer's details URL (its page
# on the network's website in the family's language), and a second one with the provider's contact,
# in landscape and in portrait.
source "$(dirname "$0")/lib.sh"
start_display

for offer in kindergeld schwangerschaftsberatung-pro-familia-esslingen kinder-und-jugendtelefon; do
  url=$(offer_url "$offer")
  [[ -n "$url" ]] || fail "offer $offer is not in the sample content"
  for window in 1920x1080 1080x1920; do
    shot="$work/$offer-$window.png"
    kiosk --window "$window" --open "offer:$offer" --screenshot "$shot" || fail "kiosk did not start for $offer"
    [[ "$(png_size "$shot")" == "$window" ]] || fail "screenshot is $(png_size "$shot"), not $window"
    codes=$(decode_qr "$shot")
    grep -Fxq "$url" <<<"$codes" || fail "$offer ($window): no QR code decodes to $url; decoded: $codes"
    grep -q '^BEGIN:VCARD' <<<"$codes" || fail "$offer ($window): no contact QR code; decoded: $codes"
    pass "$offer at $window: QR code decodes to $url, contact card present"
  done
done

# The contact card carries the provider's real phone number and name.
codes=$(decode_qr "$work/kindergeld-1920x1080.png")
grep -q '^TEL.*0800 4 5555 30' <<<"$codes" || fail "the Familienkasse's phone is not in the contact QR code: $codes"
grep -q '^FN:Familienkasse' <<<"$codes" || fail "the provider's name is not in the contact QR code: $codes"
pass "contact QR code holds the Familienkasse's name and phone"

# A Turkish family scans the Turkish page: --lang tr puts the offer's Turkish page into the code,
# the same URL --list offers --lang tr prints.
base=$(sed -n 's/^site_base_url: *//p' "$SOURCE_DIR/content/sample/network.yaml")
expected="${base%/}/tr/angebote/kindergeld/"
[[ "$(kiosk --list offers --lang tr | awk -F'\t' '$1 == "kindergeld" { print $3 }')" == "$expected" ]] ||
  fail "--list offers --lang tr does not print $expected"
kiosk --window 1920x1080 --lang tr --open offer:kindergeld --screenshot "$work/kindergeld-tr.png" || fail "no Turkish offer"
codes=$(decode_qr "$work/kindergeld-tr.png")
grep -Fxq "$expected" <<<"$codes" || fail "the Turkish offer screen's QR code is not $expected; decoded: $codes"
pass "in Turkish the offer's QR code opens $expected"
