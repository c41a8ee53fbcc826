#!/usr/bin/env bash
# The kiosk session of a kiosk PC: familienkiosk full screen under cage (wlroots' headless
# back-end, software rendering), through Xwayland, as an unprivileged user, as systemd starts it
# (NOTIFY_SOCKET, WATCHDOG_PID naming cage). Checks that it draws its first screen, that clicks
# through Xwayland reach it (attract -> Baby -> first offer, whose QR code is then on screen), and
# that systemd would hear READY=1 and WATCHDOG=1 from it although cage is the service's process,
# that no key combination leaves it, and that cage ends when the kiosk does.
source "$(dirname "$0")/lib.sh"
if ((EUID != 0)); then
  echo "SKIP: cage refuses to run as root and this test needs root to run it as the user kiosktest"
  exit 77
fi
command -v cage >/dev/null && command -v Xwayland >/dev/null || fail "cage and xwayland are not installed (scripts/install-deps test)"
id kiosktest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin kiosktest

# A folder of the user's own, with its XDG_RUNTIME_DIR (the Wayland socket).
chmod 755 "$work"
home="$work/kiosktest"
mkdir -p "$home/run"
chown -R kiosktest: "$home"
chmod 700 "$home/run"
as_user() { runuser -u kiosktest -- env XDG_RUNTIME_DIR="$home/run" "$@"; }

# A build tree the unprivileged user cannot reach (a clone under /root, mode 700): the kiosk runs
# from a copy laid out as an installed package (PREFIX/bin, PREFIX/share/familienkiosk with the
# assets and the sample content, without its audio), which it finds as it does when installed.
if ! as_user test -x "$KIOSK" || ! as_user test -r "$SOURCE_DIR/assets"; then
  prefix="$home/prefix"
  mkdir -p "$prefix/bin" "$prefix/share/familienkiosk/sample-content"
  cp "$KIOSK" "$prefix/bin/familienkiosk"
  cp -a "$SOURCE_DIR/assets" "$prefix/share/familienkiosk/assets"
  tar -C "$SOURCE_DIR/content/sample" --exclude=./audio -cf - . | tar -C "$prefix/share/familienkiosk/sample-content" -xf -
  chown -R kiosktest: "$prefix"
  KIOSK="$prefix/bin/familienkiosk"
  echo "the build tree is not readable by kiosktest: running an installed-style copy in $prefix"
fi

cat >"$home/session.sh" <<SCRIPT
#!/bin/sh
# Started by cage: note Xwayland's display, then become the kiosk.
echo "\$\$" >"$home/kiosk.pid"
echo "\$DISPLAY" >"$home/display"
exec "$KIOSK" --data-dir "$home/data" --now 2026-11-26T10:00 --open attract 2>>"$home/kiosk.log"
SCRIPT
chmod 755 "$home/session.sh"

socat -u UNIX-RECV:"$home/notify" OPEN:"$work/received",creat,append &
socat_pid=$!
for _ in $(seq 50); do [[ -S "$home/notify" ]] && break; sleep 0.1; done
chmod 666 "$home/notify"  # the kiosk's user sends to it
# As systemd would start the unit: the watchdog is cage's (WATCHDOG_PID is the shell that becomes cage).
as_user NOTIFY_SOCKET="$home/notify" WATCHDOG_USEC=4000000 WLR_BACKENDS=headless WLR_RENDERER=pixman \
  WLR_LIBINPUT_NO_DEVICES=1 LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null \
  sh -c "export WATCHDOG_PID=\$\$; exec cage -d -- '$home/session.sh'" >"$work/cage.log" 2>&1 &
