#!/usr/bin/env bash
# Benchmark of the map screen: frame time at 1920x1080 under Xvfb (Mesa llvmpipe), drawn flat out,
# still and while panning, on the sample content (42 providers) and on generated content with
# 2,000 providers (and an offer each) spread over the district; each frame also in parts (the
# kiosk's CPU work, the GL driver's drawing, presenting). Prints figures, asserts nothing.
# BENCH_QUICK=1 makes a short smoke run (used by the test suite so the benchmark cannot rot).
source "$(dirname "$0")/../e2e/lib.sh"
start_display 1920x1080

quick=${BENCH_QUICK:-0}
frames=$([[ $quick == 1 ]] && echo 30 || echo 600)
pins=2000

# The sample content plus $pins providers and offers at pseudo-random places in the district.
content="$work/content"
cp -r "$SOURCE_DIR/content/sample" "$content"
awk -v n="$pins" 'BEGIN {
  srand(8);
  for (i = 0; i < n; i++) {
    printf "\n- id: bench-provider-%d\n  name: \"Stelle %d\"\n", i, i
    printf "  address: {street: \"Weg %d\", postal_code: \"73728\", municipality: \"Esslingen am Neckar\"}\n", i
    printf "  location: [%.5f, %.5f]\n", 48.56 + rand() * 0.22, 9.18 + rand() * 0.40
    printf "  opening_hours: \"Mo-Fr 09:00-17:00\"\n  sample: true\n"
  }
}' >>"$content/providers.yaml"
awk -v n="$pins" 'BEGIN {
  for (i = 0; i < n; i++) {
    printf "\n- id: bench-offer-%d\n  title: \"Angebot %d\"\n  summary: \"Ein Angebot zum Messen.\"\n", i, i
    printf "  life_stages: [baby]\n  topics: [counselling]\n  provider: bench-provider-%d\n", i
    printf "  url: https://www.familienkiosk-beispiel.de/angebote/bench-%d\n  sample: true\n", i
  }
}' >>"$content/offers.yaml"

# For comparison on the same machine at the same time: the busiest other screen, and the floor
# under every frame (an ImGui frame that draws nothing: clear, present, glFinish; and one with a
# map-sized opaque picture on it).
"$KIOSK" --data-dir "$work/data-ref" --window 1920x1080 --open stage:baby --benchmark-frames "$frames" \
  2>>"$work/kiosk.log" >"$work/frames.txt" || fail "the life stage screen did not draw"
echo "stage_baby_frame_ms_median $(awk '/^frame_ms_median/ { print $2 }' "$work/frames.txt")"
bench_frame=${BENCH_FRAME:-$(dirname "$KIOSK")/../../tests/bench/bench_frame}
if [[ -x "$bench_frame" ]]; then
  "$bench_frame" 1920x1080 "$frames" 2>>"$work/kiosk.log" || fail "bench_frame did not draw"
fi

# The map still (drawn again and again with nothing moving: what a frame costs while a finger
# rests or taps) and panning (a finger drags the zoomed-in map 12 pixels each frame, to and fro
# over a quarter of the screen: most frames show the kept picture moved, some draw it anew; p99).
for which in sample generated; do
  source_folder=$([[ $which == sample ]] && echo "$SOURCE_DIR/content/sample" || echo "$content")
  "$KIOSK" --content "$source_folder" --data-dir "$work/data-$which" --build-db >/dev/null 2>>"$work/kiosk.log" ||
    fail "the $which content does not build"
  label=$([[ $which == sample ]] && echo "map_42_pins" || echo "map_${pins}_pins")
  for motion in still pan; do
    drag=()
    [[ $motion == pan ]] && drag=(--benchmark-drag)
    "$KIOSK" --content "$source_folder" --data-dir "$work/data-$which" --window 1920x1080 --open map \
      --benchmark-frames "$frames" "${drag[@]}" 2>>"$work/kiosk.log" >"$work/frames.txt" || fail "the map did not draw"
    value() { awk -v k="$1" '$1 == k { print $2 }' "$work/frames.txt"; }
    echo "${label}_${motion}_frame_ms_median $(value frame_ms_median)"
    echo "${label}_${motion}_frame_ms_p95 $(value frame_ms_p95)"
    echo "${label}_${motion}_frame_ms_p99 $(value frame_ms_p99)"
    echo "${label}_${motion}_cpu_ms_median $(value cpu_ms_median)"
    echo "${label}_${motion}_render_ms_median $(value render_ms_median)"
    echo "${label}_${motion}_present_ms_median $(value present_ms_median)"
    echo "${label}_${motion}_process_cpu_ms_median $(value process_cpu_ms_median)"
  done
done
