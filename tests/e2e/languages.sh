#!/usr/bin/env bash
# Six languages: the offer detail with its translated title in each (a screenshot each), Arabic laid
# out from the right, the language screen one tap away, and the idle reset back to German.
source "$(dirname "$0")/lib.sh"
start_display
content="$(dirname "$0")/six_languages"

declare -A titles=(
  [de]="Babysprechstunde" [en]="Baby consultation" [tr]="Bebek danışma saati"
  [ar]="استشارة الرضع لدى Caritas" [uk]="Консультація для немовлят" [ru]="Консультация для младенцев"
)
declare -A back=([de]="Zurück" [en]="Back" [tr]="Geri" [ar]="رجوع" [uk]="Назад" [ru]="Назад")
shots="${KIOSK_SCREENSHOTS:-$work/shots}"
mkdir -p "$shots"
for lang in de en tr ar uk ru; do
  cat >"$work/$lang.replay" <<SCRIPT
expect "${titles[$lang]}"
expect "${back[$lang]}"
wait 300
screenshot $shots/offer-$lang.png
SCRIPT
  kiosk --content "$content" --lang "$lang" --window 1920x1080 --open offer:babysprechstunde \
    --replay "$work/$lang.replay" || fail "the offer in '$lang' does not show '${titles[$lang]}'"
  [[ -s "$shots/offer-$lang.png" ]] || fail "no screenshot in '$lang'"
done
pass "the offer detail shows its translated title and the kiosk's words in de, en, tr, ar, uk, ru"

# How much ink (dark pixels, 0..1) a region of a screenshot holds.
ink() { convert "$1" -crop "$2" -colorspace Gray -threshold 50% -negate -format '%[fx:mean]' info:; }
# The offer's title row: in German the text column starts at the left, in Arabic it is mirrored to
# the right and its title ends at the right edge.
de_left=$(ink "$shots/offer-de.png" 500x80+20+20); de_right=$(ink "$shots/offer-de.png" 500x80+1400+20)
ar_left=$(ink "$shots/offer-ar.png" 500x80+20+20); ar_right=$(ink "$shots/offer-ar.png" 500x80+1400+20)
awk -v l="$de_left" -v r="$de_right" 'BEGIN { exit !(l > 0.02 && r < l / 4) }' ||
  fail "German title not at the top left (ink left $de_left, right $de_right)"
awk -v l="$ar_left" -v r="$ar_right" 'BEGIN { exit !(r > 0.02 && l < r / 4) }' ||
  fail "Arabic title not at the top right (ink left $ar_left, right $ar_right)"
pass "German reads from the left, Arabic from the right (title ink left/right: de $de_left/$de_right, ar $ar_left/$ar_right)"

# The language button is one tap away; the choice changes words and content at once; the idle
# reset brings back German.
cat >"$work/switch.replay" <<SCRIPT
tap "Sprache"
expect "Wählen Sie Ihre Sprache"
expect "Türkçe"
expect "العربية"
expect "Українська"
expect "Русский"
tap "العربية"
expect "استشارة الرضع لدى Caritas"
expect "رجوع"
tap "اللغة"
tap "Українська"
expect "Консультація для немовлят"
expect "Назад"
advance 120
expect "Bitte berühren Sie den Bildschirm"
tap "Türkçe"
expect "Çocuğunuz kaç yaşında?"
expect "Bebek"
SCRIPT
kiosk --content "$content" --window 1920x1080 --open offer:babysprechstunde --replay "$work/switch.replay" ||
  fail "switching languages did not go as expected"
pass "language screen one tap away, Arabic and Ukrainian switch words and content, idle reset returns to German, a language chosen on the start screen"

# --lang reaches the command-line listings, and an unknown language is refused with the choices.
kiosk --content "$content" --lang uk --list offers | grep -Fq "Консультація для немовлят" ||
  fail "--list offers ignores --lang uk"
if "$KIOSK" --data-dir "$work/data" --content "$content" --lang xx --list offers 2>"$work/err"; then
  fail "--lang xx was accepted"
fi
grep -q "de, en, tr, ar, uk, ru" "$work/err" || fail "--lang xx does not name the languages: $(cat "$work/err")"
pass "--lang applies to --list; an unknown language is refused naming de, en, tr, ar, uk, ru"
