#!/usr/bin/env bash
# scripts/make-audio: `--list speech` names every offer of the sample in German and English and every
# other screen's explanation by convention (life stages, providers, urgent help …), missing
# explanations become playable Ogg files, and existing files (authors' recordings) are never replaced.
set -euo pipefail
: "${KIOSK:?KIOSK must name the familienkiosk binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

content="$work/content"
mkdir "$content"
cp "$SOURCE_DIR"/content/sample/*.yaml "$content/"
kiosk() { "$KIOSK" --content "$content" --data-dir "$work/data" "$@" 2>>"$work/kiosk.log"; }

offers=$(kiosk --list offers | cut -f1)
providers=$(kiosk --list providers | wc -l)
stages=$(kiosk --list stages | wc -l)
screens=12  # emergencies about map search list qr languages, and professionals actors practices events groups
for language in de en; do
  speech=$(kiosk --list speech --lang "$language")
  [[ $(wc -l <<<"$speech") -eq $(($(wc -l <<<"$offers") + 1 + providers + stages + screens)) ]] ||
    fail "--list speech --lang $language: not one line per offer, home, provider, life stage and screen"
  awk -F'\t' 'NF != 2 || $2 == "" { bad = 1 } END { exit bad }' <<<"$speech" ||
    fail "--list speech --lang $language is not path<TAB>text on every line"
  grep -q "^audio/$language/home.ogg"$'\t' <<<"$speech" || fail "no home explanation in $language"
  while read -r id; do
    grep -q "^audio/$language/$id.ogg"$'\t' <<<"$speech" || fail "offer $id has no $language explanation"
  done <<<"$offers"
done
grep -q $'^audio/de/kindergeld.ogg\tKindergeld. ' <<<"$(kiosk --list speech)" || fail "--list speech is not German by default"
# A provider: name, address, phone and the weekly hours in words, in the family's language.
grep $'^audio/en/provider-familienkasse.ogg\t' <<<"$(kiosk --list speech --lang en)" |
  grep -q "Phone: .*Opening hours: Monday: .* to " || fail "the provider's explanation lacks phone or hours: $(kiosk --list speech --lang en | grep provider-familienkasse)"
grep $'^audio/tr/emergencies.ogg\t' <<<"$(kiosk --list speech --lang tr)" | grep -q "116 111" ||
  fail "urgent help's explanation does not read the helplines' numbers"
grep -q $'^audio/ar/languages.ogg\tاختر لغتك' <<<"$(kiosk --list speech --lang ar)" || fail "no Arabic languages explanation"
[[ -z $(kiosk --list speech --lang fr) ]] || fail "--list speech --lang fr lists files the sample does not name"
pass "--list speech names every offer, the home screen, every provider, life stage and screen in de and en"

# Every file but four is there already, e.g. recorded by an author.
for language in de en tr ar uk ru; do
  kiosk --list speech --lang "$language" | cut -f1 | while read -r path; do
    [[ "$path" == audio/de/kindergeld.ogg || "$path" == audio/en/home.ogg || "$path" == audio/ar/home.ogg ||
      "$path" == audio/tr/languages.ogg ]] && continue
    mkdir -p "$(dirname "$content/$path")"
    echo "recording" >"$content/$path"
  done
done
"$SOURCE_DIR/scripts/make-audio" "$content" "$KIOSK" >"$work/first.log" 2>&1 || fail "make-audio failed: $(cat "$work/first.log")"
for path in audio/de/kindergeld.ogg audio/en/home.ogg audio/ar/home.ogg audio/tr/languages.ogg; do
  info=$(ogginfo "$content/$path") || fail "$path is not a valid Ogg file"
  grep -q "Vorbis" <<<"$info" || fail "$path is not Ogg Vorbis"
  seconds=$(sed -n 's/.*Playback length: \([0-9]*\)m:\([0-9]*\)\..*/\1 \2/p' <<<"$info" | awk '{ print $1 * 60 + $2 }')
  ((seconds >= 5)) || fail "$path lasts only $seconds s"
done
named=$(for language in de en tr ar uk ru; do kiosk --list speech --lang "$language"; done | wc -l)
[[ $(grep -rlx "recording" "$content/audio" | wc -l) -eq $((named - 4)) ]] ||
  fail "make-audio replaced a file that was there"
[[ -z $(find "$content" -name '.*partial*') ]] || fail "make-audio left temporary files behind"
# The language screen's file speaks Turkish first, then "choose your language" in the five others.
seconds=$(soxi -D "$content/audio/tr/languages.ogg")
awk -v s="$seconds" 'BEGIN { exit !(s > 12) }' || fail "audio/tr/languages.ogg lasts $seconds s: not six languages"
pass "make-audio makes the missing files as Ogg Vorbis and keeps the others; the language screen's in six voices ($seconds s)"

"$SOURCE_DIR/scripts/make-audio" "$content" "$KIOSK" >"$work/second.log" || fail "make-audio failed on the second run"
[[ ! -s "$work/second.log" ]] || fail "a second run made files again: $(cat "$work/second.log")"
pass "a second run makes nothing"

sed -i 's/provider: familienkasse/provider: familienkase/' "$content/offers.yaml"
if "$SOURCE_DIR/scripts/make-audio" "$content" "$KIOSK" >/dev/null 2>"$work/broken.log"; then
  fail "make-audio accepted broken content"
fi
grep -q "familienkase" "$work/broken.log" || fail "make-audio does not say what is wrong with the content"
pass "broken content is refused with the content's errors"
