#!/usr/bin/env bash
# Benchmark of the spoken explanations: time from the tap on "Anhören" to the first audible
# sample leaving the mixer (the kiosk logs it), with SDL's disk audio driver paced in real time
# (512-frame buffers, 11.6 ms each, as on a sound card). The file's own leading silence counts.
# Prints figures, asserts nothing. BENCH_QUICK=1: a short smoke run for the test suite.
source "$(dirname "$0")/../e2e/lib.sh"
start_display 1920x1080
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$work/out.raw"

taps=$([[ ${BENCH_QUICK:-0} == 1 ]] && echo 3 || echo 20)
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

kiosk --list offers >/dev/null  # build the database first
{
  for _ in $(seq "$taps"); do
    printf 'tap "Anhören"\nwait 400\ntap "Stopp"\nwait 200\n'
  done
} >"$work/taps.replay"
kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/taps.replay" || fail "the listening script failed"
grep -o 'first audible sample [0-9.]* ms after the tap' "$work/kiosk.log" | awk '{ print $4 }' >"$work/latency.txt"
[[ $(wc -l <"$work/latency.txt") -eq $taps ]] || fail "expected $taps latency lines, got $(wc -l <"$work/latency.txt")"
echo "tap_to_sound_ms_median $(median <"$work/latency.txt")"
echo "tap_to_sound_ms_max $(sort -n "$work/latency.txt" | tail -n1)"

# The same after a quiet moment: the device closed after two seconds without sound (so that an idle
# kiosk uses no CPU), and each tap opens it again.
quiet_taps=$([[ ${BENCH_QUICK:-0} == 1 ]] && echo 2 || echo 8)
for _ in $(seq "$quiet_taps"); do printf 'tap "Anhören"\nwait 400\ntap "Stopp"\nwait 2600\n'; done >"$work/quiet.replay"
: >"$work/kiosk.log"
kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/quiet.replay" || fail "the listening script failed"
grep -o 'first audible sample [0-9.]* ms after the tap' "$work/kiosk.log" | awk '{ print $4 }' >"$work/quiet.txt"
echo "tap_to_sound_after_quiet_ms_median $(median <"$work/quiet.txt")"
echo "tap_to_sound_after_quiet_ms_max $(sort -n "$work/quiet.txt" | tail -n1)"

# The same file's own leading silence, for comparison (part of the figure above).
file="$SOURCE_DIR/content/sample/audio/de/kindergeld.ogg"
lead=$(sox "$file" -t raw -e signed -b 16 -c 1 -r 44100 - trim 0 0.5 2>/dev/null |
  od -An -v -td2 -w2 | awk '{ v = $1 < 0 ? -$1 : $1; if (v >= 64 && !found) { print NR - 1; found = 1 } }' || true)
echo "file_leading_silence_ms $(awk -v n="${lead:-0}" 'BEGIN { printf "%.1f", n * 1000 / 44100 }')"
