#!/usr/bin/env bash
# Content from a USB stick: the running kiosk notices a stick (a real mount when root may mount,
# else a folder given with --usb-root), imports the newest signed pack behind a calm progress
# screen, says what came in and that the stick can be removed, and shows the new content. A pack
# signed by an unknown key is refused in plain German words and the content in use stays as it was.
source "$(dirname "$0")/lib.sh"
start_display

pack_tool="$(dirname "$KIOSK")/../content/kiosk-pack"
[[ -x "$pack_tool" ]] || fail "kiosk-pack not found beside familienkiosk ($pack_tool)"
mkdir -p "$work/keys" "$work/stick" "$work/data"
"$pack_tool" keygen -o "$work/admin" >/dev/null
"$pack_tool" keygen -o "$work/stranger" >/dev/null
cp "$work/admin.pub" "$work/keys/"
cp -r "$SOURCE_DIR/content/sample" "$work/source"
rm -rf "$work/source/audio"  # a small pack; sound is tested elsewhere
sed -i 's/^    de: "Kindergeld"$/    de: "Kindergeld (neu)"/' "$work/source/offers.yaml"
grep -q "Kindergeld (neu)" "$work/source/offers.yaml" || fail "could not change the sample's Kindergeld title"
"$pack_tool" build "$work/source" -o "$work/inhalt-5.kpack" --key "$work/admin" --version 5 >/dev/null ||
  fail "kiosk-pack build failed"
"$pack_tool" build "$work/source" -o "$work/fremd-9.kpack" --key "$work/stranger" --version 9 >/dev/null ||
  fail "kiosk-pack build (stranger) failed"
kiosk_usb() {
  "$KIOSK" --data-dir "$work/data" --trusted-keys "$work/keys" --now 2026-11-26T10:00 --window 1920x1080 "$@" \
    2>>"$work/kiosk.log"
}

# No fixed waits: each `expect` waits for the kiosk to notice the stick and check its pack (up to
# 2 min, a hang guard; a busy machine once took longer than a fixed 3 s to notice a FAT mount).
cat >"$work/forged.replay" <<SCRIPT
expect "Inhalte nicht übernommen" 120
expect "Der Kiosk zeigt weiter die bisherigen Inhalte."
expect "Bitte geben Sie den Stick der Person"
expect "dem dieser Kiosk nicht vertraut"
expect "Sie können den USB-Stick jetzt abziehen."
tap 960 540
expect-not "Inhalte nicht übernommen"
SCRIPT
cat >"$work/good.replay" <<SCRIPT
expect "Neue Inhalte übernommen" 120
expect "Version 5"
expect "Sie können den USB-Stick jetzt abziehen."
tap 960 540
tap 960 540
tap "Baby"
tap "Geld und Leistungen"
expect "Kindergeld (neu)"
SCRIPT

# 1. A forged pack (signed by a key the kiosk does not trust) changes nothing.
kiosk_usb --list offers >/dev/null  # the first start builds the database from the configured source
cp "$work/fremd-9.kpack" "$work/stick/"
# (The usage statistics are no content: the kiosk counts in the data folder whatever comes; nor
# is content-drawn, which names the content a first frame was drawn from, see content/start_guard.)
unchanged() { find "$work/data" -type f ! -name 'statistics.sqlite*' ! -name content-drawn ! -name start-trial -exec sha256sum {} + | sort; }
before=$(unchanged)
kiosk_usb --usb-root "$work/stick" --replay "$work/forged.replay" || fail "a forged pack was not refused as expected"
grep -q "refused" "$work/kiosk.log" || fail "the log does not say the pack was refused"
after=$(unchanged)
[[ "$before" == "$after" ]] || fail "a refused pack changed the data folder: $(diff <(echo "$before") <(echo "$after"))"
pass "a pack signed by an unknown key is refused in plain words; the data folder is unchanged"
rm "$work/stick/fremd-9.kpack"

# 2. A real stick: a FAT32 file system image (made with mtools, as a stick comes from the shop) with the
#    pack in its familienkiosk/ folder, mounted read-only through fusefat while the kiosk runs (the
#    kernel here has no vfat driver). Where FUSE mounts are not permitted, a tmpfs bind mount; where
#    mounting is not permitted at all, the same through --usb-root.
mkdir -p "$work/media" "$work/tmpfs"
mounted_stick() {  # $1: how to mount; the kiosk must notice the mount that appears after it started
  # The mount appears once the kiosk is running (its first frame), however long a busy machine takes.
  local frames
  frames=$(grep -c 'first frame' "$work/kiosk.log" 2>/dev/null || true)
  ( for _ in $(seq 600); do (($(grep -c 'first frame' "$work/kiosk.log" 2>/dev/null || true) > ${frames:-0})) && break; sleep 0.1; done
    sleep 0.5; "$@" ) &
  local mounter=$!
  kiosk_usb --usb-mounts-under "$work" --replay "$work/good.replay"
  local status=$?
  wait "$mounter"
  grep -q "usb: $work/media arrived" "$work/kiosk.log" || { echo "the kiosk did not notice the mount" >&2; status=1; }
  return $status
}
truncate -s 64M "$work/stick.img"
if [[ $EUID == 0 ]] && command -v fusefat >/dev/null && mformat -i "$work/stick.img" -F -T 131072 -h 64 -s 32 -v STICK :: &&
  mmd -i "$work/stick.img" ::/familienkiosk && mcopy -i "$work/stick.img" "$work/inhalt-5.kpack" ::/familienkiosk/ &&
  fusefat -o ro "$work/stick.img" "$work/media" 2>/dev/null && fusermount -u "$work/media"; then
  mounted_stick fusefat -o ro "$work/stick.img" "$work/media" || { fusermount -u "$work/media"; fail "the FAT stick's pack was not imported"; }
  fusermount -u "$work/media"
  how="a FAT32 stick mounted through fusefat"
elif mount -t tmpfs -o size=64m none "$work/tmpfs" 2>/dev/null; then
  cp "$work/inhalt-5.kpack" "$work/tmpfs/"
  mounted_stick mount --bind "$work/tmpfs" "$work/media" || { umount "$work/media" "$work/tmpfs" 2>/dev/null; fail "the mounted stick's pack was not imported"; }
  umount "$work/media" "$work/tmpfs"
  how="a tmpfs mount (FUSE is not permitted here)"
else
  echo "mounting is not permitted here: using --usb-root instead"
  cp "$work/inhalt-5.kpack" "$work/stick/"
  kiosk_usb --usb-root "$work/stick" --replay "$work/good.replay" || fail "the stick's pack was not imported"
  how="--usb-root"
fi
"$KIOSK" --data-dir "$work/data" --content-status 2>/dev/null | grep -q "version 5" || fail "--content-status does not show version 5"
pass "the kiosk noticed the stick ($how), imported version 5 and shows its new content"

# 3. The next start runs on the imported content.
cat >"$work/restart.replay" <<SCRIPT
tap "Baby"
tap "Geld und Leistungen"
expect "Kindergeld (neu)"
SCRIPT
kiosk_usb --open home --replay "$work/restart.replay" || fail "after a restart the imported content is not in use"
pass "after a restart the kiosk runs on the imported content"
