#!/usr/bin/env bash
# Benchmark of the HSDS commands: kiosk-pack hsds-export (JSON and CSV) and hsds-import of 10,000 offers
# (tests/tools/generate_content.py; six languages, the export writes the German dataset), each with its time and peak memory (/usr/bin/time -v),
# printed beside `familienkiosk --build-db` (the content check and database) of the same content.
# Prints figures, asserts nothing but that each command succeeds. BENCH_QUICK=1: 500 offers.
# Needs KIOSK, PACK and SOURCE_DIR in the environment.
set -euo pipefail
: "${KIOSK:?KIOSK must name the familienkiosk binary}"
: "${PACK:?PACK must name kiosk-pack}"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"
work=$(mktemp -d "${TMPDIR:-/var/tmp}/bench-hsds.XXXXXX")
trap 'rm -rf "$work"' EXIT
offers=$([[ ${BENCH_QUICK:-0} == 1 ]] && echo 500 || echo 10000)

python3 "$SOURCE_DIR/tests/tools/generate_content.py" "$SOURCE_DIR/content/sample" "$work/content" "$offers" >/dev/null
echo "hsds_offers_yaml_mib $(du -b "$work/content/offers.yaml" | awk '{ printf "%.1f", $1 / 1048576 }')"
echo "hsds_offers $(grep -c '^- id: ' "$work/content/offers.yaml")"

# measure NAME COMMAND...: prints NAME_ms and NAME_peak_mib from /usr/bin/time -v.
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>&1 || { cat "$work/$name.out" >&2; exit 1; }
  awk -v n="$name" -F': ' '
    /Elapsed \(wall clock\)/ { split($2, t, ":"); s = (length(t) == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]
                               printf "%s_ms %d\n", n, s * 1000 }
    /Maximum resident set size/ { printf "%s_peak_mib %.1f\n", n, $2 / 1024 }' "$work/$name.time"
}

measure build_db "$KIOSK" --content "$work/content" --data-dir "$work/data" --build-db
measure export_json "$PACK" hsds-export "$work/content" -o "$work/json"
measure export_csv "$PACK" hsds-export "$work/content" -o "$work/csv" --format csv
measure import_json "$PACK" hsds-import "$work/json" -o "$work/imported"
measure import_csv "$PACK" hsds-import "$work/csv" -o "$work/imported-csv"
echo "import_json_content_check_ms $(grep -o 'the content check [0-9.]*' "$work/import_json.out" | awk '{ printf "%d", $4 * 1000 }')"
echo "hsds_json_mib $(du -sb "$work/json" | awk '{ printf "%.1f", $1 / 1048576 }')"
echo "hsds_imported_offers $(grep -c '^- id: ' "$work/imported/offers.yaml")"
