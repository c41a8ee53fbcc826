#!/usr/bin/env bash
# Benchmark of the start: exec -> first frame of the kiosk (the start screen at 1920x1080, content
# database already built) beside the floor, a minimal GLFW + OpenGL program that opens a window and
# draws one frame (gl_floor, built beside the benchmarks), started in turns in the same run. Both say
# on the wall clock when their first frame was done; the time is taken from just before exec, so the
# dynamic loader's work (libraries, relocations) counts. Also the loader's own figures
# at start (LD_DEBUG=statistics: relocations, and its time in CPU cycles), and the kiosk's own steps
# before its first frame (its log), each a median. Prints figures, asserts nothing.
# GL_FLOOR names gl_floor (default: beside KIOSK's build, tests/bench/gl_floor). BENCH_QUICK=1: 3 starts.
source "$(dirname "$0")/../e2e/lib.sh"
start_display 1920x1080
floor_bin=${GL_FLOOR:-$(dirname "$KIOSK")/../../tests/bench/gl_floor}
[[ -x $floor_bin ]] || { echo "no gl_floor at $floor_bin (build the target gl_floor)"; exit 0; }

runs=$([[ ${BENCH_QUICK:-0} == 1 ]] && echo 3 || echo 15)
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
kiosk --list offers >/dev/null  # build the content database first: a normal start reads it

: >"$work/floor.txt" && : >"$work/kiosk.txt" && : >"$work/diff.txt" && : >"$work/steps.txt"
for _ in $(seq "$runs"); do
  t0=$(($(date +%s%N) / 1000))
  at=$("$floor_bin" 1920x1080 | grep -o '[0-9]* us' | grep -o '[0-9]*')
  floor_ms=$(((at - t0) / 1000))
  t0=$(($(date +%s%N) / 1000))
  "$KIOSK" --data-dir "$work/data" --window 1920x1080 --open home --screenshot "$work/start.png" 2>"$work/start.log"
  at=$(grep -o 'first frame after [0-9]* ms (at [0-9]* us)' "$work/start.log" | grep -o '[0-9]* us' | grep -o '[0-9]*')
  kiosk_ms=$(((at - t0) / 1000))
  # The kiosk's own steps (counted from its static set-up, after the dynamic loader), and before them exec → that.
  after=$(grep -o 'first frame after [0-9]* ms' "$work/start.log" | grep -o '[0-9]*')
  echo "exec to static set-up $((kiosk_ms - after)) ms, $(grep -o 'before it: .*' "$work/start.log" | cut -c12-)" >>"$work/steps.txt"
  echo "$floor_ms" >>"$work/floor.txt" && echo "$kiosk_ms" >>"$work/kiosk.txt"
  echo $((kiosk_ms - floor_ms)) >>"$work/diff.txt"
done
echo "start_runs $runs (in turns; medians)"
echo "gl_floor_first_frame_ms_median $(median <"$work/floor.txt")"
echo "kiosk_first_frame_ms_median $(median <"$work/kiosk.txt")"
echo "kiosk_above_floor_ms_median $(median <"$work/diff.txt")"
# Before the first frame, step by step (the kiosk's log: "STEP T ms" is when it was done, since the
# process's static set-up; "(+D)" how long it took; the fonts are built on a second thread while the
# GL window opens). Medians over the starts; steps the binary does not log are left out.
awk -F', ' '{
  for (i = 1; i <= NF; ++i) {
    if (!match($i, / [0-9]+ ms/)) continue
    name = substr($i, 1, RSTART - 1); at = substr($i, RSTART + 1, RLENGTH - 4)
    took = match($i, /\(\+[0-9.]+\)/) ? substr($i, RSTART + 2, RLENGTH - 3) : ""
    if (!(name in seen)) { seen[name] = ++n; order[n] = name }
    ats[name] = ats[name] " " at; if (took != "") tooks[name] = tooks[name] " " took
  }
} function med(list,   v, k, t, i, j) {
  k = split(list, v, " "); for (i = 2; i <= k; ++i) { t = v[i]; for (j = i - 1; j >= 1 && v[j] + 0 > t + 0; --j) v[j + 1] = v[j]; v[j + 1] = t }
  return k == 0 ? "" : (k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2)
} END {
  for (i = 1; i <= n; ++i) {
    name = order[i]; line = "start_step " name ": done at " med(ats[name]) " ms"
    if (tooks[name] != "") line = line ", took " med(tooks[name]) " ms"
    print line
  }
}' "$work/steps.txt"

# The dynamic loader: libraries loaded and its own time (relocations, mostly).
loader() {
  LD_DEBUG=statistics "$@" 2>&1 >/dev/null |
    sed -n 's/.*\(startup time in dynamic loader\|number of relocations\|relocations from cache\|number of loaded objects\): *\([0-9]*\).*/\1 \2/p' |
    awk '!seen[$0 ~ /relocations from cache/ ? "c" : $0 ~ /number of relocations/ ? "r" : $0 ~ /startup/ ? "s" : $0]++' |
    paste -sd, -
}
echo "gl_floor_loader $(loader "$floor_bin" 1920x1080)"
echo "kiosk_loader $(loader "$KIOSK" --data-dir "$work/data" --version)"
