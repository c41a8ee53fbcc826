#!/usr/bin/env bash
# Benchmark of the content check and database build (`familienkiosk --build-db`) of generated content:
# the sample copied to 10,000 offers in 6 languages (tests/tools/generate_content.py; 70 MB of YAML),
# three runs into an empty data folder; wall, user and system time and peak memory of each. Prints
# figures, asserts nothing. BENCH_OFFERS sets the number of offers (BENCH_QUICK=1: 500, one run).
# Each run's steps follow it (the kiosk's debug log, SPDLOG_LEVEL=debug): wall time and the CPU time
# of the thread that ran the step (the tables and offers.yaml run on a second thread beside the others).
# BENCH_BEFORE names another familienkiosk (an older build) to run in turns with KIOSK, before first
# in each run: on a shared machine only figures taken side by side compare; the medians are per binary.
set -euo pipefail
: "${KIOSK:?KIOSK must name the familienkiosk binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"
work=$(mktemp -d "${TMPDIR:-/var/tmp}/bench-build-db.XXXXXX")
trap 'rm -rf "$work"' EXIT
quick=${BENCH_QUICK:-0}
offers=${BENCH_OFFERS:-$([[ $quick == 1 ]] && echo 500 || echo 10000)}
runs=$([[ $quick == 1 ]] && echo 1 || echo 3)
python3 "$SOURCE_DIR/tests/tools/generate_content.py" "$SOURCE_DIR/content/sample" "$work/content" "$offers" >/dev/null
echo "build_db_offers $offers"
echo "build_db_yaml_mib $(du -cm "$work"/content/*.yaml | awk 'END { print $1 }')"
: >"$work/wall.txt"
kiosks=("$KIOSK")
[[ -n ${BENCH_BEFORE:-} ]] && kiosks=("$BENCH_BEFORE" "$KIOSK")
for ((r = 1; r <= runs; r++)); do
  for kiosk in "${kiosks[@]}"; do
    name=""
    if [[ ${#kiosks[@]} -gt 1 ]]; then name=$([[ $kiosk == "$KIOSK" ]] && echo "after " || echo "before "); fi
    rm -rf "$work/data"
    SPDLOG_LEVEL=debug /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$kiosk" --content "$work/content" --data-dir "$work/data" --build-db \
      >/dev/null 2>"$work/log.txt" || { cat "$work/log.txt" >&2; exit 1; }
    read -r wall user sys kib <"$work/time.txt"
    echo "$name$wall" >>"$work/wall.txt"
    echo "${name}run $r: wall ${wall} s, user ${user} s, system ${sys} s, peak RSS $((kib / 1024)) MiB, database $(du -m "$work/data/content.sqlite" | cut -f1) MiB"
    sed -n 's/.*build-db phase \(.*\): \(.*\) s, of it \(.*\) s CPU.*/  \1: \2 s (CPU \3 s)/p' "$work/log.txt"
  done
done
median() { awk '{ v[NR] = $NF } END { print v[int((NR + 1) / 2)] }'; }
if [[ ${#kiosks[@]} -gt 1 ]]; then
  echo "build_db_s_median_before $(grep '^before ' "$work/wall.txt" | sort -k2 -n | median)"
  echo "build_db_s_median $(grep '^after ' "$work/wall.txt" | sort -k2 -n | median)"
else
  echo "build_db_s_median $(sort -n "$work/wall.txt" | median)"
fi
