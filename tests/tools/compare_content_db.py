#!/usr/bin/env python3
# Compares two content databases (e.g. main's and a branch's `--build-db` of the same content): schema,
# user_version, every table's rows in row order (FTS5's shadow tables byte by byte), the search index's
# word instances (fts5vocab instance); content_info's built_at is left out. Exit 0 when all are the same.
# Usage: tests/tools/compare_content_db.py BEFORE.sqlite AFTER.sqlite
import sqlite3, sys, hashlib
a, b = (sqlite3.connect(p) for p in sys.argv[1:3])
def schema(db): return sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())
assert schema(a) == schema(b), "schema differs"
assert a.execute("PRAGMA user_version").fetchone() == b.execute("PRAGMA user_version").fetchone()
ok = True
for (name, sql) in a.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall():
    if sql and sql.upper().startswith("CREATE VIRTUAL"): continue
    without = "WITHOUT ROWID" in (sql or "").upper()
    q = f'SELECT * FROM "{name}" ORDER BY 1' if without else f'SELECT rowid, * FROM "{name}" ORDER BY rowid'
    if name == "content_info": q = f"SELECT rowid, * FROM content_info WHERE key <> 'built_at' ORDER BY rowid"
    ha, hb = hashlib.sha256(), hashlib.sha256()
    n = 0
    for h, db in ((ha, a), (hb, b)):
        for row in db.execute(q):
            h.update(repr(row).encode()); n += 1
    same = ha.digest() == hb.digest()
    ok &= same
    print(f"{'same' if same else 'DIFFERENT'} {name} ({n // 2} rows)")
for db in (a, b):
    db.execute("CREATE VIRTUAL TABLE temp.inst USING fts5vocab(main, search, instance)")
ia = hashlib.sha256(repr(a.execute("SELECT * FROM temp.inst").fetchall()).encode()).hexdigest()
ib = hashlib.sha256(repr(b.execute("SELECT * FROM temp.inst").fetchall()).encode()).hexdigest()
print(("same" if ia == ib else "DIFFERENT") + " search word instances", a.execute("SELECT count(*) FROM temp.inst").fetchone()[0])
ok &= ia == ib
print("ALL SAME" if ok else "DIFFERENCES")
sys.exit(0 if ok else 1)
