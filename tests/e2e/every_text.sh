#!/usr/bin/env bash
# No screen a family (or a professional) sees shows an empty text, in any of the six languages: the
# kiosk reads the offers' and providers' texts from its database when a screen shows them
# (Texts::OnDemand), so a screen that took one from the catalog itself would draw an empty title.
# Every kind of screen is opened and, language by language (the bar's language button, then the
# language in its own words), checked with `check-texts`: no title, label, button, card or paragraph
# without words.
source "$(dirname "$0")/lib.sh"
start_display

earth=$'\uf1e7'  # the language button's pictogram (its word is in the language shown)
languages=(English Türkçe العربية Українська Русский Deutsch)
# The check in German, then in each other language and back to German.
every_language() {
  echo "check-texts"
  for language in "${languages[@]}"; do
    printf 'tap "%s"\ntap "%s"\ncheck-texts\n' "$earth" "$language"
  done
}

screens=(home about emergencies map search stage:baby offer:kindergeld provider:familienkasse professionals actors
         practices practice:willkommensbesuche-nuertingen events event:impuls-kinderarmut-erkennen groups)
for screen in "${screens[@]}"; do
  every_language >"$work/screen.replay"
  kiosk --window 1920x1080 --open "$screen" --replay "$work/screen.replay" ||
    fail "$screen: $(grep -o 'replay line.*' "$work/kiosk.log" | tail -n1)"
done
# The family's list (reached by taps), and the language screen itself (a choice there leads to the
# start screen: the language button brings it back).
{ printf 'tap "Auf meine Liste"\ntap "Meine Liste"\nexpect "QR-Codes zeigen"\n'; every_language; } >"$work/list.replay"
kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/list.replay" ||
  fail "list: $(grep -o 'replay line.*' "$work/kiosk.log" | tail -n1)"
{ echo "check-texts"; for language in "${languages[@]}"; do printf 'tap "%s"\ntap "%s"\ncheck-texts\n' "$language" "$earth"; done; } \
  >"$work/languages.replay"
kiosk --window 1920x1080 --open languages --replay "$work/languages.replay" ||
  fail "languages: $(grep -o 'replay line.*' "$work/kiosk.log" | tail -n1)"
checked=$(grep -c 'none without words' "$work/kiosk.log")
((checked == (${#screens[@]} + 2) * 7)) || fail "$checked screens checked, not $(((${#screens[@]} + 2) * 7))"
pass "$((${#screens[@]} + 2)) kinds of screen in 6 languages ($checked checks): no text without words"

# The check fails where a text did not come: the offer's title taken out of the database the kiosk
# reads its texts from on demand (the content unchanged, so the kiosk keeps that database).
sqlite3 "$work/data/content.sqlite" "DELETE FROM text WHERE entity = 'offer' AND id = 'kindergeld' AND field = 'title'"
echo "check-texts" >"$work/missing.replay"
if kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/missing.replay"; then
  fail "check-texts passed an offer screen whose title is missing"
fi
grep -q 'without words on screen' "$work/kiosk.log" || fail "the missing title was not named as a text without words"
pass "check-texts fails on an offer whose title is missing from the database"
