#!/usr/bin/env bash
# kiosk-pack hsds-export and hsds-import as an administrator and a partner directory use them: the export
# of the sample validates against the HSDS 3.0 schemas (python3-jsonschema) and, as CSV, against the
# specification's datapackage.json; the specification's own examples import (CSV, tabular.json, nested JSON)
# and pass --build-db with counts that match; export -> import -> export gives the same JSON; bad input
# is refused naming file, entity and field, with exit 1 and nothing written.
# Needs PACK (kiosk-pack), KIOSK (familienkiosk), SAMPLE (content/sample) and SPEC (kiosk/hsds/hsds-3.0).
set -uo pipefail
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
here=$(dirname "$0")
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_status() { local want=$1; shift; "$@" >"$work/out" 2>"$work/err"; local got=$?
  [[ $got == "$want" ]] || { cat "$work/out" "$work/err" >&2; fail "exit $got, not $want: $*"; }; }
sorted() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), sort_keys=True, ensure_ascii=False, indent=1))' "$1"; }

# Export: JSON and CSV, valid HSDS 3.0; the validator itself refuses a broken row.
expect_status 0 "$PACK" hsds-export "$SAMPLE" -o "$work/json"
grep -q "wrote .*: HSDS 3.0 (json, de): 42 organizations, 42 locations, 63 services" "$work/out" || fail "export did not say what it wrote: $(cat "$work/out")"
expect_status 0 "$PACK" hsds-export "$SAMPLE" -o "$work/csv" --format csv
python3 "$here/validate_hsds.py" "$SPEC" "$work/json" >"$work/valid" || { cat "$work/valid"; fail "the JSON export is not valid HSDS 3.0"; }
python3 "$here/validate_hsds.py" "$SPEC" "$work/csv" >"$work/valid" || { cat "$work/valid"; fail "the CSV export is not a valid HSDS datapackage"; }
grep -q "^validated [0-9]* rows in 21 tables" "$work/valid" || fail "the validator saw no tables"
cp -r "$work/json" "$work/invalid" && sed -i '0,/"status": "active"/s//"status": "open"/' "$work/invalid/tabular.json"
python3 "$here/validate_hsds.py" "$SPEC" "$work/invalid" >"$work/valid" && fail "the validator took a service with status 'open'"
grep -q "status" "$work/valid" || fail "the validator did not name the field"

# The same ids in every language; texts differ.
expect_status 0 "$PACK" hsds-export "$SAMPLE" -o "$work/en" --lang en
python3 - "$work/json/tabular.json" "$work/en/tabular.json" <<'PY' || fail "the English dataset does not share the German one's ids"
import json, sys
de, en = (json.load(open(f)) for f in sys.argv[1:3])
assert all([r["id"] for r in de[t]] == [r["id"] for r in en[t]] for t in de)
kg = lambda d: next(r["name"] for r in d["services.csv"] if r["url"].endswith("kindergeld") or "Kindergeld" in r["name"])
assert kg(de) != kg(en), (kg(de), kg(en))
assert {r["language"] for r in en["meta_table_descriptions.csv"]} == {"en"}
PY
# Deterministic: a second export is byte-identical.
expect_status 0 "$PACK" hsds-export "$SAMPLE" -o "$work/json-again"
cmp -s "$work/json/tabular.json" "$work/json-again/tabular.json" || fail "two exports of the same content differ"

# Round trip: export -> import -> export, the same JSON after sorting keys; the import passes --build-db.
expect_status 0 "$PACK" hsds-import "$work/json" -o "$work/back"
expect_status 0 "$KIOSK" --content "$work/back" --data-dir "$work/data-back" --build-db
expect_status 0 "$PACK" hsds-export "$work/back" -o "$work/json2"
diff <(sorted "$work/json/tabular.json") <(sorted "$work/json2/tabular.json") >"$work/diff" || { head -40 "$work/diff"; fail "round trip changed the dataset"; }
# Every language: import German with the other datasets as translations, export each again: the same bytes.
for lang in tr ar uk ru; do expect_status 0 "$PACK" hsds-export "$SAMPLE" -o "$work/$lang" --lang "$lang"; done
expect_status 0 "$PACK" hsds-import "$work/json" -o "$work/back6" --translation en="$work/en" --translation tr="$work/tr" \
  --translation ar="$work/ar" --translation uk="$work/uk" --translation ru="$work/ru"
