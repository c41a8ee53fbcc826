#!/usr/bin/env bash
# The search: typing a word on the on-screen keyboard shows its results as the family types, the
# first result is the one `--search` ranks first, a typo still finds it, and nothing is a topic list.
source "$(dirname "$0")/lib.sh"
start_display

first=$(kiosk --search "kindergled" | head -n1 | cut -f1)
[[ $first == kindergeld ]] || fail "--search kindergled ranks '$first' first, not kindergeld"
count=$(kiosk --search "kindergled" | wc -l)

# Typed key by key on the screen's keyboard (with the typo: e and l swapped).
{
  echo 'expect "Was suchen Sie?"'
  for key in k i n d e r g l e d; do echo "tap \"$key\""; done
  echo 'expect "kindergled|"'
  echo "expect \"$count Angebote gefunden\""
  echo 'screenshot '"$work"'/results.png'
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

# Turkish: the Turkish keyboard has its letters (ş ğ ı); the German one is a tap away.
{
  echo 'expect "ş"'
  echo 'expect "ğ"'
  echo 'tap "ABC"'
  echo 'expect "ß"'
} >"$work/tr.replay"
kiosk --window 1080x1920 --lang tr --open search --replay "$work/tr.replay" || fail "the Turkish keyboard is not right"
pass "the Turkish keyboard has Turkish letters and switches to German ones"

# Nothing of the search reaches the log (but the test's own replay lines, which quote it).
! grep -v "replay line" "$work/kiosk.log" | grep -qi "kindergled\|xqz" || fail "a search term is in the log"
pass "search terms are not logged"
