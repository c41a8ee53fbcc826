#!/usr/bin/env bash
# Memory beside Chromium: Debian's `chromium --kiosk` showing a local HTML page like the kiosk's start
# screen (PSS of all its processes, summed, after the page loaded), and the kiosk (PSS after visiting
# every kind of screen), started in turns, 5 rounds, on the same Xvfb display at 1920x1080. Chromium
# runs with --no-sandbox as root (its sandbox refuses root) and with its software rendering; headless
# Chromium would not be comparable. Also the PSS of each one's software GL driver's mapped files,
# and the ratio without them. Prints figures, asserts nothing; without chromium it says so and
# stops. BENCH_QUICK=1: one round.
source "$(dirname "$0")/../e2e/lib.sh"
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium): skipped"; exit 0; }
start_display 1920x1080
rounds=${BENCH_ROUNDS:-$([[ ${BENCH_QUICK:-0} == 1 ]] && echo 1 || echo 5)}
settle=${BENCH_SETTLE:-6}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
# PSS in KiB of every process in a session (chromium's are many: browser, GPU, renderer, zygotes, utility).
session_pss() { ps -o pid= --sid "$1" | while read -r p; do awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'; }
# The software GL driver's mapped files in a process (PSS, KiB): Mesa's llvmpipe (swrast_dri with
# libLLVM and its libz3, libglapi, GLX), Chromium's SwiftShader, and the X shared-memory images a
# software renderer hands to the X server. A kiosk PC with a GPU driver maps none of these; their
# heap (shader code, tiles) is not told apart here and stays in both figures.
gl_driver_regex='libLLVM|_dri\.so|libgallium|libglapi|libGLX_mesa|libEGL_mesa|libz3\.so|swiftshader|/SYSV'
driver_pss() {
  awk -v re="$gl_driver_regex" '/^[0-9a-f]+-[0-9a-f]+ / { driver = ($6 ~ re) } /^Pss:/ && driver { s += $2 } END { print s + 0 }' \
    "/proc/$1/smaps" 2>/dev/null || echo 0
}
session_driver_pss() { ps -o pid= --sid "$1" | while read -r p; do driver_pss "$p"; done | awk '{ s += $1 } END { print s + 0 }'; }
# Chromium's GPU process (its compositing on SwiftShader, as the kiosk's llvmpipe): PSS, KiB.
session_gpu_pss() {
  ps -o pid=,args= --sid "$1" | awk '/--type=gpu-process/ { print $1 }' | while read -r p; do
    awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'
}

# A page like the start screen: the network's name, a greeting, five life stages as big tiles, and
# the bar with urgent help, map, search and language; system fonts, no script, nothing from the net.
cat >"$work/start.html" <<'HTML'
<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Familienkiosk</title>
<style>
body { margin: 0; font-family: "Noto Sans", sans-serif; background: #f6f3ee; color: #1d1d1b; }
header { padding: 1.5em 2em; font-size: 1.6em; background: #fff; border-bottom: 2px solid #ddd; }
h1 { margin: 0; font-size: 1.6em; } p { font-size: 1.3em; margin: 0.3em 0 0; }
main { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.5em; padding: 2em; }
a.tile { display: block; padding: 2em; border-radius: 1em; background: #fff; border: 2px solid #2d6a4f;
         color: inherit; text-decoration: none; font-size: 1.8em; min-height: 4em; }
nav { position: fixed; bottom: 0; left: 0; right: 0; display: flex; gap: 1em; padding: 1em 2em; background: #fff; }
nav a { padding: 0.8em 1.5em; border-radius: 0.6em; background: #2d6a4f; color: #fff; font-size: 1.4em; text-decoration: none; }
nav a.urgent { background: #b00020; }
</style></head><body>
<header><h1>Familienkiosk im Landkreis Esslingen</h1><p>Hilfe und Beratung für Familien – wählen Sie, wie alt Ihr Kind ist.</p></header>
<main>
<a class="tile" href="#">Schwangerschaft<br><small>Beratung, Geld, Geburt</small></a>
<a class="tile" href="#">Baby<br><small>0 bis 1 Jahr</small></a>
<a class="tile" href="#">Kleinkind<br><small>1 bis 3 Jahre</small></a>
<a class="tile" href="#">Kindergarten<br><small>3 bis 6 Jahre</small></a>
<a class="tile" href="#">Grundschule<br><small>6 bis 10 Jahre</small></a>
<a class="tile" href="#">Alle Themen<br><small>Geld, Gesundheit, Freizeit …</small></a>
</main>
<nav><a class="urgent" href="#">Hilfe sofort</a><a href="#">Karte</a><a href="#">Suche</a><a href="#">Sprache · Language · Dil · اللغة</a><a href="#">Meine Liste (0)</a></nav>
</body></html>
HTML

# The last line logs once the visit is through ("as expected"); PSS is taken a second after that.
{ cat "$(dirname "$0")/every_screen.replay"; echo 'expect "Kindergarten"'; echo "wait 6000"; } >"$work/visit.replay"
mkdir -p "$work/no-stick"
kiosk --list offers >/dev/null  # the content database first, as on a kiosk

: >"$work/chromium.txt" && : >"$work/kiosk.txt" && : >"$work/chromium_driver.txt" && : >"$work/kiosk_driver.txt"
: >"$work/chromium_gpu.txt"
for ((r = 1; r <= rounds; r++)); do
  rm -rf "$work/chrome"
  setsid chromium --kiosk --no-sandbox --user-data-dir="$work/chrome" --no-first-run --no-default-browser-check \
    --window-size=1920,1080 --disable-features=Translate,MediaRouter --disable-background-networking \
    "file://$work/start.html" >/dev/null 2>&1 &
  chrome_pid=$!
  sleep "$settle"
  chrome_kib=$(session_pss "$chrome_pid")
  chrome_driver_kib=$(session_driver_pss "$chrome_pid")
  chrome_gpu_kib=$(session_gpu_pss "$chrome_pid")
  chrome_procs=$(ps -o pid= --sid "$chrome_pid" | wc -l)
  kill -- -"$chrome_pid" 2>/dev/null || true
  wait "$chrome_pid" 2>/dev/null || true

  "$KIOSK" --data-dir "$work/data" --now 2026-11-26T10:00 --usb-root "$work/no-stick" --window 1920x1080 --open home \
    --replay "$work/visit.replay" 2>"$work/visit.log" &
  kiosk_pid=$!
  for _ in $(seq 300); do grep -q 'as expected' "$work/visit.log" && break; sleep 0.1; done
  sleep 1
  kiosk_kib=$(awk '/^Pss:/ { print $2 }' "/proc/$kiosk_pid/smaps_rollup")
  kiosk_driver_kib=$(driver_pss "$kiosk_pid")
  wait "$kiosk_pid" || fail "the visit script failed"
  echo "$chrome_kib" >>"$work/chromium.txt" && echo "$kiosk_kib" >>"$work/kiosk.txt"
  echo "$chrome_driver_kib" >>"$work/chromium_driver.txt" && echo "$kiosk_driver_kib" >>"$work/kiosk_driver.txt"
  echo "$chrome_gpu_kib" >>"$work/chromium_gpu.txt"
  echo "round $r: chromium $(mib "$chrome_kib") MiB PSS in $chrome_procs processes (GL driver files $(mib "$chrome_driver_kib")," \
    "GPU process $(mib "$chrome_gpu_kib")), kiosk $(mib "$kiosk_kib") MiB (GL driver files $(mib "$kiosk_driver_kib"))"
done
chrome_kib=$(median <"$work/chromium.txt")
kiosk_kib=$(median <"$work/kiosk.txt")
echo "memory_rounds $rounds (in turns; medians)"
echo "chromium_pss_mib $(mib "$chrome_kib")"
echo "kiosk_pss_mib $(mib "$kiosk_kib")"
echo "kiosk_to_chromium_pss_ratio $(awk -v k="$kiosk_kib" -v c="$chrome_kib" 'BEGIN { printf "%.3f", k / (c > 0 ? c : 1) }')"
# The same without the software GL driver's mapped files in either (see driver_pss), and Chromium
# without its whole GPU process: what a kiosk PC with a GPU driver would come nearer to.
ratio() { awk -v k="$1" -v kd="$2" -v c="$3" -v cd="$4" 'BEGIN { printf "%.3f", (k - kd) / (c - cd > 0 ? c - cd : 1) }'; }
kiosk_driver_kib=$(median <"$work/kiosk_driver.txt")
chrome_driver_kib=$(median <"$work/chromium_driver.txt")
chrome_gpu_kib=$(median <"$work/chromium_gpu.txt")
echo "kiosk_gl_driver_files_pss_mib $(mib "$kiosk_driver_kib")"
echo "chromium_gl_driver_files_pss_mib $(mib "$chrome_driver_kib")"
echo "chromium_gpu_process_pss_mib $(mib "$chrome_gpu_kib")"
echo "kiosk_to_chromium_pss_ratio_without_gl_driver_files $(ratio "$kiosk_kib" "$kiosk_driver_kib" "$chrome_kib" "$chrome_driver_kib")"
echo "kiosk_without_gl_driver_files_to_chromium_without_gpu_process $(ratio "$kiosk_kib" "$kiosk_driver_kib" "$chrome_kib" "$chrome_gpu_kib")"
