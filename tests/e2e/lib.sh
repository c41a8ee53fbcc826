# Shared set-up for the end-to-end tests: a private X display (Xvfb, Mesa's software OpenGL),
# a private data folder, and helpers to run the real familienkiosk and read its screen.
set -euo pipefail
: "${KIOSK:?KIOSK must name the familienkiosk binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the source tree}"

work=$(mktemp -d)
xvfb_pid=""
cleanup() {
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  jobs -p | xargs -r kill 2>/dev/null || true
  # A stick a failed test left mounted under its folder goes first, so that the folder can go.
  awk -v w="$work/" 'index($5, w) == 1 { print $5 }' /proc/self/mountinfo | sort -r | while read -r m; do
    fusermount -u "$m" 2>/dev/null || umount "$m" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

export LIBGL_ALWAYS_SOFTWARE=1
export XDG_STATE_HOME="$work/state"
# No sound card here: SDL's disk driver into nothing (the audio tests name a file to read back).
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=/dev/null

# Starts Xvfb on a free display number, large enough for landscape and portrait windows.
start_display() {
  local size=${1:-2000x2000}
  exec 3>"$work/display"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 100); do
    [[ -s "$work/display" ]] && break
    sleep 0.05
  done
  [[ -s "$work/display" ]] || fail "Xvfb did not start"
  export DISPLAY=":$(head -n1 "$work/display")"
}

# Runs the kiosk on the sample content at a fixed time (Thursday 2026-11-26, 10:00). It watches an
# empty folder for sticks, not the machine's mounts: a stick that another test mounts meanwhile
# must not pop up here.
kiosk() {
  mkdir -p "$work/no-stick"
  local run=("$KIOSK" --data-dir "$work/data" --now 2026-11-26T10:00)
  [[ " $* " == *" --usb-root "* ]] || run+=(--usb-root "$work/no-stick")
  run+=("$@")
  # In a subshell (`kiosk … &`, `$(kiosk …)`) the kiosk replaces it, so that `kill $!` reaches the kiosk.
  [[ $BASHPID != "$$" ]] && exec "${run[@]}" 2>>"$work/kiosk.log"
  "${run[@]}" 2>>"$work/kiosk.log"
}

fail() {
  echo "FAIL: $*" >&2
  if [[ -s "$work/kiosk.log" ]]; then
    echo "--- kiosk log (last lines)" >&2
    tail -n 20 "$work/kiosk.log" >&2
  fi
  exit 1
}

# Every QR code in a picture, decoded by zbar (an independent decoder), one per line.
decode_qr() {
  zbarimg --quiet --raw -Sbinary "$1" 2>/dev/null || true
}

# Several QR codes of plain ASCII (links), one per line (-Sbinary would run them together).
decode_qr_lines() {
  zbarimg --quiet --raw "$1" 2>/dev/null || true
}

# The details URL of an offer, as the content lists it.
offer_url() {
  kiosk --list offers | awk -F'\t' -v id="$1" '$1 == id { print $3 }'
}

# Width x height of a PNG, from its header.
png_size() {
  file "$1" | grep -o '[0-9]* x [0-9]*' | tr -d ' '
}

pass() {
  echo "PASS: $*"
}
