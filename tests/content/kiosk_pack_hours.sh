#!/usr/bin/env bash
# kiosk-pack hours as a content author uses it: one line a day, '?' for unknown time, the school holidays
# of a content folder, exit 1 and the column on a value the kiosk cannot read, 2 on wrong use.
# Needs PACK (kiosk-pack) and SAMPLE (content/sample) in the environment.
set -uo pipefail
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$PACK" hours 'Mo-Fr 08:00-12:00, Fr 22:00-02:00, Mo[1] 15:00-17:00; Dec 24 off; PH off; SH off' \
    --from 2026-12-21 --days 5 >"$work/out" 2>"$work/err" || fail "exit $?"
printf '%s\t%s\n' 2026-12-21 '?08:00-12:00' 2026-12-22 '?08:00-12:00' 2026-12-23 '?08:00-12:00' 2026-12-24 '' \
    2026-12-25 '' >"$work/want"
diff "$work/want" "$work/out" || fail "without school holidays, SH leaves the days unknown"
grep -q "no school holidays for 2026/27" "$work/err" || fail "no note on the missing school holidays"

"$PACK" hours 'Mo-Fr 08:00-12:00, Fr 22:00-02:00, Mo[1] 15:00-17:00; PH off; SH off' \
    --from 2027-01-29 --days 6 --content "$SAMPLE" >"$work/out" 2>"$work/err" || fail "exit $?"
printf '%s\t%s\n' 2027-01-29 '08:00-12:00,22:00-24:00' 2027-01-30 '00:00-02:00' 2027-01-31 '' \
    2027-02-01 '08:00-12:00,15:00-17:00' 2027-02-02 '08:00-12:00' 2027-02-03 '08:00-12:00' >"$work/want"
diff "$work/want" "$work/out" || fail "the sample's school holidays, a night and the first Monday"
[[ -s "$work/err" ]] && fail "a note although the sample lists the school holidays: $(cat "$work/err")"

"$PACK" hours 'Mo 08:3:' >"$work/out" 2>"$work/err"; status=$?
[[ $status == 1 ]] || fail "exit $status on a value it cannot read, not 1"
grep -q "column 7: expected two digits for the minutes" "$work/err" || fail "no column in: $(cat "$work/err")"
"$PACK" hours 'Mo 08:00-12:00' --from 2026-02-30 >"$work/out" 2>"$work/err"; status=$?
[[ $status == 1 ]] || fail "exit $status on an impossible date, not 1"
"$PACK" hours >"$work/out" 2>"$work/err"; status=$?
[[ $status == 2 ]] || fail "exit $status without a value, not 2"
[[ $("$PACK" hours 'Mo-Su 10:00-11:00' | wc -l) == 14 ]] || fail "not 14 days by default"
echo "kiosk-pack hours: ok"
