#!/usr/bin/env bash
# The website as a family and the network's web editor meet it: kiosk-pack site builds it from the
# sample content; served on 127.0.0.1, every URL the kiosk puts in a QR code (every offer x language,
# on screen, list and slip) answers with the offer's page; no internal link is broken; headless
# chromium shows the start, offer (de, ar: right to left), map, search and urgent-help pages without a
# request leaving 127.0.0.1 and axe-core finds no WCAG 2.1 A/AA violation; html-validate passes;
# a broken source writes nothing and says what --build-db says.
# Needs PACK, KIOSK, SAMPLE, NPM_CACHE (a folder for the npm tools) and SHOTS in the environment.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server=
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS: $*"; }

source "$here/npm_tools.sh"
npm_tools || fail "npm could not install puppeteer-core, axe-core and html-validate into $NPM_CACHE"
command -v chromium >/dev/null || fail "chromium is missing (scripts/install-deps test)"

# A broken source: the same messages as --build-db, exit 1, no site.
cp -r "$SAMPLE" "$work/broken" && sed -i '0,/provider: /s/provider: \(.*\)/provider: \1-typo/' "$work/broken/offers.yaml"
"$PACK" site "$work/broken" -o "$work/broken-site" >"$work/out" 2>"$work/site-err"; status=$?
[[ $status == 1 ]] || fail "kiosk-pack site on a broken source exits $status, not 1"
[[ -e "$work/broken-site" ]] && fail "a site was written from a broken source"
"$KIOSK" --content "$work/broken" --data-dir "$work/broken-data" --build-db 2>"$work/db-err" >/dev/null
diff <(grep -v '^[0-9]* error(s)' "$work/site-err") <(grep -v '^[0-9]* error(s)' "$work/db-err") ||
  fail "kiosk-pack site and --build-db say different things about the broken source"
pass "a broken source: exit 1, no site, the messages of --build-db"

site="$work/site"
"$PACK" site "$SAMPLE" -o "$site" >"$work/out" 2>&1 || { cat "$work/out"; fail "kiosk-pack site failed"; }
pass "$(cat "$work/out")"
base=$(sed -n 's/^site_base_url: *//p' "$SAMPLE/network.yaml")
[[ -n "$base" ]] || fail "the sample content has no site_base_url"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
server=$!
root="http://127.0.0.1:$port/"
for _ in $(seq 50); do curl -fs "$root" >/dev/null 2>&1 && break; sleep 0.1; done

# Every URL the kiosk's QR codes hold: what --list offers prints for each language.
: >"$work/qr-urls"
for lang in de en tr ar uk ru; do
  "$KIOSK" --content "$SAMPLE" --data-dir "$work/data" --list offers --lang "$lang" |
    awk -F'\t' -v lang="$lang" 'BEGIN { OFS = "\t" } { print $1, lang, $3, $2 }' >>"$work/qr-urls"
done
offers=$(wc -l <"$work/qr-urls")
((offers >= 6 * 10)) || fail "--list offers gave only $offers lines"
python3 "$here/crawl.py" "$root" "$base" "$work/qr-urls" || fail "the served site has missing pages or broken links"
pass "$offers QR URLs answer with their offer's page; no broken internal link"

# The slip's QR code (in Turkish) holds the Turkish page, which answers.
offer=$(awk -F'\t' 'NR == 1 { print $1 }' "$work/qr-urls")
"$KIOSK" --content "$SAMPLE" --data-dir "$work/data" --lang tr --print "offer:$offer" --slip-pdf "$work/slip.pdf" \
  >/dev/null 2>&1 || fail "no slip PDF"
pdftoppm -r 200 -png "$work/slip.pdf" "$work/slip"
codes=$(for page in "$work"/slip*.png; do zbarimg --quiet --raw "$page" 2>/dev/null; done)
grep -Fxq "${base%/}/tr/angebote/$offer/" <<<"$codes" || fail "the Turkish slip's QR code is not the Turkish page: $codes"
pass "the Turkish slip's QR code opens ${base%/}/tr/angebote/$offer/"

# A real browser, offline but for 127.0.0.1; axe-core inside it.
mkdir -p "$SHOTS"
NODE_PATH="$NPM_CACHE/node_modules" OFFER="$offer" node "$here/browser.js" "$root" "$SHOTS" ||
  fail "the browser check failed (screenshots in $SHOTS)"
for shot in start offer-de offer-ar map practice-de practice-ar; do
  colours=$(identify -format %k "$SHOTS/$shot.png")
  ((colours > 20)) || fail "the screenshot $shot is blank ($colours colours)"
done
pass "chromium: screenshots in $SHOTS, Arabic right to left, no request left 127.0.0.1, no axe violation"

# Valid HTML, every page.
cat >"$work/htmlvalidate.json" <<'JSON'
{ "extends": ["html-validate:standard"] }
JSON
find "$site" -name '*.html' -print0 | xargs -0 node "$NPM_CACHE/node_modules/html-validate/bin/html-validate.js" \
  --config "$work/htmlvalidate.json" >"$work/validate" 2>&1 || { head -40 "$work/validate"; fail "html-validate found errors"; }
pass "html-validate: $(find "$site" -name '*.html' | wc -l) pages valid"

# The same content gives the same bytes; the site is replaced as a whole.
"$PACK" site "$SAMPLE" -o "$work/again" >/dev/null 2>&1 && diff -r "$site" "$work/again" >/dev/null ||
  fail "two builds of the same content differ"
pass "two builds are identical (diff -r)"
