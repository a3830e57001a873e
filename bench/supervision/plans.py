#!/usr/bin/env python3
"""Summarises the auto_explain plans PostgreSQL logged after an offset: per statement of the
supervision endpoints, its duration and the scans it used (index, bitmap, sequential).

  plans.py LOGFILE OFFSET
"""
import re
import sys

LABELS = [
    ("with r as (", "statistics"),
    ("'APPROVAL_ABOVE_CAP'", "queue pending-reviews"),
    ("g.status = 'OVERDUE' and", "queue overdue-documents"),
    ("verification_status = 'FLAGGED' and", "queue flagged-verifications"),
    ("(t.escalations > 0 or t.escalation_exhausted)", "queue escalations"),
    ("p.status = 'FAILED' and", "queue failed-payments"),
    ("n.status = 'FAILED' and", "queue dead-letters"),
]

log = open(sys.argv[1], encoding="utf-8", errors="replace")
log.seek(int(sys.argv[2]))
text = log.read()
entries = re.split(r"\n(?=\S.*LOG:  duration: )", text)
for entry in entries:
    m = re.search(r"LOG:  duration: ([0-9.]+) ms  plan:", entry)
    if not m:
        continue
    label = next((name for marker, name in LABELS if marker in entry), None)
    if label is None:
        continue
    kind = "count" if "select count(*) as n from (" in entry else "page"
    if label == "statistics":
        kind = ""
    scans = []
    for node in re.findall(r"((?:Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan|Parallel Seq Scan)(?: Backward)?(?: using| on) \S+(?: on \S+)?)", entry):
        if node not in scans:
            scans.append(node)
    print(f"plan: {label} {kind}".rstrip() + f": {float(m.group(1)):.1f} ms in PostgreSQL; " + "; ".join(scans))
