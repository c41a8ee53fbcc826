#!/usr/bin/env bash
# kiosk-pack on the sample content as an administrator uses it: keygen, build, verify, inspect, and
# the exit codes a script relies on (0 done, 1 refused, 2 wrong use). Then familienkiosk imports it.
# Needs PACK (kiosk-pack), KIOSK (familienkiosk) and SAMPLE (content/sample) in the environment.
set -uo pipefail
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { local want=$1; shift; "$@" >"$work/out" 2>"$work/err"; local got=$?
  [[ $got == "$want" ]] || { cat "$work/out" "$work/err" >&2; fail "exit $got, not $want: $*"; }; }

expect_status 0 "$PACK" keygen -o "$work/network"
[[ $(stat -c %a "$work/network") == 600 ]] || fail "secret key is not mode 0600"
grep -q "$(head -c 20 "$work/network")" "$work/out" && fail "keygen printed the secret key"
expect_status 1 "$PACK" keygen -o "$work/network"                       # never overwrites a key
grep -q "never overwritten" "$work/err" || fail "no reason for refusing keygen"
expect_status 0 "$PACK" keygen -o "$work/stranger"

expect_status 0 "$PACK" build "$SAMPLE" -o "$work/sample-7.kpack" --key "$work/network" --version 7 --name esslingen
grep -q "wrote .*sample-7.kpack: esslingen version 7" "$work/out" || fail "build did not say what it wrote"
expect_status 0 "$PACK" verify "$work/sample-7.kpack" --pubkey "$work/network.pub"
grep -q "^OK: esslingen version 7" "$work/out" || fail "verify did not say OK"
expect_status 1 "$PACK" verify "$work/sample-7.kpack" --pubkey "$work/stranger.pub"
grep -q "^REFUSED: .*does not trust" "$work/err" || fail "verify with another key did not refuse"
expect_status 0 "$PACK" inspect "$work/sample-7.kpack"
for line in "version: *7" "offers: *[1-9]" "providers: *[1-9]" "languages: *[1-9]" "media files: *[0-9]" "files: *[1-9]"; do
  grep -q "^$line" "$work/out" || fail "inspect shows no '$line'"
done

# A broken source: the kiosk's own messages, no pack.
cp -r "$SAMPLE" "$work/broken" && sed -i '0,/provider: /s/provider: \(.*\)/provider: \1-typo/' "$work/broken/offers.yaml"
expect_status 1 "$PACK" build "$work/broken" -o "$work/broken.kpack" --key "$work/network" --version 8
grep -q "^offers.yaml: offer '.*': field 'provider': unknown provider" "$work/err" || fail "no content message"
[[ -e "$work/broken.kpack" ]] && fail "a pack was written from a broken source"

# Wrong use: 2.
expect_status 2 "$PACK"
expect_status 2 "$PACK" build "$SAMPLE" --key "$work/network"           # no --version
expect_status 2 "$PACK" verify "$work/sample-7.kpack"                    # no --pubkey
expect_status 1 "$PACK" verify /etc/hostname --pubkey "$work/network.pub"

# The kiosk takes it from the command line.
mkdir "$work/keys" && cp "$work/network.pub" "$work/keys/"
expect_status 0 "$KIOSK" --data-dir "$work/data" --trusted-keys "$work/keys" --import "$work/sample-7.kpack"
grep -q "New content is in use: version 7" "$work/out" || fail "import did not say what came in"
expect_status 1 "$KIOSK" --data-dir "$work/data" --trusted-keys "$work/keys" --import "$work/sample-7.kpack"
grep -q "already in use" "$work/err" || fail "the same version was not refused"
expect_status 0 "$KIOSK" --data-dir "$work/data" --content-status
grep -q "Active: version 7 (esslingen)" "$work/out" || fail "content-status does not show version 7"
expect_status 1 "$KIOSK" --data-dir "$work/data" --rollback
grep -q "no earlier version" "$work/err" || fail "rollback without an earlier version did not refuse"
echo "kiosk-pack: all checks passed"
