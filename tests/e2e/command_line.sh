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
