#!/usr/bin/env bash
# The command line an administrator uses: --help, --version, --list, and clear refusals.
source "$(dirname "$0")/lib.sh"

help=$("$KIOSK" --help)
for option in --window --content --data-dir --open --lang --screenshot --replay --list --build-db --now --config \
  --version; do
  grep -q -- "$option" <<<"$help" || fail "--help does not document $option"
done
pass "--help documents every option"

"$KIOSK" --version | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$' || fail "--version prints no version"

offers=$(kiosk --list offers)
[[ $(wc -l <<<"$offers") -ge 40 ]] || fail "fewer than 40 sample offers"
awk -F'\t' 'NF != 3 || $3 !~ /^https?:\/\// { bad = 1 } END { exit bad }' <<<"$offers" ||
  fail "--list offers is not id<TAB>title<TAB>url on every line"
grep -q $'^kindergeld\tKindergeld\thttps://' <<<"$offers" || fail "Kindergeld is not listed"
grep -q $'^kindergeld\tChild benefit (Kindergeld)\t' <<<"$(kiosk --list offers --lang en)" || fail "--lang en does not translate --list"
while IFS=: read -r language title; do  # the sample's four other languages
  grep -qF $'kindergeld\t'"$title"$'\t' <<<"$(kiosk --list offers --lang "$language")" ||
    fail "--lang $language does not show the sample's $language titles"
done <<'TITLES'
tr:Çocuk parası (Kindergeld)
ar:إعانة الأطفال (Kindergeld)
uk:Допомога на дитину (Kindergeld)
ru:Детское пособие (Kindergeld)
TITLES
[[ $(kiosk --list providers | wc -l) -ge 20 ]] || fail "fewer than 20 sample providers"
[[ $(kiosk --list stages | cut -f1 | tr '\n' ' ') == "pregnancy baby toddler kindergarten primary-school " ]] ||
  fail "the five life stages are not listed in order"
kiosk --list topics | grep -q $'^emergencies\t' || fail "no emergencies topic"
pass "--list offers, providers, stages and topics"

if kiosk --open offer:gibt-es-nicht --screenshot "$work/x.png" 2>/dev/null; then fail "--open accepted an unknown offer"; fi
grep -q "not a screen of this content" "$work/kiosk.log" || fail "no clear message for an unknown --open target"
if kiosk --window 12x34 2>/dev/null; then fail "--window accepted a tiny size"; fi
printf 'idle_timout_seconds: 30\n' >"$work/typo.yaml"
if kiosk --config "$work/typo.yaml" --list offers >/dev/null; then fail "a misspelt setting was accepted"; fi
grep -q "idle_timout_seconds.*unknown setting" "$work/kiosk.log" || fail "no message naming the misspelt setting"
pass "unknown screens, bad sizes and misspelt settings are refused with a message"

# Absurd values where a file is expected: each is refused with exit code 2 and one line naming it,
# never an abort (each of these once ended in exit 134 or hung, or ran nothing and passed).
start_display 1280x720
printf '? [a, b]\n: 1\n' >"$work/complex-key.yaml"
printf 'volume: 3\nvolume: 9\n' >"$work/twice.yaml"
printf 'volume: 3\n# Lautst\xe4rke\n' >"$work/latin1.yaml"
mkfifo "$work/pipe.yaml"
: >"$work/empty.replay"
while IFS='|' read -r what args expected; do
  : >"$work/kiosk.log"
  status=0
  # shellcheck disable=SC2086  # the arguments are words of the table
  timeout 60 "$KIOSK" --data-dir "$work/data" $args --screenshot "$work/absurd.png" >/dev/null 2>>"$work/kiosk.log" || status=$?
  ((status == 2)) || fail "$what: exit code $status, not 2"
  grep -q "$expected" "$work/kiosk.log" || fail "$what: no message saying '$expected'"
  grep -qi "terminate\|abort\|what()" "$work/kiosk.log" && fail "$what: an exception escaped"
done <<TABLE
--config naming a folder|--config $work|not a plain file
--config naming a named pipe|--config $work/pipe.yaml|not a plain file
--config with a complex key|--config $work/complex-key.yaml|a key must be a plain word
--config with a key written twice|--config $work/twice.yaml|'volume' is written twice
--config that is not UTF-8|--config $work/latin1.yaml|not valid UTF-8
--replay of /dev/zero|--replay /dev/zero|not a plain file
--replay of a folder|--replay $work|not a plain file
--replay of an empty script|--replay $work/empty.replay|has no command
--now of a day that does not exist|--now 2026-02-31T10:00|is not a time like
--now of a year before 1970|--now 0000-11-26T10:00|is not a time like
--now of a year far ahead|--now 99999-11-26T10:00|is not a time like
--now of a negative year|--now -2026-11-26T10:00|is not a time like
--now with text after the minutes|--now 2026-11-26T10:00x|is not a time like
--now at 24:00|--now 2026-11-26T24:00|is not a time like
TABLE
status=0
timeout 60 "$KIOSK" --data-dir "$work/data" --lang "" --screenshot "$work/absurd.png" >/dev/null 2>"$work/kiosk.log" || status=$?
((status == 2)) && grep -q "no language given" "$work/kiosk.log" || fail "--lang \"\" was not refused (exit $status)"

pass "a folder, a pipe, /dev/zero, an empty script, a complex or doubled key, broken UTF-8, impossible --now times and an empty --lang are refused with exit code 2"
