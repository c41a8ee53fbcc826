#!/usr/bin/env bash
# Under systemd with WatchdogSec=, the kiosk reports READY=1 once its first frame is up and keeps
# sending WATCHDOG=1 while it sits idle on the attract screen (where it otherwise sleeps for an
# hour), so systemd restarts it only when it really froze. socat stands in for systemd's socket.
source "$(dirname "$0")/lib.sh"
start_display 1280x720

socat -u UNIX-RECV:"$work/notify" OPEN:"$work/received",creat,append &
socat_pid=$!
for _ in $(seq 50); do [[ -S "$work/notify" ]] && break; sleep 0.1; done
[[ -S "$work/notify" ]] || fail "socat did not open the notification socket"

# A watchdog of 2 s: the loop must report at least every second, also while nothing happens.
NOTIFY_SOCKET="$work/notify" WATCHDOG_USEC=2000000 kiosk --open attract --window 1280x720 &
kiosk_pid=$!
for _ in $(seq 100); do grep -q 'READY=1' "$work/received" 2>/dev/null && break; sleep 0.1; done
grep -q 'READY=1' "$work/received" || fail "the kiosk did not report READY=1"
ticks_before=$(awk '{ print $14 + $15 }' "/proc/$kiosk_pid/stat")
pings_before=$(grep -o 'WATCHDOG=1' "$work/received" | wc -l)
sleep 6
pings=$(( $(grep -o 'WATCHDOG=1' "$work/received" | wc -l) - pings_before ))
ticks=$(( $(awk '{ print $14 + $15 }' "/proc/$kiosk_pid/stat") - ticks_before ))
kill "$kiosk_pid"
wait "$kiosk_pid" 2>/dev/null || true
kill "$socat_pid" 2>/dev/null || true

echo "idle 6 s with a 2 s watchdog: $pings WATCHDOG=1, CPU $((ticks * 1000 / $(getconf CLK_TCK))) ms"
# Every second at the latest means at least 6 in 6 s; allow for a slow machine's first turn.
(( pings >= 5 )) || fail "only $pings WATCHDOG=1 in 6 idle seconds: systemd would kill an idle kiosk"
(( $(grep -o 'READY=1' "$work/received" | wc -l) == 1 )) || fail "READY=1 not exactly once"
pass "READY=1 after the first frame and WATCHDOG=1 every second or sooner while idle"
