#!/usr/bin/env bash
# The real importer, `familienkiosk --import`, killed with SIGKILL at 70 moments spread over a whole
# import (and a little beyond it, since a loaded machine stretches an import). After each, the next start finds exactly the old or exactly the new content and says which
# (`--content-status`, `--list offers`), has removed what the import left, and the import can simply
# be done again. (test_pack kills the import library at each of its progress reports besides.)
# Needs PACK (kiosk-pack), KIOSK (familienkiosk) and SAMPLE (content/sample, with its audio).
set -uo pipefail
work=$(mktemp -d "${TMPDIR:-/var/tmp}/import-crash.XXXXXX") && trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
kiosk() { "$KIOSK" --data-dir "$1" --trusted-keys "$work/keys" "${@:2}"; }

# Two packs whose first offer differs in its title; some 10 MB of sound, so an import takes a while.
cp -r "$SAMPLE" "$work/source"
find "$work/source/audio" -name '*.ogg' | sort | head -40 | while read -r f; do head -c 200000 /dev/urandom >>"$f"; done
"$PACK" keygen -o "$work/key" >/dev/null && mkdir "$work/keys" && cp "$work/key.pub" "$work/keys/"
"$PACK" build "$work/source" -o "$work/old.kpack" --key "$work/key" --version 1 >/dev/null || fail "cannot build old pack"
old_title=$(kiosk "$work/none" --content "$work/source" --list offers | head -1 | cut -f2)
[[ -n $old_title ]] || fail "no offers listed"
sed -i "0,/de: \"$old_title\"/s//de: \"Neuer Titel\"/" "$work/source/offers.yaml"
"$PACK" build "$work/source" -o "$work/new.kpack" --key "$work/key" --version 2 >/dev/null || fail "cannot build new pack"
kiosk "$work/pristine" --import "$work/old.kpack" >/dev/null || fail "cannot import the old pack"

# How long a whole import takes here.
cp -a "$work/pristine" "$work/data"
start=$(date +%s%N)
kiosk "$work/data" --import "$work/new.kpack" >/dev/null || fail "the new pack does not import"
duration_ns=$(($(date +%s%N) - start))
echo "a whole import takes $((duration_ns / 1000000)) ms"

old=0 new=0 points=70
for ((point = 1; point <= points; point++)); do
  rm -rf "$work/data" && cp -a "$work/pristine" "$work/data"
  "$KIOSK" --data-dir "$work/data" --trusted-keys "$work/keys" --import "$work/new.kpack" >/dev/null 2>&1 &
  pid=$!  # the importer itself, not a subshell around it
  # Moments up to 1.4 times the measured import; the last point, if no kill has yet come after the
  # switch (a busy machine), waits three times as long.
  stretch=1.4
  ((point == points && new == 0)) && stretch=3
  sleep "$(awk -v ns="$duration_ns" -v i="$point" -v n="$points" -v f="$stretch" 'BEGIN { printf "%.4f", ns * f * i / n / 1e9 }')"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null

  # The next start.
  first=$(kiosk "$work/data" --list offers 2>"$work/err" | head -1 | cut -f2)
  status=$(kiosk "$work/data" --content-status) || fail "point $point: --content-status failed"
  version=$(sed -n 's/^Active: version \([0-9]*\).*/\1/p' <<<"$status")
  case "$version:$first" in
    "1:$old_title") old=$((old + 1)) ;;
    "2:Neuer Titel") new=$((new + 1)) ;;
    *) cat "$work/err" >&2; fail "point $point: version '$version' with first offer '$first'" ;;
  esac
  leftovers=$(find "$work/data" -maxdepth 1 \( -name 'staging-*' -o -name 'trash-*' -o -name 'current.new-*' \))
  [[ -z $leftovers ]] || fail "point $point: the next start left $leftovers"
  # Every file of the active version is whole (the BLAKE2b-256 its signed manifest names), none extra.
  (cd "$work/data/current" && paste - - < <(sed -n 's/.*"path": "\(.*\)",/\1/p; s/.*"blake2b": "\(.*\)"/\1/p' manifest.json) |
    awk -F'\t' '{ print $2 "  " $1 }' >"$work/sums" && b2sum -l 256 --quiet -c "$work/sums" &&
    [[ $(find content -type f | wc -l) == $(wc -l <"$work/sums") ]]) || fail "point $point: the active version is not whole"
  # And the import can be done again (checked at every fifth point, for time).
  ((point % 5 == 0)) || continue
  if [[ $version == 1 ]]; then kiosk "$work/data" --import "$work/new.kpack" >/dev/null || fail "point $point: import again failed"; fi
  [[ $(kiosk "$work/data" --content-status | sed -n 's/^Active: version \([0-9]*\).*/\1/p') == 2 ]] ||
    fail "point $point: not on version 2 after importing again"
done
echo "$points kill points: $old found the old content, $new the new"
((old > 0 && new > 0)) || fail "the kill points did not cover both sides of the switch"
echo "import crash: all checks passed"
