# A private CUPS server for tests: its own cupsd on a unix socket in a private folder, with one
# queue, kiosk-test, whose device is a file (the "printed" PDF). Touches no system CUPS.
#
#   source tests/support/cupsd.sh
#   cupsd_start          # exports CUPS_SERVER, CUPSD_DIR, CUPSD_QUEUE, CUPSD_PRINTED; stops on exit
#                        # (added in front of an EXIT trap already set)
#   lp -d "$CUPSD_QUEUE" some.pdf && cupsd_wait_idle && pdftotext "$CUPSD_PRINTED" -
#   cupsd_add_troubled_queue kiosk-nopaper media-empty-error   # a printer out of paper
#
# cupsd_start DIR uses DIR (which must exist) instead of a new temp folder and leaves it in place.
# A program that wants the server to outlive the shell (the C++ test fixture) runs
#   CUPSD_OWNER_PID=<its pid> bash -c 'source cupsd.sh && cupsd_start DIR && trap - EXIT'
# and later sends SIGTERM to the pid in DIR/cupsd.pid; should it die first, cupsd follows.

CUPSD_QUEUE=kiosk-test
CUPSD_PPD_SOURCE=/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd  # Debian's cups-filters
_cupsd_pid=""
_cupsd_own_dir=""

_cupsd_fail() {
  echo "cupsd.sh: $*" >&2
  if [[ -n "${CUPSD_DIR:-}" && -s "$CUPSD_DIR/log/error_log" ]]; then
    echo "--- cupsd error_log (errors and warnings)" >&2
    grep -E '^[EW] ' "$CUPSD_DIR/log/error_log" | tail -n 20 >&2
  fi
  return 1
}

# Whether the private scheduler answers (lpstat -r exits 0 either way; only its words tell).
_cupsd_answers() {
  [[ "$(lpstat -r 2>/dev/null)" == "scheduler is running" ]]
}

