#!/usr/bin/env bash
# Ten thousand offers in six languages (tests/tools/generate_content.py): a life stage lists its
# thousands of offers, the list scrolls to its end, the last offer opens, and its QR code decodes to
# that offer's own link.
source "$(dirname "$0")/lib.sh"
start_display 1920x1080

big="$work/big"
python3 "$SOURCE_DIR/tests/tools/generate_content.py" "$SOURCE_DIR/content/sample" "$big" 10000
kiosk --content "$big" --build-db >/dev/null || fail "the generated content of 10,000 offers does not build"

# The life stage's last offer, as the screen lists it: in content order, emergencies left out.
read -r count last < <(python3 - "$big" <<'PY'
import re, sys
folder = sys.argv[1]
topics = open(f"{folder}/topics.yaml", encoding="utf-8").read()
emergency = {m.group(1) for m in re.finditer(r"(?ms)^- id: (\S+)(?:(?!^- id:).)*?^\s*emergency: true", topics)}
baby = []
for entry in re.split(r"(?m)^(?=- id: )", open(f"{folder}/offers.yaml", encoding="utf-8").read()):
    found = re.match(r"- id: (\S+)", entry)
    stages = re.search(r"(?m)^\s*life_stages: \[(.*)\]", entry)
    offer_topics = re.search(r"(?m)^\s*topics: \[(.*)\]", entry)
    if not found or not stages or "baby" not in [s.strip() for s in stages.group(1).split(",")]:
        continue
    if offer_topics and emergency & {t.strip() for t in offer_topics.group(1).split(",")}:
        continue
    baby.append(found.group(1))
print(len(baby), baby[-1])
PY
)
(( count >= 2000 )) || fail "the generated content has only $count offers for babies"
listing=$(kiosk --content "$big" --list offers | awk -F'\t' -v id="$last" '$1 == id')
title=$(cut -f2 <<<"$listing")
url=$(cut -f3 <<<"$listing")
[[ -n "$title" && "$url" == */"$last"/ ]] || fail "--list offers does not list $last with its link: $listing"

# The scroll bar runs down the list's right edge: pressed halfway down it and pulled to the screen's
# bottom it brings the list's end into view (twice: the heights of cards not yet drawn are estimates).
cat >"$work/scale.replay" <<SCRIPT
expect "$count Angebote"
drag 1874 600 1874 1079
wait 300
drag 1874 600 1874 1079
wait 300
expect "$title"
tap "$title"
screenshot "$work/last-offer.png"
SCRIPT
kiosk --content "$big" --window 1920x1080 --open stage:baby --replay "$work/scale.replay" ||
  fail "the end of the list of $count offers was not reached, or its last offer did not open"
codes=$(decode_qr_lines "$work/last-offer.png")
grep -Fxq "$url" <<<"$codes" || fail "the last offer's QR code is not $url; decoded: $codes"
pass "a life stage with $count of 10,000 offers scrolls to its end; the last one ($last) opens with its QR code $url"
