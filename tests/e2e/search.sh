#!/usr/bin/env bash
# The search: typing a word on the on-screen keyboard shows its results as the family types, the
# first result is the one `--search` ranks first, a typo still finds it, and nothing is a topic list.
source "$(dirname "$0")/lib.sh"
start_display
shots="${KIOSK_SCREENSHOTS:-$work/shots}"  # set it to keep the screenshots for a look
mkdir -p "$shots"

first=$(kiosk --search "kindergled" | head -n1 | cut -f1)
[[ $first == kindergeld ]] || fail "--search kindergled ranks '$first' first, not kindergeld"
count=$(kiosk --search "kindergled" | wc -l)

# Typed key by key on the screen's keyboard (with the typo: e and l swapped).
{
  echo 'expect "Was suchen Sie?"'
  for key in k i n d e r g l e d; do echo "tap \"$key\""; done
  echo 'expect "kindergled|"'
  echo "expect \"$count Angebote gefunden\""
  echo "screenshot $shots/results.png"
  # The first card whose title has "Kinder" in it is the first result: Kindergeld, not Kinderzuschlag.
  echo 'tap "Kinder"'
  echo 'expect "Familienkasse"'
  echo 'expect-not "Kinderzuschlag für Familien mit wenig Einkommen"'
} >"$work/type.replay"
kiosk --window 1920x1080 --open search --replay "$work/type.replay" || fail "typing 'kindergled' did not find Kindergeld first"
pass "typing on the on-screen keyboard finds Kindergeld first ($count results, with a typo)"

# Erase and nonsense: no dead end, the topics are offered instead; Home forgets the search.
{
  for key in x q z; do echo "tap \"$key\""; done
  echo 'expect "Zu „xqz“ haben wir nichts gefunden"'
  echo 'expect "Geld und Leistungen"'
  echo 'tap "Geld und Leistungen"'
  echo 'expect "Angebote gefunden"'
  echo 'expect "Bildung und Teilhabe: Geld für Schule, Essen und Freizeit"'
  echo 'tap "Start"'
  echo 'tap "Suche"'
  echo 'expect "Was suchen Sie?"'
} >"$work/none.replay"
kiosk --window 1920x1080 --open search --replay "$work/none.replay" || fail "an empty result was a dead end"
pass "an empty result suggests topics; Home forgets the search"

# Turkish: the Turkish keyboard has its letters (ş ğ ı, and no ß); its layout key, named in Turkish, lists
# every language's layout, each named in its own script; German is a tap away.
{
  echo 'expect "ş"'
  echo 'expect "ğ"'
  echo 'expect-not "ß"'
  echo 'tap "Türkçe"'
  for name in Deutsch English Türkçe العربية Українська Русский; do echo "expect \"$name\""; done
  echo "screenshot $shots/keyboard-layouts-tr.png"
  echo 'tap "Deutsch"'
  echo 'expect "ß"'
} >"$work/tr.replay"
kiosk --window 1080x1920 --lang tr --open search --replay "$work/tr.replay" || fail "the Turkish keyboard is not right"
pass "the Turkish keyboard has Turkish letters; its layout key lists all six layouts and switches to German"

# Arabic, typed letter by letter on the Arabic keyboard: the word reads from the right in the field,
# and the first result is the one `--search` ranks first. Its title is then tapped: the offer opens.
word="قابلة"  # midwife
first=$(kiosk --search "$word" --lang ar | head -n1)
[[ -n $first ]] || fail "--search $word --lang ar finds nothing"
first_title=$(cut -f2 <<<"$first")
{
  echo 'expect "ض"'
  for key in ق ا ب ل ة; do echo "tap \"$key\""; done
  echo "expect \"$word|\""
  echo "expect \"$first_title\""
  echo "screenshot $shots/search-ar.png"
  # The first card with the word in its title is the first result.
  echo "tap \"$word\""
  echo "expect-not \"$word|\""
  echo "expect \"$first_title\""
} >"$work/ar.replay"
kiosk --window 1080x1920 --lang ar --open search --replay "$work/ar.replay" ||
  fail "typing $word on the Arabic keyboard did not show $(cut -f1 <<<"$first") first"
pass "typing $word on the Arabic keyboard shows $(cut -f1 <<<"$first") first, the word right to left"

# Russian: from the Russian keyboard to the German one and back, then a word typed in Cyrillic.
word="акушерка"  # midwife
first_title=$(kiosk --search "$word" --lang ru | head -n1 | cut -f2)
[[ -n $first_title ]] || fail "--search $word --lang ru finds nothing"
{
  echo 'expect "ж"'
  echo 'tap "Русский"'
  echo 'tap "Deutsch"'
  echo 'expect "ß"'
  echo 'tap "Deutsch"'
  echo 'tap "Русский"'
  echo 'expect "ж"'
  for key in а к у ш е р к а; do echo "tap \"$key\""; done
  echo "expect \"$word|\""
  echo "expect \"$first_title\""
  echo "screenshot $shots/search-ru.png"
} >"$work/ru.replay"
kiosk --window 1920x1080 --lang ru --open search --replay "$work/ru.replay" ||
  fail "typing $word on the Russian keyboard did not find '$first_title'"
pass "the Russian keyboard switches to German and back, types $word and finds '$first_title'"

# Nothing of the search reaches the log (but the test's own replay lines, which quote it).
! grep -v "replay line" "$work/kiosk.log" | grep -qi "kindergled\|xqz" || fail "a search term is in the log"
pass "search terms are not logged"
