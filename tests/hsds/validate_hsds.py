#!/usr/bin/env python3
"""Validates an HSDS 3.0 dataset written by kiosk-pack hsds-export against the specification.

usage: validate_hsds.py SPEC_DIR DATASET_DIR
SPEC_DIR is kiosk/hsds/hsds-3.0 (the specification's schema/ and datapackage.json). Every row of every
table is validated against its object schema (schema/<table>.json) with python3-jsonschema; a CSV
datapackage is also checked against the specification's datapackage.json: every table named, its
columns in order, required and unique fields, numbers, allowed values. Prints one line per mistake
and exits 1 when there is any.
"""
import csv
import json
import pathlib
import re
import sys

import warnings

import jsonschema

warnings.filterwarnings("ignore", category=DeprecationWarning)

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def main():
    spec, data = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    package = json.loads((spec / "datapackage.json").read_text())
    resources = {r["name"]: r for r in package["resources"]}
    schemas = {name: json.loads((spec / "schema" / f"{name}.json").read_text()) for name in resources}
    store = {f"{name}.json": s for name, s in schemas.items()}
    mistakes = []
    tables = {}
    if (data / "datapackage.json").exists():
        tables = read_csv_package(data, resources, mistakes)
    else:
        tabular = json.loads((data / "tabular.json").read_text())
        by_file = {r["path"]: name for name, r in resources.items()}
        for key, rows in tabular.items():
            if key not in by_file:
                mistakes.append(f"tabular.json: '{key}' is no HSDS table")
                continue
            tables[by_file[key]] = rows
        for name, r in resources.items():
            if r["path"] not in tabular:
                mistakes.append(f"tabular.json: table {r['path']} missing")
    count = 0
    for name, rows in tables.items():
        resolver = jsonschema.RefResolver(base_uri="", referrer=schemas[name], store=store)
        validator = jsonschema.Draft7Validator(schemas[name], resolver=resolver)
        ids = set()
        for i, row in enumerate(rows):
            count += 1
            for error in validator.iter_errors(row):
                mistakes.append(f"{name} row {i + 1} ({row.get('id')}): {'/'.join(map(str, error.path))}: {error.message}")
            for field, value in row.items():
                if (field == "id" or field.endswith("_id")) and field != "external_identifier" and not UUID.match(str(value)):
                    mistakes.append(f"{name} row {i + 1}: {field} '{value}' is no UUID")
            if row.get("id") in ids:
                mistakes.append(f"{name} row {i + 1}: duplicate id {row.get('id')}")
            ids.add(row.get("id"))
    for line in mistakes:
        print(line)
    print(f"validated {count} rows in {len(tables)} tables: {len(mistakes)} mistake(s)")
    return 1 if mistakes else 0


def read_csv_package(data, resources, mistakes):
    own = json.loads((data / "datapackage.json").read_text())
    if own.get("profile") != "tabular-data-package":
        mistakes.append("datapackage.json: profile is not tabular-data-package")
    named = {r["path"]: r for r in own["resources"]}
    for file in data.glob("*.csv"):
        if file.name not in named:
            mistakes.append(f"{file.name}: not named in datapackage.json")
    tables = {}
    for name, spec in resources.items():
        resource = named.get(spec["path"])
        if resource is None or resource["name"] != name:
            mistakes.append(f"datapackage.json: table {name} ({spec['path']}) not named")
            continue
        if resource["schema"] != spec["schema"]:
            mistakes.append(f"datapackage.json: {name}: the schema differs from the specification's")
        fields = spec["schema"]["fields"]
        with open(data / spec["path"], newline="", encoding="utf-8") as f:
            reader = csv.reader(f, strict=True)
            header = next(reader)
            if header != [field["name"] for field in fields]:
                mistakes.append(f"{spec['path']}: columns {header} are not the specification's")
                continue
            rows = []
            unique = {field["name"]: set() for field in fields if field.get("constraints", {}).get("unique")}
            for n, cells in enumerate(reader, start=2):
                if len(cells) != len(fields):
                    mistakes.append(f"{spec['path']} row {n}: {len(cells)} columns")
                    continue
                row = {}
                for field, cell in zip(fields, cells):
                    constraints = field.get("constraints", {})
                    if cell == "":
                        if constraints.get("required"):
                            mistakes.append(f"{spec['path']} row {n}: {field['name']} is required")
                        continue
                    if field["type"] == "number":
                        try:
                            cell = float(cell)
                        except ValueError:
                            mistakes.append(f"{spec['path']} row {n}: {field['name']} '{cell}' is no number")
                    if "enum" in constraints and cell not in constraints["enum"]:
                        mistakes.append(f"{spec['path']} row {n}: {field['name']} '{cell}' not allowed")
                    if field["name"] in unique:
                        if cell in unique[field["name"]]:
                            mistakes.append(f"{spec['path']} row {n}: {field['name']} '{cell}' not unique")
                        unique[field["name"]].add(cell)
                    row[field["name"]] = cell
                rows.append(row)
            tables[name] = rows
    return tables


if __name__ == "__main__":
    sys.exit(main())
