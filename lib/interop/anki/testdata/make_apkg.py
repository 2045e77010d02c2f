#!/usr/bin/env python3
"""Independent writer for the reader tests: builds an .apkg the way Anki's legacy export lays it out,
with only Python's zipfile/sqlite3/json. Variants: legacy (collection.anki21 + dummy anki2, media),
latest (meta says version 3, collection.anki21b), nocollection, badschema, media (notes referring to a PNG, an MP3,
an SVG, a file over 5 MB and a missing file)."""
import json, os, sqlite3, struct, sys, tempfile, zipfile, zlib

out, variant = sys.argv[1], sys.argv[2]

SCHEMA = """
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
 dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
 dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
 tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
 usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
 reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null,
 data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
 lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
"""

def fld(name, ord):
    return {"name": name, "ord": ord, "sticky": False, "rtl": False, "font": "Arial", "size": 20}

def tmpl(name, ord, q, a):
    return {"name": name, "ord": ord, "qfmt": q, "afmt": a, "did": None, "bqfmt": "", "bafmt": ""}

CRT = 1700000000  # 2023-11-14
models = {
    "100": {"id": 100, "name": "Basic (and reversed card)", "type": 0, "mod": 0, "usn": 0, "sortf": 0, "did": 1, "css": "",
            "flds": [fld("Front", 0), fld("Back", 1)],
            "tmpls": [tmpl("Card 1", 0, "{{Front}}", "{{Back}}"), tmpl("Card 2", 1, "{{Back}}", "{{Front}}")]},
    "200": {"id": 200, "name": "Cloze", "type": 1, "mod": 0, "usn": 0, "sortf": 0, "did": 1, "css": "",
            "flds": [fld("Text", 0), fld("Back Extra", 1)], "tmpls": [tmpl("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}")]},
    "300": {"id": 300, "name": "Image Occlusion", "type": 1, "mod": 0, "usn": 0, "sortf": 0, "did": 1, "css": "",
            "flds": [fld("Occlusion", 0), fld("Image", 1)], "tmpls": [tmpl("IO", 0, "{{cloze:Occlusion}}{{image-occlusion:Image}}", "")]},
}
def deck(id, name):
    return {"id": id, "name": name, "usn": 0, "mod": 0, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0],
            "timeToday": [0, 0], "collapsed": False, "dyn": 0, "conf": 1, "desc": ""}
decks = {"1": deck(1, "Default"), "10": deck(10, "Spanish::Verbs"), "11": deck(11, "Spanish::Nouns"), "12": deck(12, "Spanish")}

def png(width, height):
    """A real PNG (grey pixels), so a browser can show it."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))

def build(path, with_col=True):
    db = sqlite3.connect(path)
    if variant == "badschema":
        db.execute("create table something (x)")
        db.commit(); db.close(); return
    db.executescript(SCHEMA)
    db.execute("insert into col values (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, '{}', '{}')",
               (CRT, json.dumps({"schedVer": 2}), json.dumps(models), json.dumps(decks)))
    basic_back = "to <i>speak</i><img src=\"speak.png\">"
    if variant == "media":
        basic_back = ("to <i>speak</i> <img class=x src=\"speak.png\" alt=\"A mouth [open]\" onerror=\"alert(1)\">[sound:hablar.mp3]"
                      "<img src='evil.svg'><img src=\"huge.png\"><img src=\"gone.png\"><img src=\"https://example.com/x.png\"> [[image:abc]]")
    notes = [
        (1, "g-basic", 100, " verbs ", "<b>hablar</b>\x1f" + basic_back),
        (2, "g-cloze", 200, " nouns ", "El {{c1::perro}} come la {{c2::comida::food}}.<script>alert(1)</script>\x1fextra &amp; more"),
        (3, "g-io", 300, "", "{{c1::image-occlusion:rect}}\x1f<img src=\"map.png\">"),
        (4, "g-new", 100, "", "comer\x1fto eat"),
    ]
    for nid, guid, mid, tags, flds in notes:
        db.execute("insert into notes values (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')", (nid, guid, mid, tags, flds))
    # id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, data
    cards = [
        (1001, 1, 10, 0, 2, 2, 500, 12, 2500, 5, 1, 0, json.dumps({"s": 14.2, "d": 5.1})),
        (1002, 1, 10, 1, 0, 0, 2, 0, 0, 0, 0, 0, "{}"),
        (2001, 2, 11, 0, 2, 2, 501, 3, 2500, 2, 0, 0, ""),
        (2002, 2, 11, 1, 0, 0, 3, 0, 0, 0, 0, 0, ""),
        (3001, 3, 11, 0, 0, 0, 4, 0, 0, 0, 0, 0, ""),
        (4001, 4, 12, 0, 0, -1, 5, 0, 0, 0, 0, 0, ""),
    ]
    for c in cards:
        db.execute("insert into cards values (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)", c)
    revlog = [
        (1700000100000, 1001, 3, -600, 0, 0, 5000, 0),
        (1700000700000, 1001, 3, 1, -600, 2500, 4000, 0),
        (1700090000000, 1001, 4, 12, 1, 2500, 3000, 1),
        (1700100000000, 1001, 0, 15, 12, 2500, 0, 4),  # manual reschedule: not an answer
        (1700000200000, 2001, 3, 3, 0, 2500, 2000, 0),
    ]
    for r in revlog:
        db.execute("insert into revlog values (?, ?, 0, ?, ?, ?, ?, ?, ?)", r)
    db.commit(); db.close()

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "c")
    if variant != "nocollection":
        build(p)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if variant in ("legacy", "badschema"):
            z.write(p, "collection.anki21")
            z.writestr("collection.anki2", b"")  # dummy, as Anki's legacy export writes
            z.writestr("media", json.dumps({"0": "speak.png"}))
            z.writestr("0", b"\x89PNG fake")
        elif variant == "media":
            z.write(p, "collection.anki21")
            z.writestr("collection.anki2", b"")
            z.writestr("media", json.dumps({"0": "speak.png", "1": "hablar.mp3", "2": "evil.svg", "3": "huge.png"}))
            z.writestr("0", png(40, 30))
            z.writestr("1", b"ID3\x03\x00" + bytes(100))
            z.writestr("2", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
            z.writestr("3", b"\x89PNG\r\n\x1a\n" + os.urandom(5 * 1024 * 1024 + 10))
        elif variant == "latest":
            z.writestr("meta", bytes([0x08, 0x03]))
            z.writestr("collection.anki21b", b"(\xb5/\xfd not really zstd")
            z.writestr("collection.anki2", b"")
            z.writestr("media", b"")
        elif variant == "nocollection":
            z.writestr("readme.txt", "hello")
