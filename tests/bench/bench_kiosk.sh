#!/usr/bin/env bash
# Benchmark of the running kiosk under Xvfb with Mesa's llvmpipe: time to first frame,
# peak memory (RSS and PSS), idle CPU and frame time at 1920x1080. Prints figures, asserts nothing.
# BENCH_QUICK=1 makes a short smoke run (used by the test suite so the benchmark cannot rot).
source "$(dirname "$0")/../e2e/lib.sh"
start_display 1920x1080

quick=${BENCH_QUICK:-0}
runs=$([[ $quick == 1 ]] && echo 3 || echo 15)
idle_seconds=$([[ $quick == 1 ]] && echo 2 || echo 10)
frames=$([[ $quick == 1 ]] && echo 30 || echo 600)

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Build the content database once, so the runs below measure a normal start.
kiosk --list offers >/dev/null

# 1. Start-up: in-process time from main() to the first frame drawn, and wall time of a whole
#    run that starts, draws three frames, writes a PNG and exits (an upper bound for the first frame).
: >"$work/first.txt"
: >"$work/wall.txt"
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$KIOSK" --data-dir "$work/data" --window 1920x1080 --open home --screenshot "$work/start.png" 2>"$work/start.log"
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >>"$work/wall.txt"
  grep -o 'first frame after [0-9]*' "$work/start.log" | grep -o '[0-9]*$' >>"$work/first.txt"
done
echo "first_frame_ms_median $(median <"$work/first.txt")"
echo "start_to_exit_ms_median $(median <"$work/wall.txt")"
# For comparison: the whole run of the smallest OpenGL program at hand (glxinfo makes a context,
# prints and exits). Loading Mesa's driver and LLVM is most of it, and the kiosk pays it too.
: >"$work/glx.txt"
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  glxinfo -B >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >>"$work/glx.txt"
done
echo "glxinfo_ms_median $(median <"$work/glx.txt")"

# 2. Memory after visiting every kind of screen (fonts, QR textures and content all loaded).
{ cat "$(dirname "$0")/every_screen.replay"; echo "wait 4000"; } >"$work/visit.replay"
"$KIOSK" --data-dir "$work/data" --window 1920x1080 --open home --replay "$work/visit.replay" 2>>"$work/kiosk.log" &
pid=$!
sleep 4  # the visit (map and search included) takes 1-3 s, then 4 s still
rss_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
pss_kib=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")
wait "$pid" || fail "the visit script failed"
echo "peak_rss_mib $(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')"
echo "pss_mib $(awk -v k="$pss_kib" 'BEGIN { printf "%.1f", k / 1024 }')"

# 3. Idle CPU: the kiosk showing an offer (with its open-now line and QR codes), untouched.
kiosk --window 1920x1080 --open offer:kindergeld &
pid=$!
sleep 3  # the sound device closes after two seconds without sound
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
before=$(ticks)
sleep "$idle_seconds"
after=$(ticks)
kill "$pid"
wait "$pid" 2>/dev/null || true
hz=$(getconf CLK_TCK)
echo "idle_cpu_percent $(awk -v t=$((after - before)) -v hz="$hz" -v s="$idle_seconds" 'BEGIN { printf "%.2f", 100 * t / hz / s }')"

# 4. Frame time, drawing flat out (no vsync), on the two busiest screens.
for screen in stage:baby offer:kindergeld; do
  "$KIOSK" --data-dir "$work/data" --window 1920x1080 --open "$screen" --benchmark-frames "$frames" \
    2>>"$work/kiosk.log" >"$work/frames.txt"
  echo "frame_ms_median[$screen] $(awk '/^frame_ms_median/ { print $2 }' "$work/frames.txt")"
  echo "frame_ms_p95[$screen] $(awk '/^frame_ms_p95/ { print $2 }' "$work/frames.txt")"
done

echo "machine $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "renderer $(glxinfo -B 2>/dev/null | awk -F': ' '/OpenGL renderer/ { print $2 }')"
