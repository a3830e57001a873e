#!/usr/bin/env python3
"""What a load run needs from the running service, fetched once: citizen tokens, and a device per
village for the coordinators (when the notification endpoints exist).

  setup.py tokens BASE_URL COUNT OUT       citizen tokens citizen-bench-<n>, one per line
  setup.py devices BASE_URL VILLAGES OUT   register a JPush device for coord-<village>; prints
                                           "devices=N" or "devices=NA" when /api/v1/devices is 404
"""
import http.client
import json
import sys
import urllib.parse


class Client:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)

    def post(self, path, body, token=None):
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        self.connection.request("POST", path, json.dumps(body).encode(), headers)
        response = self.connection.getresponse()
        return response.status, response.read()

    def token(self, sub, roles, region=None):
        status, body = self.post("/dev/token", {"sub": sub, "roles": roles, "region": region})
        if status != 200:
            sys.exit(f"/dev/token answered {status}: {body[:300]!r}")
        return json.loads(body)["access_token"]


def tokens(base, count, out):
    client = Client(base)
    with open(out, "w") as file:
        for n in range(count):
            file.write(client.token(f"citizen-bench-{n}", ["CITIZEN"]) + "\n")


def devices(base, villages, out):
    client = Client(base)
    registered = 0
    with open(villages) as codes, open(out, "w") as file:
        for code in (line.strip() for line in codes if line.strip()):
            token = client.token(f"coord-{code}", ["COORDINATOR"], code)
            registration = f"bench-{code}"
            status, body = client.post("/api/v1/devices", {"provider": "JPUSH", "token": registration}, token)
            if status == 404:
                print("devices=NA")
                return
            if status >= 300:
                sys.exit(f"POST /api/v1/devices answered {status}: {body[:300]!r}")
            file.write(f"{code},{registration}\n")
            registered += 1
    print(f"devices={registered}")


if __name__ == "__main__":
    if sys.argv[1] == "tokens":
        tokens(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "devices":
        devices(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
