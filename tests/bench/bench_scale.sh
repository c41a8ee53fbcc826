#!/usr/bin/env bash
# Scale benchmark: the sample content beside generated content of 10,000 offers in 6 languages
# (tests/tools/generate_content.py), in one run: every screen's median frame time at 1920x1080 on
# llvmpipe, the search's p50/p99, and the memory (PSS) after visiting every screen. Prints figures
# side by side, asserts nothing. BENCH_QUICK=1 makes a short smoke run (500 offers, 30 frames).
# BENCH_OFFERS, BENCH_FRAMES and BENCH_SCREENS override the number of offers, of frames per screen and the screens; BENCH_BUILDER names the familienkiosk that builds the two
# databases (default: KIOSK), so that an older kiosk can be measured on the same databases.
# BENCH_BEFORE names another familienkiosk (an older build) to measure beside KIOSK in the same run:
# the frames and the memory are then taken BENCH_ROUNDS times (default 3) for each, in turns.
source "$(dirname "$0")/../e2e/lib.sh"
start_display 1920x1080

quick=${BENCH_QUICK:-0}
offers=${BENCH_OFFERS:-$([[ $quick == 1 ]] && echo 500 || echo 10000)}
frames=${BENCH_FRAMES:-$([[ $quick == 1 ]] && echo 30 || echo 300)}
search_bench=${BENCH_SEARCH:-$(dirname "$KIOSK")/../../tests/bench/bench_search}

# BENCH_DATA: a folder that keeps the generated content and both databases for the next run.
data=${BENCH_DATA:-$work}
[[ -d "$data/big" ]] || python3 "$SOURCE_DIR/tests/tools/generate_content.py" "$SOURCE_DIR/content/sample" "$data/big" "$offers"
declare -A source=([sample]="$SOURCE_DIR/content/sample" [big]="$data/big")
# The same screens in both: the generated content's first copy keeps the sample's ids.
declare -A suffix=([sample]="" [big]="")

builder=${BENCH_BUILDER:-$KIOSK}
for name in sample big; do
  [[ -s "$data/data-$name/content.sqlite" ]] && continue
  start=$(date +%s%N)
  "$builder" --content "${source[$name]}" --data-dir "$data/data-$name" --build-db >/dev/null 2>>"$work/kiosk-$name.log" ||
    fail "the $name content does not build"
  echo "build_db_s[$name] $(awk -v n=$(($(date +%s%N) - start)) 'BEGIN { printf "%.2f", n / 1e9 }')"
done

kiosks=("$KIOSK")
[[ -n ${BENCH_BEFORE:-} ]] && kiosks=("$BENCH_BEFORE" "$KIOSK")
rounds=$([[ -n ${BENCH_BEFORE:-} ]] && echo "${BENCH_ROUNDS:-3}" || echo 1)
label() { [[ $1 == "$KIOSK" ]] && echo "" || echo " (before)"; }
measured=$KIOSK  # the kiosk that run() starts

run() {  # content name, then the kiosk's options; on the database built above
  local name=$1
  shift
  local command=("$measured" --content "$data/data-$name/content.sqlite" --data-dir "$work/state-$name"
    --now 2026-11-26T10:00 --usb-root "$work" "$@")
  # In a subshell (`run … &`) the kiosk replaces it, so that $! is the kiosk's own process.
  [[ $BASHPID != "$$" ]] && exec "${command[@]}" 2>>"$work/kiosk-$name.log"
  "${command[@]}" 2>>"$work/kiosk-$name.log"
}
echo "offers[sample] $(run sample --list offers | wc -l)"
echo "offers[big] $(run big --list offers | wc -l)"

# 1. Frame time of every screen, flat out, glFinish each: the kiosk's own part of the frame (up to
#    handing the draw lists to GL, wall time) and the process's CPU time per frame (with llvmpipe's threads).
screens=${BENCH_SCREENS:-home stage:baby stage:kindergarten offer:kindergeld provider:familienkasse emergencies map search list about languages}
for round in $(seq "$rounds"); do for measured in "${kiosks[@]}"; do
for screen in $screens; do
  for name in sample big; do
    target=$screen
    [[ $screen == offer:* || $screen == provider:* ]] && target="$screen${suffix[$name]}"
    run "$name" --window 1920x1080 --open "$target" --benchmark-frames "$frames" >"$work/frames.txt" ||
      fail "$target did not draw ($name)"
    for figure in frame_ms_median cpu_ms_median process_cpu_ms_median; do
      declare "${figure}_$name=$(awk -v f="$figure" '$1 == f { print $2 }' "$work/frames.txt")"
    done
  done
  printf '%-24s frame_ms_median %6s %6s   cpu_ms_median %6s %6s   process_cpu_ms_median %6s %6s\n' "$screen$(label "$measured")" \
    "$frame_ms_median_sample" "$frame_ms_median_big" "$cpu_ms_median_sample" "$cpu_ms_median_big" \
    "$process_cpu_ms_median_sample" "$process_cpu_ms_median_big"
done
done; done
measured=$KIOSK
echo "(each pair: sample, then $offers offers)"

# 2. Memory after visiting every kind of screen (the longest list scrolled, an offer with its QR codes,
#    a provider, the map, the search), read while the kiosk waits on the last one.
cat >"$work/visit.replay" <<SCRIPT
tap "Baby"
tap "Geld und Leistungen"
tap "Kindergeld"
tap "Mehr über diese Stelle"
tap "Über uns"
tap "Hilfe sofort"
tap "Start"
tap "Karte"
tap "Zurück"
tap "Suche"
tap "Zurück"
tap "Kindergarten"
drag 1200 950 1200 150
drag 1200 950 1200 150
expect "Kindergarten"
wait 3000
SCRIPT
for round in $(seq "$rounds"); do for measured in "${kiosks[@]}"; do
for name in sample big; do
  : >"$work/kiosk-$name.log"
  run "$name" --window 1920x1080 --open home --replay "$work/visit.replay" &
  pid=$!
  # Once the script is at its last wait: every screen visited.
  for _ in $(seq 1800); do
    grep -q '"Kindergarten" on screen' "$work/kiosk-$name.log" 2>/dev/null && break
    sleep 0.1
  done
  sleep 1
  pss_kib=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")
  # The process's own heap (all malloc arenas: [heap] and anonymous mappings), not moved by other
  # processes sharing its libraries (llvmpipe's LLVM is shared with any other GL program).
  heap_kib=$(awk '/^[0-9a-f]+-[0-9a-f]+ / { own = ($6 == "" || $6 == "[heap]") } own && /^Pss:/ { s += $2 } END { print s }' "/proc/$pid/smaps")
  wait "$pid" || fail "the visit script failed ($name)"
  echo "pss_mib[$name]$(label "$measured") $(awk -v k="$pss_kib" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "heap_anon_mib $(awk -v k="$heap_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
done
done; done
measured=$KIOSK

# 3. The search: queries as typed, over bench_search's generated content of the sample's size and of $offers.
if [[ -x "$search_bench" ]]; then
  for count in 63 "$offers"; do
    "$search_bench" "$SOURCE_DIR/content/sample" "$work" "$count" >"$work/search.txt"
    echo "search_ms_median[$count] $(awk '$1 == "search_ms_median" { print $2 }' "$work/search.txt")" \
      "search_ms_p99[$count] $(awk '$1 == "search_ms_p99" { print $2 }' "$work/search.txt")" \
      "search_cpu_ms_p99[$count] $(awk '$1 == "search_cpu_ms_p99" { print $2 }' "$work/search.txt")"
  done
fi

echo "machine $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
