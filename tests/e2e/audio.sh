#!/usr/bin/env bash
# Spoken explanations through SDL's disk audio driver (raw 44.1 kHz S16 stereo into a file, read
# back with sox): --say plays a whole explanation; in the kiosk "Anhören" plays, moving elsewhere
# or the idle reset stops at once; a missing file hides the button, a corrupt one says so; the other
# screens' explanations (provider, urgent help) play; without a sound device the kiosk carries on silently.
source "$(dirname "$0")/lib.sh"
start_display
export SDL_AUDIODRIVER=disk

# Seconds of audio in a raw output file.
raw_seconds() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", b / (44100 * 4) }'; }
# Largest absolute amplitude (0..1) of a raw output file, optionally of its part from $2 to $3 seconds.
raw_peak() {
  local effects=()
  [[ $# -ge 3 ]] && effects=(trim "$2" "=$3")
  sox -t raw -r 44100 -e signed -b 16 -c 2 "$1" -n "${effects[@]}" stat 2>&1 | awk '/^Maximum amplitude/ { print $3 }'
}
# Seconds from the first to the last audible sample of a raw output file (silence cut at both ends:
# without real-time pacing the driver writes silence fast until the program exits, and on a busy
# machine it writes silence before the sound starts).
raw_audible_seconds() {
  sox -t raw -r 44100 -e signed -b 16 -c 2 "$1" -t raw - silence 1 0.01 0.2% reverse silence 1 0.01 0.2% reverse | wc -c |
    awk '{ printf "%.2f", $1 / (44100 * 4) }'
}
# Seconds of an audio file, as sox reads its header.
file_seconds() { soxi -D "$1"; }
louder_than() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }

audio_file="$SOURCE_DIR/content/sample/audio/de/kindergeld.ogg"
[[ -s "$audio_file" ]] || fail "the sample audio was not generated (scripts/make-audio runs in the build)"
expected=$(file_seconds "$audio_file")

# 1. --say: the whole explanation reaches the device, faster than real time with no delay.
SDL_DISKAUDIOFILE="$work/say.raw" SDL_DISKAUDIODELAY=0 kiosk --say offer:kindergeld || fail "--say failed"
got=$(raw_audible_seconds "$work/say.raw")
awk -v g="$got" -v e="$expected" 'BEGIN { exit !(g >= e - 0.5 && g <= e + 0.2) }' ||
  fail "--say wrote $got s of sound for a file of $expected s"
louder_than "$(raw_peak "$work/say.raw")" 0.1 || fail "--say wrote only silence"
pass "--say offer:kindergeld played $got s for a file of $expected s, not silent"

# The configured volume (0..10) sets how loud.
printf 'volume: 3\n' >"$work/quiet.yaml"
SDL_DISKAUDIOFILE="$work/quiet.raw" SDL_DISKAUDIODELAY=0 kiosk --config "$work/quiet.yaml" --say offer:kindergeld ||
  fail "--say at volume 3 failed"
loud=$(raw_peak "$work/say.raw")
quiet=$(raw_peak "$work/quiet.raw")
louder_than "$(awk -v l="$loud" 'BEGIN { print l * 0.5 }')" "$quiet" || fail "volume 3 is not quieter: peak $quiet against $loud"
pass "volume 3 plays quieter than 7 (peak $quiet against $loud)"

SDL_DISKAUDIOFILE="$work/say-en.raw" SDL_DISKAUDIODELAY=0 kiosk --say home --lang en || fail "--say home --lang en failed"
louder_than "$(raw_peak "$work/say-en.raw")" 0.1 || fail "--say home --lang en wrote only silence"
if kiosk --say offer:gibt-es-nicht 2>/dev/null; then fail "--say accepted an unknown offer"; fi
pass "--say home in English plays; an unknown offer is refused"

# 2. In the kiosk (real-time output): listen, then leave the screen: the sound stops at once.
cat >"$work/leave.replay" <<SCRIPT
tap "Anhören"
expect "Stopp"
wait 1500
tap "Start"
expect "Wie alt ist Ihr Kind?"
wait 1500
SCRIPT
log_lines=$(cat "$work/kiosk.log" 2>/dev/null | wc -l)
SDL_DISKAUDIOFILE="$work/leave.raw" kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/leave.replay" ||
  fail "listening and leaving did not go as expected"
# The log keeps what a receptionist needs, not what a family listened to.
! tail -n +$((log_lines + 1)) "$work/kiosk.log" | grep -q kindergeld ||
  fail "the log names what the family listened to: $(tail -n +$((log_lines + 1)) "$work/kiosk.log" | grep kindergeld)"
total=$(raw_seconds "$work/leave.raw")
louder_than "$(raw_peak "$work/leave.raw" 0 1.5)" 0.1 || fail "no sound while listening"
quiet_from=$(awk -v t="$total" 'BEGIN { printf "%.2f", t - 1.2 }')
peak_after=$(raw_peak "$work/leave.raw" "$quiet_from" "$total")
louder_than 0.01 "$peak_after" || fail "still sound after leaving the screen (peak $peak_after in the last 1.2 s)"
grep -q "first audible sample" "$work/kiosk.log" || fail "the kiosk did not log when the sound started"
pass "Anhören plays, Start stops it at once (last 1.2 s of $total s silent)"

# 3. The idle reset stops the sound, and the next family starts at the configured volume.
cat >"$work/idle.replay" <<SCRIPT
tap "Anhören"
expect "Stopp"
tap "Leiser"
wait 800
advance 120
expect "Bitte berühren Sie den Bildschirm"
wait 1500
SCRIPT
SDL_DISKAUDIOFILE="$work/idle.raw" kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/idle.replay" ||
  fail "the idle reset during an explanation did not go as expected"
total=$(raw_seconds "$work/idle.raw")
peak_after=$(raw_peak "$work/idle.raw" "$(awk -v t="$total" 'BEGIN { printf "%.2f", t - 1.2 }')" "$total")
louder_than 0.01 "$peak_after" || fail "still sound after the idle reset (peak $peak_after)"
pass "the idle reset silences the explanation"

# 4. Missing and corrupt files, in a copy of the sample content.
cp -r "$SOURCE_DIR/content/sample" "$work/content"
rm "$work/content/audio/de/elterngeld.ogg" "$work/content/audio/en/elterngeld.ogg"
rm "$work/content/audio/en/kinderzuschlag.ogg"
head -c 20000 /dev/urandom >"$work/content/audio/de/kindergeld.ogg"
kiosk_copy() { mkdir -p "$work/no-stick"; "$KIOSK" --content "$work/content" --data-dir "$work/data-copy" --now 2026-11-26T10:00 --usb-root "$work/no-stick" "$@" 2>>"$work/kiosk.log"; }
cat >"$work/broken.replay" <<SCRIPT
expect-not "Anhören"
tap "Start"
tap "Baby"
tap "Geld und Leistungen"
tap "Kindergeld"
tap "Anhören"
expect "Ton ist gerade nicht verfügbar"
expect-not "Stopp"
tap "Zurück"
expect "Kindergeld"
SCRIPT
SDL_DISKAUDIOFILE="$work/broken.raw" kiosk_copy --window 1920x1080 --open offer:elterngeld --replay "$work/broken.replay" || fail "missing or corrupt files broke the visit"
grep -q "audio/de/kindergeld.ogg" "$work/kiosk.log" || fail "the log does not name the corrupt file"
pass "no file: no button; a corrupt file: 'Ton ist gerade nicht verfügbar', the log names it, the kiosk goes on"

# English without its own recording falls back to the German one.
cat >"$work/fallback.replay" <<SCRIPT
tap "Listen"
expect "Stop"
wait 1500
SCRIPT
SDL_DISKAUDIOFILE="$work/fallback.raw" kiosk_copy --lang en --window 1920x1080 --open offer:kinderzuschlag --replay "$work/fallback.replay" || fail "no German fallback in English"
# The log names no sound a family played (privacy), so the sound card says it: "Stop" showed, and sound came.
louder_than "$(raw_peak "$work/fallback.raw")" 0.1 || fail "the fallback did not play the German file"
pass "an English screen without an English recording plays the German one"

# 5. The other screens' explanations, by file name alone (no entry in the content): a provider's
# (name, address, phone, weekly hours) plays whole with --say and in the kiosk, urgent help in
# Turkish plays its Turkish file, and a screen whose file is missing shows no button.
provider_file="$SOURCE_DIR/content/sample/audio/de/provider-familienkasse.ogg"
[[ -s "$provider_file" ]] || fail "the providers' audio was not generated (scripts/make-audio)"
SDL_DISKAUDIOFILE="$work/provider-say.raw" SDL_DISKAUDIODELAY=0 kiosk --say provider:familienkasse ||
  fail "--say provider:familienkasse failed"
got=$(raw_audible_seconds "$work/provider-say.raw"); expected=$(file_seconds "$provider_file")
awk -v g="$got" -v e="$expected" 'BEGIN { exit !(g >= e - 0.5 && g <= e + 0.2) }' ||
  fail "--say provider:familienkasse wrote $got s of sound for a file of $expected s"
cat >"$work/provider.replay" <<SCRIPT
expect "Familienkasse"
tap "Anhören"
expect "Stopp"
expect "Leiser"
wait 1500
tap "Hilfe sofort"
expect "Anhören"
wait 1000
SCRIPT
SDL_DISKAUDIOFILE="$work/provider.raw" kiosk --window 1080x1920 --open provider:familienkasse --replay "$work/provider.replay" ||
  fail "listening on the provider screen did not go as expected"
louder_than "$(raw_peak "$work/provider.raw" 0 1.5)" 0.1 || fail "no sound while listening on the provider screen"
total=$(raw_seconds "$work/provider.raw")
louder_than 0.01 "$(raw_peak "$work/provider.raw" "$(awk -v t="$total" 'BEGIN { printf "%.2f", t - 0.8 }')" "$total")" ||
  fail "the provider's explanation went on on the next screen"
pass "a provider's explanation ($expected s: name, phone, weekly hours) plays with --say and in the kiosk, and stops on the next screen"

cat >"$work/emergencies.replay" <<SCRIPT
tap "Dinle"
expect "Durdur"
wait 1500
SCRIPT
SDL_DISKAUDIOFILE="$work/emergencies.raw" kiosk --lang tr --window 1920x1080 --open emergencies --replay "$work/emergencies.replay" ||
  fail "urgent help has no listen button in Turkish"
louder_than "$(raw_peak "$work/emergencies.raw")" 0.1 || fail "no sound on urgent help"
# Which file: the log names none (privacy), so --say (the same lookup) plays it whole: the Turkish file's length.
tr_file="$SOURCE_DIR/content/sample/audio/tr/emergencies.ogg"
SDL_DISKAUDIOFILE="$work/emergencies-say.raw" SDL_DISKAUDIODELAY=0 kiosk --lang tr --say emergencies ||
  fail "--say emergencies failed in Turkish"
got=$(raw_audible_seconds "$work/emergencies-say.raw"); expected=$(file_seconds "$tr_file")
awk -v g="$got" -v e="$expected" 'BEGIN { exit !(g >= e - 0.5 && g <= e + 0.2) }' ||
  fail "urgent help did not play its Turkish file ($got s of sound for a file of $expected s)"
rm "$work/content/audio/"*/emergencies.ogg
cat >"$work/no-file.replay" <<SCRIPT
expect "Hilfe sofort"
wait 1000
expect-not "Anhören"
tap "Über uns"
expect "Anhören"
SCRIPT
SDL_DISKAUDIOFILE=/dev/null kiosk_copy --window 1920x1080 --open emergencies --replay "$work/no-file.replay" ||
  fail "urgent help without its files shows a listen button, or about has none"
pass "urgent help plays its Turkish file; without its files it has no listen button, 'Über uns' keeps its own"

# 6. No sound device at all: no button, the kiosk runs.
cat >"$work/silent.replay" <<SCRIPT
expect "Kindergeld"
expect-not "Anhören"
tap "Start"
expect "Wie alt ist Ihr Kind?"
SCRIPT
SDL_AUDIODRIVER=no-such-driver kiosk --window 1920x1080 --open offer:kindergeld --replay "$work/silent.replay" ||
  fail "without a sound device the kiosk did not carry on"
grep -q "without sound" "$work/kiosk.log" || fail "the log does not say the kiosk runs without sound"
pass "without a sound device: no listen button, the kiosk runs, the log says why"
