#!/usr/bin/env bash
# Benchmark of the website (kiosk-pack site): generation for 2,000 offers in 6 languages (time of a
# first build and of rebuilds, size; target under 3 s), an offer page's weight (HTML + CSS; target under 20 KB, no other host),
# and its first contentful paint in headless chromium beside the kiosk's time to its first frame.
# Prints figures, asserts nothing. BENCH_QUICK=1: a short smoke run (200 offers, one paint).
# Needs KIOSK, PACK, SOURCE_DIR and NPM_CACHE (the npm tools of tests/site) in the environment.
source "$(dirname "$0")/../e2e/lib.sh"
: "${PACK:?PACK must name kiosk-pack}"
source "$SOURCE_DIR/tests/site/npm_tools.sh"
npm_tools || fail "npm could not install the browser tools into $NPM_CACHE"
quick=${BENCH_QUICK:-0}
offers=$([[ $quick == 1 ]] && echo 200 || echo 2000)
runs=$([[ $quick == 1 ]] && echo 1 || echo 5)
sample="$SOURCE_DIR/content/sample"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Generated content: the sample copied until there are $offers offers (tests/tools/generate_content.py).
python3 "$SOURCE_DIR/tests/tools/generate_content.py" "$sample" "$work/content" "$offers"
count=$(grep -c '^- id: ' "$work/content/offers.yaml")

# One build: its wall time in ms to $work/<list>, the content check's part to $work/<list>-check.
build() {
  local list=$1 output=$2 start end
  start=$(date +%s%N)
  "$PACK" site "$work/content" -o "$output" >"$work/out" 2>&1 || { cat "$work/out"; fail "kiosk-pack site failed"; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >>"$work/$list"
  grep -o 'check [0-9.]*' "$work/out" | awk '{ print $2 * 1000 }' >>"$work/$list-check"
}
# A first build into a new folder (every file and folder created), then rebuilds of the same site,
# which rewrite the site before the current one (kept beside it) where it differs: with the same
# content, and with one offer's title changed each time.
for i in $(seq "$runs"); do build first "$work/new-$i/site"; done
rm -rf "$work"/new-*
build warm "$work/site" && build warm "$work/site"
for _ in $(seq "$runs"); do build same "$work/site"; done
for i in $(seq "$runs"); do
  sed -i "0,/^    de: \"\(.*\)\"$/s//    de: \"\1 $i\"/" "$work/content/offers.yaml"  # the first title
  build changed "$work/site"
done
echo "site_offers $count"
echo "site_languages 6"
echo "site_first_build_ms_median $(median <"$work/first")  (content check $(median <"$work/first-check") ms of it)"
echo "site_rebuild_same_ms_median $(median <"$work/same")  (content check $(median <"$work/same-check") ms of it)"
echo "site_rebuild_one_offer_changed_ms_median $(median <"$work/changed")"
echo "site_files $(find "$work/site" -type f | wc -l)"
echo "site_size_mib $(du -sb "$work/site" | awk '{ printf "%.1f", $1 / 1048576 }')"

# One offer page of the sample (no sound file in this build), with the style sheet it loads.
"$PACK" site "$sample" -o "$work/sample-site" >/dev/null 2>&1 || fail "kiosk-pack site on the sample failed"
page="$work/sample-site/de/angebote/kindergeld/index.html"
html=$(stat -c %s "$page")
css=$(stat -c %s "$work/sample-site/site.css")
echo "offer_page_html_kib $(awk -v b="$html" 'BEGIN { printf "%.1f", b / 1024 }')"
echo "offer_page_html_gzip_kib $(gzip -9c "$page" | wc -c | awk '{ printf "%.1f", $1 / 1024 }')"
echo "site_css_kib $(awk -v b="$css" 'BEGIN { printf "%.1f", b / 1024 }')"
echo "offer_page_weight_kib $(awk -v b=$((html + css)) 'BEGIN { printf "%.1f", b / 1024 }')"
echo "offer_page_other_hosts $(grep -Eo '(src|href)="(https?:)?//[^"]*"' "$page" | grep -Ev '^href=' | wc -l)"

# First contentful paint of that page from a local server, beside the kiosk's first frame.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/sample-site" >/dev/null 2>&1 &
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
fcp=$(NODE_PATH="$NPM_CACHE/node_modules" node "$SOURCE_DIR/tests/site/browser.js" "http://127.0.0.1:$port/" "$work" \
        --fcp de/angebote/kindergeld/index.html | awk '/^fcp_ms/ { print $2 }')
echo "offer_page_first_contentful_paint_ms $fcp"
start_display 1920x1080
kiosk --list offers >/dev/null
: >"$work/first.txt"
for _ in $(seq "$runs"); do
  "$KIOSK" --data-dir "$work/data" --window 1920x1080 --open offer:kindergeld --screenshot "$work/k.png" 2>"$work/start.log"
  grep -o 'first frame after [0-9]*' "$work/start.log" | grep -o '[0-9]*$' >>"$work/first.txt"
done
echo "kiosk_offer_first_frame_ms_median $(median <"$work/first.txt")"
