#!/usr/bin/env bash
# A family's way through the kiosk, as scripted taps: attract -> home -> life stage -> topic -> offer,
# then back to the filtered list and on to the provider.
source "$(dirname "$0")/lib.sh"
start_display

cat >"$work/browse.replay" <<SCRIPT
expect "Bitte berühren Sie den Bildschirm"
tap 960 540
expect "Wie alt ist Ihr Kind?"
tap "Baby"
expect "Alle Themen"
expect "35 Angebote"
tap "Geld und Leistungen"
expect "14 Angebote"
# Offers whose main topic is money come first; counselling that also helps with money later.
expect "Kindergeld"
expect-not "Schwangerschaftsberatung bei pro familia"
tap "Kindergeld"
expect "0800 4 5555 30"
expect "Jetzt geöffnet – bis 18:00"
screenshot $work/offer.png
tap "Zurück"
expect "14 Angebote"
expect "Kindergeld"
tap "Kindergeld"
tap "Mehr über diese Stelle"
expect "Bundesweit erreichbar"
expect "Donnerstag"
tap "Start"
expect "Wie alt ist Ihr Kind?"
SCRIPT
kiosk --window 1920x1080 --open attract --replay "$work/browse.replay" || fail "the scripted visit did not go as expected"
codes=$(decode_qr "$work/offer.png")
grep -Fxq "$(offer_url kindergeld)" <<<"$codes" || fail "the offer reached by taps shows no QR code of its URL: $codes"
pass "home -> Baby -> Geld und Leistungen -> Kindergeld reached the offer, its QR code decodes"

# The same way in English and in portrait.
cat >"$work/english.replay" <<SCRIPT
tap "Kindergarten"
expect "All topics"
tap "Money and benefits"
tap "Child benefit"
expect "Who can use it?"
expect "Open now – until 18:00"
SCRIPT
kiosk --window 1080x1920 --lang en --open home --replay "$work/english.replay" || fail "the English visit failed"
pass "the same visit in English, in portrait"