cupsd_start() {
  local program
  for program in cupsd:cups lpadmin:cups-client lpstat:cups-client cupsenable:cups-client; do
    PATH="$PATH:/usr/sbin:/sbin" command -v "${program%%:*}" >/dev/null ||
      { _cupsd_fail "${program%%:*} is missing: install the Debian package ${program#*:} (scripts/install-deps test)"; return 1; }
  done
  [[ -r "$CUPSD_PPD_SOURCE" ]] ||
    { _cupsd_fail "$CUPSD_PPD_SOURCE is missing: install the Debian package cups-filters"; return 1; }
  export PATH="$PATH:/usr/sbin:/sbin"

  if [[ -n "${1:-}" ]]; then
    CUPSD_DIR=$(cd "$1" && pwd) || return 1
  else
    CUPSD_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-cupsd.XXXXXX") || return 1
    _cupsd_own_dir=$CUPSD_DIR
  fi
  local dir=$CUPSD_DIR
  mkdir -p "$dir"/{conf,spool,tmp,cache,state,log,bin/backend} || return 1

  # The system's filters and backends, plus kiosk-state: a printer stuck in the printer-state
  # reason its device URI names (kiosk-state:/media-empty-error is out of paper), until canceled.
  local entry system=()
  for entry in /usr/lib/cups/*; do [[ "$entry" == */backend ]] || system+=("$entry"); done
  ln -s "${system[@]}" "$dir/bin/" && ln -s /usr/lib/cups/backend/* "$dir/bin/backend/" || return 1
  cat >"$dir/bin/backend/kiosk-state" <<'EOF'
#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct kiosk-state "Unknown" "Kiosk test printer in a given state"'; exit 0; fi
echo "STATE: +${DEVICE_URI#kiosk-state:/}" >&2
echo "ERROR: the test printer reports ${DEVICE_URI#kiosk-state:/}" >&2
exec sleep 600
EOF
  chmod 0755 "$dir/bin/backend/kiosk-state"

  # Run as root, cupsd refuses "User root" and runs filters as lp; those must reach the spooled
  # file, the PPD and the temp folder, so the folder (and every folder above it) must be
  # traversable by others. mktemp makes it 0700.
  if ((EUID == 0)); then
    chmod 0755 "$dir"
    local above=$dir ancestors=() line
    while [[ "$above" != / ]]; do
      above=${above%/*}
      ancestors+=("${above:-/}")
      above=${above:-/}
    done
    while read -r line; do
      [[ "$line" == *[xt]" "* ]] ||
        { _cupsd_fail "${line#* } is not traversable by the lp user that runs CUPS filters"; return 1; }
    done < <(stat -c '%A %n' "${ancestors[@]}")
  fi

  # Only the unix socket: no port 631, no network browsing, no web interface. The policy lets
  # anyone on the socket administer the server (it is private), so lpadmin needs no password.
  # A failing backend aborts its job instead of stopping the queue (a failing filter stops only
  # its job, whatever the policy), so one bad job leaves the queue usable for the next.
  cat >"$dir/conf/cupsd.conf" <<EOF
Listen $dir/cups.sock
Browsing No
WebInterface No
LogLevel debug
MaxLogSize 0
ErrorPolicy abort-job
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
  # Every folder cupsd writes to is private; the filters (linked in ServerBin) and MIME data
  # (DataDir) are the system's. "FileDevice Yes" allows file: device URIs. No User/Group lines:
  # as root, cupsd refuses "User root" ("for security reasons") and exits, and its default,
  # User lp, is right (hence the chmod above); unprivileged, it runs everything as the caller.
  cat >"$dir/conf/cups-files.conf" <<EOF
ServerRoot $dir/conf
RequestRoot $dir/spool
TempDir $dir/tmp
CacheDir $dir/cache
StateDir $dir/state
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
ServerBin $dir/bin
FileDevice Yes
EOF

  cupsd -f -c "$dir/conf/cupsd.conf" -s "$dir/conf/cups-files.conf" \
    </dev/null >"$dir/log/cupsd.out" 2>&1 &
  _cupsd_pid=$!
  echo "$_cupsd_pid" >"$dir/cupsd.pid"
  # A watchdog stops cupsd once the process that owns it (CUPSD_OWNER_PID, else this shell) is
  # gone, even when killed outright (a CTest timeout), so no orphaned cupsd lingers.
  local owner=${CUPSD_OWNER_PID:-$$}
  (
    while kill -0 "$owner" 2>/dev/null && kill -0 "$_cupsd_pid" 2>/dev/null; do sleep 1; done
    kill "$_cupsd_pid" 2>/dev/null
  ) </dev/null >/dev/null 2>&1 &
  # Stops cupsd on exit, before whatever EXIT trap the caller had set (e.g. tests/e2e/lib.sh's).
  local previous
  previous=$(trap -p EXIT)
  previous=${previous#trap -- }
  previous=${previous% EXIT}
  eval "previous=${previous:-''}"
  [[ "$previous" == cupsd_stop* ]] || trap "cupsd_stop${previous:+; $previous}" EXIT
  export CUPS_SERVER=$dir/cups.sock CUPSD_DIR CUPSD_QUEUE CUPSD_PRINTED=$dir/printed.pdf

  local _
  for _ in $(seq 500); do  # 10 s; it usually answers within 0.1 to 0.2 s
    _cupsd_answers && break
    kill -0 "$_cupsd_pid" 2>/dev/null ||
      { cat "$dir/log/cupsd.out" >&2; _cupsd_fail "cupsd stopped at start-up"; return 1; }
    sleep 0.02
  done
  _cupsd_answers || { _cupsd_fail "cupsd did not answer on $CUPS_SERVER within 10 s"; return 1; }

  # Without its *JCL lines the Generic-PDF PPD passes the PDF through untouched; with them the
  # file device would receive the PDF wrapped in PJL.
  sed '/^\*JCL\(Begin\|ToPDFInterpreter\|End\):/d' "$CUPSD_PPD_SOURCE" >"$dir/generic-pdf.ppd"
  # lpadmin warns that PPD drivers are deprecated; that is expected.
  lpadmin -p "$CUPSD_QUEUE" -v "file://$CUPSD_PRINTED" -P "$dir/generic-pdf.ppd" -E 2>"$dir/log/lpadmin.out" ||
    { cat "$dir/log/lpadmin.out" >&2; _cupsd_fail "lpadmin could not add $CUPSD_QUEUE"; return 1; }
  cupsenable "$CUPSD_QUEUE" && cupsaccept "$CUPSD_QUEUE" ||
    { _cupsd_fail "could not enable $CUPSD_QUEUE"; return 1; }
}

# Adds queue $1 on a printer that reports the printer-state reason $2 (media-empty-error,
# offline-report ...) as soon as a job reaches it, and never prints.
cupsd_add_troubled_queue() {
  lpadmin -p "$1" -v "kiosk-state:/$2" -P "$CUPSD_DIR/generic-pdf.ppd" -E 2>>"$CUPSD_DIR/log/lpadmin.out" ||
    { cat "$CUPSD_DIR/log/lpadmin.out" >&2; _cupsd_fail "lpadmin could not add $1"; return 1; }
}

# Waits until no job is pending or processing (up to $1 seconds, default 30).
cupsd_wait_idle() {
  local _
  for _ in $(seq $((${1:-30} * 20))); do
    [[ -z "$(lpstat -o 2>/dev/null)" ]] && return 0
    sleep 0.05
  done
  _cupsd_fail "jobs still queued after ${1:-30} s: $(lpstat -o)"
}

cupsd_stop() {
  if [[ -n "$_cupsd_pid" ]]; then
    kill "$_cupsd_pid" 2>/dev/null || true
    wait "$_cupsd_pid" 2>/dev/null || true
    _cupsd_pid=""
  fi
  if [[ -n "$_cupsd_own_dir" ]]; then
    rm -rf "$_cupsd_own_dir"
    _cupsd_own_dir=""
  fi
  return 0
}
