#!/usr/bin/env python3
"""JPush stand-in for bench/run: answers POST /v3/push as JPush's push API does and records, per
report, when the push arrived.

Usage: standin.py PORT OUT_FILE
Each push is written to OUT_FILE as "arrival_epoch_us,report_id,notification_id,task_id".
GET /health answers 200 so that bench/run knows the stand-in is up."""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OUT = open(sys.argv[2], "a", buffering=1)
LOCK = threading.Lock()
ANSWER = b'{"sendno":"0","msg_id":"123"}'


def extras(push):
    """notification.android.extras, else message.extras: both carry the ids."""
    for path in (("notification", "android", "extras"), ("message", "extras")):
        node = push
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and node.get("reportId"):
            return node
    return {}


class Push(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        arrived = time.time_ns() // 1000
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.rstrip("/") == "/sms/messages":
            # The SMS gateway: texts to coordinators without a device (none in the bench) are taken and not timed.
            self.answer(200, b'{"messageId":"bench"}')
            return
        if self.path.rstrip("/") != "/v3/push" or not self.headers.get("Authorization", "").startswith("Basic "):
            self.answer(404 if self.path.rstrip("/") != "/v3/push" else 401, b'{"error":{"code":1004,"message":"Authen failed"}}')
            return
        try:
            ids = extras(json.loads(body or b"{}"))
        except ValueError:
            ids = {}
        with LOCK:
            OUT.write(f"{arrived},{ids.get('reportId', '')},{ids.get('notificationId', '')},{ids.get('taskId', '')}\n")
        self.answer(200, ANSWER)

    def do_GET(self):
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


Server(("127.0.0.1", int(sys.argv[1])), Push).serve_forever()
