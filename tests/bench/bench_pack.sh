#!/usr/bin/env bash
# Benchmark of a content-pack import: a generated content of 2,000 offers in 6 languages with
# 300 MB of media (the sample's Ogg files in turn, each copy made unique by random bytes after
# its last page, so nothing compresses away), packed and signed by kiosk-pack, imported
# by `familienkiosk --import` (with the pack's ready database, and a pack without one, whose
# database the kiosk builds from the YAML), beside `tar -x` and `tar -x && sync` of the same pack's
# bytes on the same disk, in turns, BENCH_RUNS times (default 3). Prints the times and their
# ratios; asserts nothing. BENCH_QUICK=1: 200 offers, 30 MB.
set -euo pipefail
: "${KIOSK:?KIOSK must name the familienkiosk binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"
pack_tool="$(dirname "$KIOSK")/../content/kiosk-pack"
work=$(mktemp -d "${TMPDIR:-/var/tmp}/bench-pack.XXXXXX")
trap 'rm -rf "$work"' EXIT

quick=${BENCH_QUICK:-0}
offers=$([[ $quick == 1 ]] && echo 200 || echo 2000)
media_mb=$([[ $quick == 1 ]] && echo 30 || echo 300)
languages=(de en tr ar uk ru)

# The content: the sample's life stages, topics and network; one provider per 10 offers.
src="$work/source"
mkdir -p "$src/audio"
cp "$SOURCE_DIR"/content/sample/{life_stages,topics,network}.yaml "$src/"
mapfile -t oggs < <(find "$SOURCE_DIR/content/sample/audio" -name '*.ogg' | sort)
((${#oggs[@]} > 0)) || { echo "no sample audio: build first (scripts/make-audio)" >&2; exit 1; }
ogg_bytes=$(($(cat "${oggs[@]}" | wc -c) / ${#oggs[@]}))
made=0
tail_bytes=65536
media_files=$(((media_mb * 1024 * 1024 + ogg_bytes + tail_bytes - 1) / (ogg_bytes + tail_bytes)))
media() {
  cp "${oggs[made % ${#oggs[@]}]}" "$1" && head -c "$tail_bytes" /dev/urandom >>"$1"
  made=$((made + 1))
}
tail_text="Beratung und Hilfe für Familien im Landkreis Esslingen"  # inline, not $(…): a fork each is slow
{
  for ((p = 0; p < offers / 10; p++)); do
    echo "- id: anbieter-$p"
    echo "  name:"
    for l in "${languages[@]}"; do echo "    $l: \"Anbieter $p ($l): $tail_text\""; done
    echo "  address: {street: \"Marktplatz $p\", postal_code: \"73728\", municipality: \"Esslingen am Neckar\"}"
    echo "  location: [48.74, 9.31]"
    echo "  phone: \"0711 3902-$p\""
    echo "  opening_hours: \"Mo-Fr 08:00-12:00\""
    echo "  sample: true"
  done
} >"$src/providers.yaml"
{
  for ((o = 0; o < offers; o++)); do
    echo "- id: angebot-$o"
    for field in title summary description; do
      echo "  $field:"
      for l in "${languages[@]}"; do echo "    $l: \"$field $o ($l): $tail_text\""; done
    done
    echo "  life_stages: [baby]"
    echo "  topics: [counselling]"
    echo "  provider: anbieter-$((o / 10))"
    echo "  url: https://www.familienkiosk-beispiel.de/angebote/$o"
    if ((o < media_files)); then
      echo "  audio:"
      echo "    de: audio/$o.ogg"
      media "$src/audio/$o.ogg"
    fi
    echo "  sample: true"
  done
} >"$src/offers.yaml"
for ((o = offers; o < media_files; o++)); do media "$src/audio/extra-$o.ogg"; done

"$pack_tool" keygen -o "$work/key" >/dev/null
mkdir -p "$work/keys" && cp "$work/key.pub" "$work/keys/"
start=$(date +%s%N)
"$pack_tool" build "$src" -o "$work/bench-1.kpack" --key "$work/key" --version 1 >/dev/null
build_ms=$((($(date +%s%N) - start) / 1000000))
# The same content without the ready database: the kiosk builds it from the YAML (as before).
"$pack_tool" build "$src" -o "$work/yaml-1.kpack" --key "$work/key" --version 1 --without-database >/dev/null
pack_mb=$(awk -v b="$(stat -c %s "$work/bench-1.kpack")" 'BEGIN { printf "%.0f", b / 1048576 }')
yaml_pack_mb=$(awk -v b="$(stat -c %s "$work/yaml-1.kpack")" 'BEGIN { printf "%.0f", b / 1048576 }')

ms() { local s; s=$(date +%s%N); "$@" >/dev/null; echo $((($(date +%s%N) - s) / 1000000)); }
ratio() { awk -v i="$1" -v t="$2" 'BEGIN { printf "%.2f", i / (t > 0 ? t : 1) }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
import_into() { rm -rf "$work/data" && sync && ms "$KIOSK" --data-dir "$work/data" --trusted-keys "$work/keys" --import "$1"; }
# Side by side, in turns, on the same disk: the import (the pack's ready database), the import
# building the database from the YAML, `tar -x` of the same pack, and `tar -x` followed by `sync`
# (the bytes on disk afterwards, as the import must have them: a power cut may come).
runs=${BENCH_RUNS:-$([[ $quick == 1 ]] && echo 1 || echo 3)}
: >"$work/import.txt" && : >"$work/yaml.txt" && : >"$work/tar.txt" && : >"$work/tar_sync.txt"
for ((r = 1; r <= runs; r++)); do
  import_ms=$(import_into "$work/bench-1.kpack")
  yaml_ms=$(import_into "$work/yaml-1.kpack")
  rm -rf "$work/untar" && mkdir "$work/untar" && sync
  tar_ms=$(ms tar -x -f "$work/bench-1.kpack" -C "$work/untar")
  rm -rf "$work/untar" && mkdir "$work/untar" && sync
  tar_sync_ms=$(ms sh -c 'tar -x -f "$1" -C "$2" && sync -f "$2"' sh "$work/bench-1.kpack" "$work/untar")
  echo "$import_ms" >>"$work/import.txt" && echo "$yaml_ms" >>"$work/yaml.txt"
  echo "$tar_ms" >>"$work/tar.txt" && echo "$tar_sync_ms" >>"$work/tar_sync.txt"
  echo "run $r: import ${import_ms} ms, import from YAML ${yaml_ms} ms, tar -x ${tar_ms} ms, tar -x && sync ${tar_sync_ms} ms:" \
    "$(ratio "$import_ms" "$tar_sync_ms")x (from YAML $(ratio "$yaml_ms" "$tar_sync_ms")x)"
done
import_ms=$(median <"$work/import.txt")
yaml_ms=$(median <"$work/yaml.txt")
tar_ms=$(median <"$work/tar.txt")
tar_sync_ms=$(median <"$work/tar_sync.txt")

echo "pack_offers $offers"
echo "pack_languages ${#languages[@]}"
echo "pack_size_mib $pack_mb"
echo "pack_size_without_database_mib $yaml_pack_mb"
echo "pack_build_ms $build_ms"
echo "pack_runs $runs (medians below)"
echo "pack_import_ms $import_ms"
echo "pack_import_from_yaml_ms $yaml_ms"
echo "pack_tar_x_ms $tar_ms"
echo "pack_tar_x_sync_ms $tar_sync_ms"
echo "pack_import_to_tar_ratio $(ratio "$import_ms" "$tar_ms")"
echo "pack_import_to_tar_sync_ratio $(ratio "$import_ms" "$tar_sync_ms")"
echo "pack_import_from_yaml_to_tar_sync_ratio $(ratio "$yaml_ms" "$tar_sync_ms")"
