#!/usr/bin/env bash
# The Debian package: CPack builds it from this build tree; it holds the binary, the sample content
# with its sound, the systemd unit and the default configuration, depends on what the kiosk needs
# at run time, and the binary unpacked from it (dpkg -x) runs on its own installed files.
source "$(dirname "$0")/lib.sh"
: "${BUILD_DIR:?BUILD_DIR must name the build tree}"

cpack --config "$BUILD_DIR/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(ls "$work"/package/familienkiosk_*.deb 2>/dev/null | head -n1)
[[ -f "$deb" ]] || fail "no familienkiosk_*.deb in $work/package"
echo "built $(basename "$deb"), $(( $(stat -c %s "$deb") / 1024 )) KiB"

dpkg-deb -c "$deb" >"$work/listing"
awk '{ print $6 }' "$work/listing" >"$work/contents"
for file in ./usr/bin/familienkiosk ./usr/bin/familienkiosk-print ./lib/systemd/system/familienkiosk.service ./lib/udev/rules.d/90-familienkiosk-usb.rules \
            ./etc/familienkiosk/config.yaml \
            ./etc/familienkiosk/keys/ ./usr/share/familienkiosk/sample-content/offers.yaml \
            ./usr/share/familienkiosk/sample-content/audio/de/home.ogg ./usr/share/doc/familienkiosk/README.md \
            ./usr/bin/familienkiosk-editor ./usr/share/applications/familienkiosk-editor.desktop \
            ./usr/share/familienkiosk/make-audio; do
  grep -Fxq "$file" "$work/contents" || fail "the package lacks $file"
done
grep -q 'rwxr-xr-x.* ./usr/bin/familienkiosk$' "$work/listing" || fail "familienkiosk is not executable in the package"
grep -q 'rwxr-xr-x.* ./usr/bin/familienkiosk-print$' "$work/listing" || fail "the print helper is not executable in the package"

depends=$(dpkg-deb -f "$deb" Depends)
for package in cage xwayland seatd libglfw3 libsystemd0 fonts-dejavu-core; do
  grep -q "\b$package\b" <<<"$depends" || fail "the package does not depend on $package: $depends"
done
dpkg-deb -e "$deb" "$work/control"
grep -Fxq /etc/familienkiosk/config.yaml "$work/control/conffiles" || fail "config.yaml is not a conffile (an update would overwrite it)"
[[ -x "$work/control/postinst" ]] || fail "no executable postinst (it creates the kiosk's user)"

# The unit as systemd reads it (when systemd-analyze is there), pointed at the unpacked binary.
dpkg -x "$deb" "$work/root"
root="$work/root"
if command -v systemd-analyze >/dev/null; then
  sed "s|/usr/bin/familienkiosk|$root/usr/bin/familienkiosk|" "$root/lib/systemd/system/familienkiosk.service" \
    >"$work/familienkiosk.service"
  # It only warns about unknown keys, so any output is a fault.
  systemd-analyze verify "$work/familienkiosk.service" >"$work/verify.log" 2>&1 && [[ ! -s "$work/verify.log" ]] \
    || { cat "$work/verify.log" >&2; fail "systemd-analyze finds fault with the unit"; }
fi

[[ "$("$root/usr/bin/familienkiosk" --version)" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "the unpacked familienkiosk --version does not print a version"

# Without a configuration the unpacked binary takes the content beside it, not this source tree's.
"$root/usr/bin/familienkiosk" --data-dir "$work/data" --list offers >"$work/offers" 2>"$work/kiosk.log" \
  || fail "the unpacked kiosk cannot list its offers"
grep -q "from $root/usr/share/familienkiosk/sample-content" "$work/kiosk.log" \
  || fail "the unpacked kiosk did not read its own sample content"
[[ -s "$work/offers" ]] || fail "the unpacked kiosk lists no offers"

# Printing goes through the print helper installed beside the kiosk, which alone loads the
# printing libraries.
"$root/usr/bin/familienkiosk" --data-dir "$work/data" --print "offer:$(head -n1 "$work/offers" | cut -f1)" \
  --slip-pdf "$work/slip.pdf" >/dev/null 2>>"$work/kiosk.log" || fail "the unpacked kiosk wrote no slip through its print helper"
[[ "$(head -c 4 "$work/slip.pdf")" == "%PDF" ]] || fail "the unpacked print helper wrote no PDF"
if ldd "$root/usr/bin/familienkiosk" | grep -E 'lib(cups|cairo|pango[a-z0-9]*|gnutls)[.-]'; then
  fail "the kiosk itself links printing libraries (above); only familienkiosk-print should"
fi

# The packaged configuration is valid as shipped (its folders moved into the unpacked tree).
sed -e "s|/usr/share|$root/usr/share|; s|/etc/familienkiosk|$root/etc/familienkiosk|; s|/var/lib/familienkiosk|$work/var|" \
  "$root/etc/familienkiosk/config.yaml" >"$work/config.yaml"
start_display 1280x720
"$root/usr/bin/familienkiosk" --config "$work/config.yaml" --window 1280x720 --now 2026-11-26T10:00 \
  --screenshot "$work/screen.png" 2>>"$work/kiosk.log" || fail "the unpacked kiosk with the packaged configuration did not start"
[[ "$(png_size "$work/screen.png")" == 1280x720 ]] || fail "no screenshot from the unpacked kiosk"
pass "the package holds the kiosk, its content, unit and configuration, and runs from its own files"
