#!/usr/bin/env python3
"""Independent reader for the round-trip tests: opens an .apkg with only Python's zipfile, json and
sqlite3 (no code from this app) and prints what a schema-11 consumer sees, as JSON on stdout."""
import hashlib, json, sqlite3, sys, tempfile, zipfile, os

path = sys.argv[1]
out = {}
with zipfile.ZipFile(path) as z:
    out["entries"] = sorted(z.namelist())
    out["media"] = json.loads(z.read("media").decode("utf-8"))
    # each media file the map names: its size and first bytes (hex), read from its numbered entry
    out["mediaFiles"] = {name: {"size": len(z.read(entry)), "head": z.read(entry)[:4].hex()} for entry, name in out["media"].items()}
    data = z.read("collection.anki2")
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "c.anki2")
    with open(p, "wb") as f:
        f.write(data)
    db = sqlite3.connect(p)
    db.row_factory = sqlite3.Row
    out["tables"] = sorted(r[0] for r in db.execute("select name from sqlite_master where type='table'"))
    out["integrity"] = db.execute("pragma integrity_check").fetchone()[0]
    col = db.execute("select * from col").fetchone()
    out["col"] = {"ver": col["ver"], "crt": col["crt"], "conf": json.loads(col["conf"])}
    models = json.loads(col["models"])
    out["models"] = [
        {"id": int(k), "name": m["name"], "type": m["type"], "fields": [f["name"] for f in m["flds"]],
         "tmpls": [t["qfmt"] for t in m["tmpls"]], "keys": sorted(m.keys()),
         "fieldKeys": sorted(m["flds"][0].keys()), "tmplKeys": sorted(m["tmpls"][0].keys())}
        for k, m in models.items()
    ]
    decks = json.loads(col["decks"])
    out["decks"] = sorted(d["name"] for d in decks.values())
    out["deckKeys"] = sorted(next(iter(decks.values())).keys())
    dconf = json.loads(col["dconf"])
    out["dconfKeys"] = sorted(dconf["1"].keys())
    names = {int(k): d["name"] for k, d in decks.items()}
    notes = {}
    for n in db.execute("select * from notes"):
        notes[n["id"]] = {"guid": n["guid"], "mid": n["mid"], "fields": n["flds"].split("\x1f"), "tags": n["tags"].split(),
                          "sfld": n["sfld"], "csum": n["csum"]}
    out["notes"] = len(notes)
    out["csumOk"] = all(int(hashlib.sha1(str(n["sfld"]).encode("utf-8")).hexdigest()[:8], 16) == n["csum"] for n in notes.values())
    cards = []
    for c in db.execute("select * from cards order by id"):
        note = notes[c["nid"]]
        cards.append({"guid": note["guid"], "deck": names[c["did"]], "fields": note["fields"], "tags": note["tags"],
                      "type": c["type"], "queue": c["queue"], "due": c["due"], "ivl": c["ivl"], "factor": c["factor"],
                      "reps": c["reps"], "lapses": c["lapses"], "left": c["left"], "data": json.loads(c["data"]) if c["data"] else {}})
    out["cards"] = cards
    out["revlog"] = [dict(r) for r in db.execute("select * from revlog order by id")]
    out["orphanRevlog"] = db.execute("select count(*) from revlog where cid not in (select id from cards)").fetchone()[0]
    out["orphanCards"] = db.execute("select count(*) from cards where nid not in (select id from notes)").fetchone()[0]
print(json.dumps(out))
