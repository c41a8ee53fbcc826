#!/usr/bin/env bash
# Benchmark of the start: exec -> first frame of the kiosk (the start screen at 1920x1080, content
# database already built) beside the floor, a minimal GLFW + OpenGL program that opens a window and
# draws one frame (gl_floor, built beside the benchmarks), started in turns in the same run. Both say
# on the wall clock when their first frame was done; the time is taken from just before exec, so the
# dynamic loader's work (libraries, relocations) counts. Also the loader's own figures
# at start (LD_DEBUG=statistics: relocations, and its time in CPU cycles). Prints figures, asserts nothing.
# GL_FLOOR names gl_floor (default: beside KIOSK's build, tests/bench/gl_floor). BENCH_QUICK=1: 3 starts.
source "$(dirname "$0")/../e2e/lib.sh"
start_display 1920x1080
floor_bin=${GL_FLOOR:-$(dirname "$KIOSK")/../../tests/bench/gl_floor}
[[ -x $floor_bin ]] || { echo "no gl_floor at $floor_bin (build the target gl_floor)"; exit 0; }

runs=$([[ ${BENCH_QUICK:-0} == 1 ]] && echo 3 || echo 15)
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
kiosk --list offers >/dev/null  # build the content database first: a normal start reads it

: >"$work/floor.txt" && : >"$work/kiosk.txt" && : >"$work/diff.txt"
for _ in $(seq "$runs"); do
  t0=$(($(date +%s%N) / 1000))
  at=$("$floor_bin" 1920x1080 | grep -o '[0-9]* us' | grep -o '[0-9]*')
  floor_ms=$(((at - t0) / 1000))
  t0=$(($(date +%s%N) / 1000))
  "$KIOSK" --data-dir "$work/data" --window 1920x1080 --open home --screenshot "$work/start.png" 2>"$work/start.log"
  at=$(grep -o 'first frame after [0-9]* ms (at [0-9]* us)' "$work/start.log" | grep -o '[0-9]* us' | grep -o '[0-9]*')
  kiosk_ms=$(((at - t0) / 1000))
  echo "$floor_ms" >>"$work/floor.txt" && echo "$kiosk_ms" >>"$work/kiosk.txt"
  echo $((kiosk_ms - floor_ms)) >>"$work/diff.txt"
done
echo "start_runs $runs (in turns; medians)"
echo "gl_floor_first_frame_ms_median $(median <"$work/floor.txt")"
echo "kiosk_first_frame_ms_median $(median <"$work/kiosk.txt")"
echo "kiosk_above_floor_ms_median $(median <"$work/diff.txt")"

# The dynamic loader: libraries loaded and its own time (relocations, mostly).
loader() {
  LD_DEBUG=statistics "$@" 2>&1 >/dev/null |
    sed -n 's/.*\(startup time in dynamic loader\|number of relocations\|relocations from cache\|number of loaded objects\): *\([0-9]*\).*/\1 \2/p' |
    awk '!seen[$0 ~ /relocations from cache/ ? "c" : $0 ~ /number of relocations/ ? "r" : $0 ~ /startup/ ? "s" : $0]++' |
    paste -sd, -
}
echo "gl_floor_loader $(loader "$floor_bin" 1920x1080)"
echo "kiosk_loader $(loader "$KIOSK" --data-dir "$work/data" --version)"
