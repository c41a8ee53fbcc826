#!/usr/bin/env bash
# Benchmark of the content editor on generated content (issue 19): the sample copied to 2,000 offers
# in 6 languages (tests/tools/generate_content.py), opened at an offer; the time to the first frame
# and to the first check's result, then typing into the title (3 letters at a time, 15 times, with
# pauses between as a person types) while the live check runs: frame times (median, p95, max) of the
# frames after the first check, from `--benchmark-frames`, on the clock and as the UI thread's CPU time
# (`frames cpu`), the worst frame's CPU by part (`worst frame`), and the frame the first check's
# result came in (`first check frame`) with the fonts' build for its content. Three runs (BENCH_RUNS sets it;
# BENCH_LOG=PATH keeps each run's log as PATH.N). Prints figures, asserts nothing.
# BENCH_OFFERS sets the number of offers (BENCH_QUICK=1: 200, one run).
set -euo pipefail
: "${EDITOR:?EDITOR must name the familienkiosk-editor binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"
export KIOSK="${KIOSK:-$EDITOR}"  # lib.sh names it; the editor is what runs here
source "$SOURCE_DIR/tests/e2e/lib.sh"
quick=${BENCH_QUICK:-0}
offers=${BENCH_OFFERS:-$([[ $quick == 1 ]] && echo 200 || echo 2000)}
runs=${BENCH_RUNS:-$([[ $quick == 1 ]] && echo 1 || echo 3)}
start_display 1600x900
python3 "$SOURCE_DIR/tests/tools/generate_content.py" "$SOURCE_DIR/content/sample" "$work/content" "$offers" >/dev/null
echo "editor_offers $offers"
{
  echo 'expect "Keine Fehler" 120'
  echo 'tap "Feld Titel"'
  for ((i = 0; i < 15; i++)); do
    echo 'type "abc"'
    echo 'wait 120'
    echo 'type " "'
    echo 'wait 400'
  done
  echo 'expect "Keine Fehler" 120'
} >"$work/typing.replay"
for ((r = 1; r <= runs; r++)); do
  rm -rf "$work/run" && cp -r "$work/content" "$work/run"  # each run types into a fresh copy
  "$EDITOR" "$work/run" --open offers.yaml:kindergeld --replay "$work/typing.replay" --benchmark-frames 1 \
    >"$work/out.txt" 2>&1 || { tail -20 "$work/out.txt" >&2; exit 1; }  # its log and the figures
  first=$(sed -n 's/.*editor: first frame \([0-9]*\) ms.*/\1/p' "$work/out.txt" | head -1)
  handover=$(sed -n 's/.*snapshot for the check took \([0-9.]*\) ms.*/\1/p' "$work/out.txt" | sort -n | tail -1)
  echo "run $r: first frame ${first:-?} ms; slowest hand-over to the check ${handover:-?} ms; $(grep '^frames [0-9]' "$work/out.txt")"
  grep '^frames cpu' "$work/out.txt" || true  # (new builds)
  if [[ -n ${BENCH_LOG:-} ]]; then cp "$work/out.txt" "$BENCH_LOG.$r"; fi  # the whole log, to look into
  grep '^worst frame' "$work/out.txt" | sed 's/^/  /' || true  # where the slowest frame's time went (new builds)
  # The frame the first check's result came in, and the fonts for its content: built in that frame
  # (up to 72ebbb1) or on a thread of their own and swapped in later (since).
  grep '^first check frame' "$work/out.txt" | sed 's/^/  /' || true
  sed -n 's/.*editor: \(fonts for the content .*\)/  \1/p' "$work/out.txt" | head -1
  sed -n 's/.*editor: \(slow frame .*\)/  first \1/p' "$work/out.txt" | head -1  # (over 16 ms CPU)
done