expect_status 0 "$KIOSK" --content "$work/back6" --data-dir "$work/data-back6" --build-db
for lang in de en tr ar uk ru; do
  expect_status 0 "$PACK" hsds-export "$work/back6" -o "$work/again-$lang" --lang "$lang"
  original=$([[ $lang == de ]] && echo json || echo "$lang")
  cmp -s "$work/$original/tabular.json" "$work/again-$lang/tabular.json" || fail "the $lang dataset changed on the way through the import"
done
expect_status 2 "$PACK" hsds-import "$work/json" -o "$work/back7" --translation "$work/en"
expect_status 0 "$PACK" hsds-import "$work/csv" -o "$work/back-csv"
diff -r "$work/back" "$work/back-csv" -x import-report.txt >/dev/null || fail "the CSV import differs from the JSON import"

# The specification's examples: CSV datapackage, tabular.json and the nested JSON files.
mkdir "$work/nested" && cp "$SPEC"/examples/*.json "$work/nested/" && rm "$work/nested/tabular.json"
for example in "$SPEC/examples/csv" "$SPEC/examples" "$work/nested"; do
  rm -rf "$work/example"
  expect_status 0 "$PACK" hsds-import "$example" -o "$work/example"
  grep -q "wrote .*: 1 offers, 1 providers" "$work/out" || fail "$example: $(cat "$work/out")"
  expect_status 0 "$KIOSK" --content "$work/example" --data-dir "$work/data-example" --build-db
  report="$work/example/import-report.txt"
  grep -qP '^read\tservice\t1$' "$report" || fail "$example: the report does not count the one service"
  grep -qP '^written\toffers\t1$' "$report" && grep -qP '^left out\tservices\t0$' "$report" || fail "$example: counts"
  grep -qP "^service 'ac148810-d857-441c-9679-408f346de14b' \(Community Counselling\)\tfield 'wait_time'\tnot carried" "$report" \
    || fail "$example: the report does not list the service's wait_time"
  grep -qP "\tfield 'address'\tnot carried: 'ABC 1234' is no German postal code" "$report" || fail "$example: address not reported"
  grep -q 'opening_hours: "Th,Fr 10:00-18:00' "$work/example/providers.yaml" || fail "$example: schedule not mapped"
done
# Every row of the CSV example is either carried or in the report: counts match the files.
for table in services organizations locations phones schedules; do
  rows=$(($(wc -l <"$SPEC/examples/csv/$table.csv") - 1))
  name=$(python3 -c "import json,sys; print(next(r['name'] for r in json.load(open('$SPEC/examples/csv/datapackage.json'))['resources'] if r['path']=='$table.csv'))")
  rm -rf "$work/example" && "$PACK" hsds-import "$SPEC/examples/csv" -o "$work/example" >/dev/null
  grep -qP "^read\t$name\t$rows\$" "$work/example/import-report.txt" || fail "report: $name should count $rows"
done

# A service that maps to no life stage stays out and is listed.
cp -r "$SPEC/examples/csv" "$work/teen" && chmod -R u+w "$work/teen"
sed -i 's/,12,100,2005-01-01/,12,16,2005-01-01/' "$work/teen/services.csv"
expect_status 0 "$PACK" hsds-import "$work/teen" -o "$work/teen-out"
grep -qP "Community Counselling\)\tfield 'attributes'\tleft out of the kiosk: maps to no life stage" "$work/teen-out/import-report.txt" \
  || fail "a service for 12 to 16 year olds was not reported as left out"
grep -q "community-counselling" "$work/teen-out/offers.yaml" && fail "a service for 12 to 16 year olds was imported"

# A three-letter language code the kiosk knows is written with two letters.
cp -r "$SPEC/examples/csv" "$work/urdu" && chmod -R u+w "$work/urdu" && sed -i 's/,Urdu,ur,/,Urdu,urd,/' "$work/urdu/languages.csv"
expect_status 0 "$PACK" hsds-import "$work/urdu" -o "$work/urdu-out"
grep -q "languages: \[ur\]" "$work/urdu-out/offers.yaml" || fail "the language code urd was not written as ur"

# Bad input: the message names file, entity and field; exit 1; nothing written.
bad() {  # bad NAME EXPECTED-MESSAGE-REGEX: the dataset in $work/bad-NAME is refused
  rm -rf "$work/out-$1"
  expect_status 1 "$PACK" hsds-import "$work/bad-$1" -o "$work/out-$1"
  grep -qE "$2" "$work/err" || fail "$1: message '$(cat "$work/err")' does not match '$2'"
  grep -q "Nothing was written" "$work/err" || fail "$1: does not say that nothing was written"
  [[ -e "$work/out-$1" ]] && fail "$1: an output folder was written"
  ls -a "$work" | grep -q "^\.out-$1" && fail "$1: a temporary folder was left behind"
  return 0
}
csvcopy() { rm -rf "$work/bad-$1"; cp -r "$SPEC/examples/csv" "$work/bad-$1"; chmod -R u+w "$work/bad-$1"; }
mkdir -p "$work/bad-not-hsds" && echo '{"hello": 1}' >"$work/bad-not-hsds/hello.json"
bad not-hsds "not an HSDS 3.0 dataset: no datapackage.json"
csvcopy broken-csv && printf 'x,"unclosed\n' >>"$work/bad-broken-csv/phones.csv"
bad broken-csv "phones.csv: row 3: field '-': broken CSV"
csvcopy schema && sed -i 's/,active,/,open,/' "$work/bad-schema/services.csv"
bad schema "services.csv: service 'ac148810-d857-441c-9679-408f346de14b' \(row 2\): field 'status': does not follow the HSDS 3.0 schema: 'open' is not one of"
csvcopy number && sed -i 's/,12,100,/,twelve,100,/' "$work/bad-number/services.csv"
bad number "services.csv: service 'ac148810.*field 'minimum_age'.*'twelve' is not a number"
csvcopy required && sed -i '2s/^[^,]*,[^,]*,/,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,/' "$work/bad-required/services.csv"
bad required "services.csv: service \(row 2\): field 'id': does not follow the HSDS 3.0 schema: is required"
csvcopy dangling && sed -i 's/ac148810-d857-441c-9679-408f346de14b,3a19ff88/ac148810-d857-441c-9679-408f346de14b,99999999/' "$work/bad-dangling/service_at_location.csv"
bad dangling "service_at_location.csv: service_at_location 'e94c9f38-1e8f-4564-91d4-d53501ab1765'.*field 'location_id': dangling reference: no location has the id '99999999"
csvcopy duplicate && tail -1 "$work/bad-duplicate/locations.csv" >>"$work/bad-duplicate/locations.csv"
bad duplicate "locations.csv: location '3a19ff88-4620-4d17-9830-ac1d859eb5d5' \(row 3\): field 'id': duplicate id"
csvcopy unreadable && rm "$work/bad-unreadable/schedules.csv" && mkdir "$work/bad-unreadable/schedules.csv"
bad unreadable "schedules.csv: -: field '-': cannot be read"
mkdir -p "$work/bad-json" && echo '{"contents": [' >"$work/bad-json/service_list.json"
bad json "service_list.json: byte [0-9]+: field '-': broken JSON"

# An existing folder that is not an earlier import is never replaced; an earlier import is.
mkdir -p "$work/precious" && echo keep >"$work/precious/notes.txt"
expect_status 1 "$PACK" hsds-import "$work/json" -o "$work/precious"
grep -q "exists and was not written by this command" "$work/err" || fail "no reason for refusing a foreign folder"
[[ $(cat "$work/precious/notes.txt") == keep ]] || fail "a foreign folder was touched"
expect_status 0 "$PACK" hsds-import "$SPEC/examples/csv" -o "$work/back"
grep -q "community-counselling" "$work/back/offers.yaml" || fail "an earlier import was not replaced"
expect_status 1 "$PACK" hsds-export "$here/../../content" -o "$work/x"    # not a content folder
[[ -e "$work/x" ]] && fail "an export was written from a broken source"
expect_status 2 "$PACK" hsds-export "$SAMPLE" -o "$work/y" --format xml
echo "hsds: all checks passed"
