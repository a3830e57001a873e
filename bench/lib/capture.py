#!/usr/bin/env python3
"""The database ceiling's workload, taken from what the service really sends.

  capture.py file BASE_URL TOKEN VILLAGE... > filings.json
      files one urgent medical-emergency report per village (the full fast-track path: report,
      history, triage, grant, ledger, payment instruction, receipt) and prints, per filing, when it
      was sent, its Idempotency-Key and the report id.
  capture.py script POSTGRES_LOG_SLICE DATABASE filings.json > intake.sql
      reads PostgreSQL's statement log (log_statement=all for the bench database only), takes for
      each filing the statements the bench database ran from the moment it was sent up to the
      statement that carries its Idempotency-Key (the write), keeps the statements that every
      filing ran (so a background poller that happens to run meanwhile is left out), and writes
      them as a pgbench script in the order the first filing ran them.

Parameters become literals, except the values that must differ per transaction, which are
derived from one random number per transaction (\\set seed): UUIDs (report, grant, payment,
idempotency key), bytea (encrypted ID number, household key) and report references. The same
captured value always maps to the same expression, so a statement that reuses a value, or a later
statement that looks it up, stays consistent inside the transaction."""
import collections
import datetime
import http.client
import json
import random
import re
import sys
import time
import urllib.parse
import uuid

ENTRY = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) (\S+) \[(\d+)\] (\S*)@(\S*) ([A-Z]+):  (.*)$")
EXECUTE = re.compile(r"^(?:execute [^:]*|statement): (.*)$", re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'((?:[^']|'')*)')", re.S)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
BYTEA = re.compile(r"^\\x([0-9a-f]*)$")
REFERENCE = re.compile(r"^[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{3}-[34679ACDEFGHJKMNPQRTWXY]{2}$")
RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(area, birth, sequence):
    body = f"{area}{birth}{sequence:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, RESIDENT_WEIGHTS)) % 11]


def file_reports(base, token, villages):
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    filings = []
    for n, village in enumerate(villages):
        key = str(uuid.uuid4())
        body = {"category": "MEDICAL_EMERGENCY", "description": "父亲突发脑溢血住院，急需手术费，家里已经借遍了亲戚",
                "villageCode": village, "urgent": True, "requestedAmount": 3000,
                "subject": {"name": "王建国", "idNumber": resident_id(village[:6], f"19{50 + n}0612", 100 + n),
                            "phone": "13800138000", "householdSize": 4},
                "location": {"lat": 38.4872, "lon": 106.2309}}
        time.sleep(0.3 + random.random() * 0.6)  # apart from each other, so pollers do not line up
        sent = time.time()
        connection.request("POST", "/api/v1/reports", json.dumps(body, ensure_ascii=False).encode(),
                           {"Content-Type": "application/json", "Authorization": "Bearer " + token, "Idempotency-Key": key})
        response = connection.getresponse()
        answer = response.read()
        if response.status != 201:
            sys.exit(f"capture filing answered {response.status}: {answer[:300]!r}")
        filings.append({"sent": sent, "key": key, "report": json.loads(answer)["id"]})
    json.dump(filings, sys.stdout)


def statements(log, database):
    """(time, sql, {n: value or None}) for every statement the database logged, in log order."""
    entries = []
    for line in open(log, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        match = ENTRY.match(line)
        if match:
            entries.append(list(match.groups()))
        elif entries and line.startswith("\t"):
            entries[-1][6] += "\n" + line[1:]
    found, waiting = [], {}
    for stamp, zone, pid, _user, db, level, text in entries:
        if db != database:
            continue
        if level == "LOG" and (execute := EXECUTE.match(text)):
            at = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc).timestamp()
            waiting[pid] = [at, execute.group(1).rstrip(), {}, pid]
            found.append(waiting[pid])
        elif level == "DETAIL" and text.startswith("parameters: ") and pid in waiting:
            waiting.pop(pid)[2] = {int(n): None if raw == "NULL" else value.replace("''", "'")
                                   for n, raw, value in PARAMETER.findall(text)}
    return found


def window(all_statements, filing):
    """The statements from the moment the filing was sent up to its write (the one carrying its key,
    the idempotency receipt) and the COMMIT of that write's transaction on the same connection."""
    picked = []
    for n, statement in enumerate(all_statements):
        if statement[0] < filing["sent"] - 0.002:
            continue
        picked.append(statement)
        if filing["key"] in statement[2].values():
            for later in all_statements[n + 1:]:
                if later[3] == statement[3]:
                    if later[1].strip().upper() == "COMMIT":
                        picked.append(later)
                        break
            return picked
    sys.exit(f"no statement carries Idempotency-Key {filing['key']}: is log_statement=all set for the database?")


class Literals:
    """Turns captured parameter values into SQL: per-transaction values from :seed, others as literals."""

    def __init__(self):
        self.mapped = {}

    def sql(self, value):
        if value is None:
            return "NULL"
        if value not in self.mapped:
            salt = f"'/{len(self.mapped)}'"
            if UUID.match(value):
                self.mapped[value] = f"md5(:seed::text || {salt})::uuid"
            elif BYTEA.match(value):
                size = len(BYTEA.match(value).group(1)) // 2
                self.mapped[value] = (f"substring(decode(repeat(md5(:seed::text || {salt}), {size // 16 + 1}), 'hex')"
                                      f" from 1 for {size})")
            elif REFERENCE.match(value):
                self.mapped[value] = f"upper(substr(md5(:seed::text || {salt}), 1, {len(value)}))"
            else:
                self.mapped[value] = literal(value)
        return self.mapped[value]


def literal(value):
    """An untyped literal, as a bound parameter is; pgbench would read ':name' inside it as a
    variable, so such a colon is written as a Unicode escape."""
    quoted = value.replace("'", "''")
    if re.search(r":[A-Za-z_\u0080-\uffff]", quoted):
        return "U&'" + quoted.replace("\\", "\\\\").replace(":", "\\003A") + "'"
    return "'" + quoted + "'"


def script(log, database, filings_file):
    filings = json.load(open(filings_file))
    logged = statements(log, database)
    windows = [window(logged, filing) for filing in filings]
    common = collections.Counter(statement[1] for statement in windows[0])
    for other in windows[1:]:
        common &= collections.Counter(statement[1] for statement in other)
    literals = Literals()
    print(f"-- One intake transaction of Aidline, captured automatically by bench/run on "
          f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC: the statements that PostgreSQL logged\n"
          f"-- (log_statement=all on database {database} only) for each of {len(filings)} urgent medical-emergency reports,\n"
          f"-- from the moment the report was sent up to the write carrying its Idempotency-Key and its COMMIT, kept when every\n"
          f"-- filing ran them. Report ids: {', '.join(f['report'] for f in filings)}.\n"
          f"-- Values that must differ per transaction (UUIDs, bytea, report references) derive from :seed.\n"
          "\\set seed random(1, 9000000000000000000)")
    kept = 0
    for _at, sql, parameters, _pid in windows[0]:
        if common[sql] <= 0:
            continue
        common[sql] -= 1
        kept += 1
        text = re.sub(r"\$(\d+)", lambda m: literals.sql(parameters[int(m.group(1))]), sql)
        print(text.rstrip().rstrip(";") + ";")
    print(f"capture: {kept} statements per report, from {[len(w) for w in windows]} logged in the filings' windows",
          file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1] == "file":
        file_reports(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif sys.argv[1] == "script":
        script(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
