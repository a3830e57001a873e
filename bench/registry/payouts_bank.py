#!/usr/bin/env python3
"""Bank stand-in for bench/registry/payouts: G2P Connect's synchronous disbursement API, as the
service's G2pConnectGateway calls it, answering fast and remembering every transaction.

  POST /disburse/sync/disburse    every new reference SUCC; a reference it already has RJCT
                                  rjct.reference_id.duplicate (as a bank does: the service then asks)
  POST /disburse/sync/txn/status  SUCC for each reference it has, nothing for the others
  GET  /bench/stats               what it has seen since the last reset (JSON, below)
  POST /bench/reset               forgets the counts (the references too: a new phase)
  POST /bench/delay?ms=N          answers each disburse N ms after taking it (default 0): the kill -9
                                  then lands between the bank accepting a batch and the service
                                  recording it, the case a resend must not pay twice
  GET  /health                    200

Counted per phase: messages, transactions (every disbursement in them, resends included),
references (distinct, accepted once each), duplicates (a reference sent again: refused, so never
paid twice by the bank), payees (distinct payee_fa accepted) and payees_twice (a payee accepted
under two different references: a person paid twice by the service, which the bank cannot catch).

Usage: payouts_bank.py PORT
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
DELAY = [0.0]
DUPLICATE = "rjct.reference_id.duplicate"


class Memory:
    def __init__(self):
        self.references = {}   # reference -> payee
        self.payees = {}       # payee -> number of references accepted for it
        self.messages = 0
        self.transactions = 0
        self.duplicates = 0
        self.status_queries = 0
        self.largest = 0
        self.first = None
        self.last = None

    def stats(self):
        twice = sum(1 for count in self.payees.values() if count > 1)
        return {"messages": self.messages, "transactions": self.transactions, "references": len(self.references),
                "duplicates": self.duplicates, "payees": len(self.payees), "payees_twice": twice,
                "status_queries": self.status_queries, "largest_message": self.largest,
                "first_epoch": self.first, "last_epoch": self.last}


MEMORY = Memory()


class Bank(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        global MEMORY
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = self.path.rstrip("/")
        if path == "/bench/reset":
            with LOCK:
                MEMORY = Memory()
            return self.answer(200, b"{}")
        if path.startswith("/bench/delay"):
            DELAY[0] = int(self.path.partition("ms=")[2] or 0) / 1000
            return self.answer(200, b"{}")
        try:
            message = json.loads(body or b"{}").get("message") or {}
        except ValueError:
            return self.answer(400, b'{"header":{"status":"RJCT","status_reason_code":"rjct.json.invalid"}}')
        statuses = []
        if path == "/disburse/sync/txn/status":
            query = message.get("txnstatus_request") or {}
            with LOCK:
                MEMORY.status_queries += 1
                for reference in query.get("attribute_value") or []:
                    if reference in MEMORY.references:
                        statuses.append({"reference_id": reference, "status": "SUCC"})
            reply = {"txnstatus_response": {"txn_type": "disburse", "txn_status": {"disbursements_status": statuses}}}
        elif path == "/disburse/sync/disburse":
            items = message.get("disbursements") or []
            now = time.time()
            with LOCK:
                MEMORY.messages += 1
                MEMORY.transactions += len(items)
                MEMORY.largest = max(MEMORY.largest, len(items))
                MEMORY.first = MEMORY.first or now
                MEMORY.last = now
                for item in items:
                    reference = item.get("reference_id")
                    if reference in MEMORY.references:
                        MEMORY.duplicates += 1
                        statuses.append({"reference_id": reference, "status": "RJCT", "status_reason_code": DUPLICATE})
                    else:
                        payee = item.get("payee_fa")
                        MEMORY.references[reference] = payee
                        MEMORY.payees[payee] = MEMORY.payees.get(payee, 0) + 1
                        statuses.append({"reference_id": reference, "status": "SUCC"})
            reply = {"ack_status": "ACK", "disbursements_status": statuses}
            if DELAY[0]:
                time.sleep(DELAY[0])
        else:
            return self.answer(404, b'{"header":{"status":"RJCT"}}')
        self.answer(200, json.dumps({"header": {"status": "SUCC"}, "message": reply}, separators=(",", ":")).encode())

    def do_GET(self):
        if self.path.rstrip("/") == "/bench/stats":
            with LOCK:
                stats = MEMORY.stats()
            return self.answer(200, json.dumps(stats).encode())
        self.answer(200, b'{"status":"UP"}')

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Bank).serve_forever()