cage_pid=$!
trap 'kill $cage_pid $socat_pid 2>/dev/null; cleanup' EXIT  # runuser passes it on to cage
for _ in $(seq 600); do [[ -s "$home/display" ]] && break; sleep 0.1; done
[[ -s "$home/display" ]] || { cat "$work/cage.log" >&2; fail "cage did not start the kiosk"; }
x() { as_user env DISPLAY="$(cat "$home/display")" "$@"; }
window=""
for _ in $(seq 600); do
  window=$(x xdotool search --name Familienkiosk 2>/dev/null | head -n1) && [[ -n "$window" ]] && break
  sleep 0.1
done
[[ -n "$window" ]] || { cat "$work/cage.log" "$home/kiosk.log" >&2; fail "no kiosk window on Xwayland"; }
# Waits for what it needs, not for a fixed time: a loaded machine takes seconds to a first frame.
for _ in $(seq 600); do grep -q 'first frame' "$home/kiosk.log" && break; sleep 0.1; done
grep -q 'first frame' "$home/kiosk.log" || { cat "$home/kiosk.log" >&2; fail "the kiosk drew no first frame within 60 s"; }
sleep 0.5

shot() { x import -window "$window" "$home/$1.png" && cp "$home/$1.png" "$work/$1.png"; }
shot attract
size=$(png_size "$work/attract.png")
colours=$(convert "$work/attract.png" -format %k info:)
echo "under cage: window $size, first screen with $colours colours"
[[ "$size" == 1280x720 ]] || fail "the kiosk is not full screen on cage's 1280x720 output: $size"
((colours > 20)) || fail "the first screen under cage is blank ($colours colours)"

# Xwayland delivers XTest clicks as pointer events, as it does a touch screen's emulated pointer.
# Each click waits until the window changed (at most 10 s), so a slow frame cannot swallow the next click.
click() {
  x import -window "$window" "$home/before.png"
  x xdotool mousemove "$1" "$2" click 1
  for _ in $(seq 50); do
    sleep 0.2
    x import -window "$window" "$home/after.png"
    cmp -s "$home/before.png" "$home/after.png" || break
  done
  sleep 0.3
}
click 640 360   # attract
click 640 243   # the Baby tile
click 800 193   # the first offer card
expected=$(sqlite3 "$home/data/content.sqlite" \
  "SELECT coalesce((SELECT value || '/de/angebote/' || o.id || '/' FROM network
                    WHERE key = 'site_base_url' AND value != ''), o.url)
   FROM offer o JOIN offer_life_stage s ON s.offer_id = o.id
   WHERE s.life_stage_id = 'baby' ORDER BY o.position LIMIT 1")
for _ in $(seq 20); do
  shot offer
  codes=$(decode_qr "$work/offer.png")
  grep -Fxq "$expected" <<<"$codes" && break
  sleep 0.5
done
grep -Fxq "$expected" <<<"$codes" || fail "after clicks through Xwayland no QR code of $expected; decoded: $codes"

grep -q 'READY=1' "$work/received" || fail "no READY=1 from the kiosk under cage"
(( $(grep -o 'WATCHDOG=1' "$work/received" | wc -l) >= 2 )) || fail "no WATCHDOG=1 from the kiosk under cage"

# No way out by keyboard: the key combinations of desktops and X servers leave the kiosk where it is.
x xdotool key --window "$window" alt+F4 ctrl+alt+BackSpace ctrl+alt+F2 super ctrl+q ctrl+w Escape
sleep 1
kill -0 "$(cat "$home/kiosk.pid")" 2>/dev/null || fail "a key combination ended the kiosk"
x xdotool search --name Familienkiosk >/dev/null || fail "a key combination took the kiosk's window away"

# The kiosk ends (as on a crash): cage ends with it, so systemd sees the service stop and restarts it.
kill -TERM "$(cat "$home/kiosk.pid")"
for _ in $(seq 300); do kill -0 "$cage_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$cage_pid" 2>/dev/null && fail "cage kept running after the kiosk ended"
pass "under cage: first screen drawn, clicks through Xwayland reach the offer, systemd notified, no key leaves the kiosk, cage ends with it"
