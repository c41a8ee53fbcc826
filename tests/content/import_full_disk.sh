#!/usr/bin/env bash
# A content pack imported onto a full disk: `familienkiosk --import` refuses it in plain words
# ("is the disk full?"), the content in use stays exactly as it was, nothing of the attempt is
# left behind, and once there is room again the same pack imports. The data folder lives on a
# small tmpfs (needs the right to mount, as the kiosk's CI has; else the test is skipped).
# Needs PACK (kiosk-pack), KIOSK (familienkiosk) and SAMPLE (content/sample).
set -uo pipefail
work=$(mktemp -d "${TMPDIR:-/var/tmp}/import-full.XXXXXX")
cleanup() { umount "$work/disk" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
kiosk() { "$KIOSK" --data-dir "$work/disk/data" --trusted-keys "$work/keys" "$@"; }

mkdir -p "$work/disk"
mount -t tmpfs -o size=512m none "$work/disk" 2>/dev/null || { echo "SKIP: cannot mount a tmpfs here"; exit 77; }

# Two packs of the sample content whose first offer differs in its title.
cp -r "$SAMPLE" "$work/source"
"$PACK" keygen -o "$work/key" >/dev/null && mkdir "$work/keys" && cp "$work/key.pub" "$work/keys/"
"$PACK" build "$work/source" -o "$work/old.kpack" --key "$work/key" --version 1 >/dev/null || fail "cannot build old pack"
old_title=$("$KIOSK" --data-dir "$work/none" --content "$work/source" --list offers | head -1 | cut -f2)
sed -i "0,/de: \"$old_title\"/s//de: \"Neuer Titel\"/" "$work/source/offers.yaml"
"$PACK" build "$work/source" -o "$work/new.kpack" --key "$work/key" --version 2 >/dev/null || fail "cannot build new pack"
kiosk --import "$work/old.kpack" >/dev/null || fail "the old pack does not import"

# Fill the disk but for 1 MiB.
free_kib=$(df -k --output=avail "$work/disk" | tail -1)
fallocate -l $(((free_kib - 1024) * 1024)) "$work/disk/filler" 2>/dev/null ||
  head -c $(((free_kib - 1024) * 1024)) /dev/zero >"$work/disk/filler"
before=$(cd "$work/disk/data" && find . -type f -exec b2sum {} + | sort)

kiosk --import "$work/new.kpack" >"$work/out" 2>"$work/err" && fail "a pack was imported onto a full disk"
grep -q "is the disk full?" "$work/out" "$work/err" || { cat "$work/out" "$work/err" >&2; fail "the refusal does not say the disk is full"; }
status=$(kiosk --content-status) || fail "--content-status failed after the refusal"
grep -q "^Active: version 1" <<<"$status" || fail "the active version changed: $status"
[[ $(kiosk --list offers | head -1 | cut -f2) == "$old_title" ]] || fail "the content in use changed"
after=$(cd "$work/disk/data" && find . -type f ! -name history.log -exec b2sum {} + | sort)
[[ $(grep -v history.log <<<"$before") == "$after" ]] || fail "files of the data folder changed or stayed behind"
echo "PASS: refused on a full disk, in plain words; the content in use unchanged, nothing left behind"

rm "$work/disk/filler"
kiosk --import "$work/new.kpack" >/dev/null || fail "the pack does not import once there is room"
[[ $(kiosk --list offers | head -1 | cut -f2) == "Neuer Titel" ]] || fail "the new content is not in use"
echo "PASS: with room again the same pack imports"
