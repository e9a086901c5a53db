#!/usr/bin/python3
"""Time to the first part of a WADO-RS retrieval, for ./harmony bench dicomweb.

usage: first-part.py URL ACCEPT

Sends one GET with that Accept header on a new connection, reads the multipart/related answer
until the first part is complete (its closing delimiter has arrived), checks that the part is
application/dicom, then closes the connection without reading the rest. Prints the milliseconds
from the connection's start to that point and the part's size in bytes; exits 1 on any other answer.
"""
import http.client
import sys
import time
import urllib.parse


def first_part(url, accept):
    target = urllib.parse.urlsplit(url)
    start = time.perf_counter()
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
    try:
        connection.request("GET", target.path + ("?" + target.query if target.query else ""),
                           headers={"Accept": accept})
        response = connection.getresponse()
        content_type = response.getheader("Content-Type", "")
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status} ({content_type}): {response.read(500)!r}")
        boundary = next((p.strip().split("=", 1)[1].strip('"') for p in content_type.split(";")
                         if p.strip().lower().startswith("boundary=")), None)
        if boundary is None:
            raise SystemExit(f"not a multipart answer: Content-Type {content_type}")
        delimiter = ("--" + boundary).encode("ascii")
        received = b""
        first = -1
        while True:
            chunk = response.read1(65536)
            if not chunk:
                raise SystemExit(f"the answer ended before its first part did ({len(received)} bytes)")
            received += chunk
            if first < 0:
                first = received.find(delimiter)
            if first >= 0:
                end = received.find(b"\r\n" + delimiter, first + len(delimiter))
                if end >= 0:
                    elapsed = (time.perf_counter() - start) * 1000
                    part = received[first + len(delimiter):end]
                    headers = part.split(b"\r\n\r\n", 1)[0].lower()
                    if b"content-type: application/dicom" not in headers:
                        raise SystemExit(f"the first part is not application/dicom: {headers[:200]!r}")
                    return elapsed, len(part)
    finally:
        connection.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    milliseconds, size = first_part(sys.argv[1], sys.argv[2])
    print(f"{milliseconds:.1f} {size}")
