#!/usr/bin/env python3
"""Writes an HAProxy log of a given size: option-httplog request lines in the exact shape HAProxy 2.6 writes them
(shared/reference/haproxy-2.6.md), and 0.1% server state transitions (DOWN/UP, alternating per server).
Usage: generate.py OUT SIZE_MB"""
import sys, datetime

out, size_mb = sys.argv[1], int(sys.argv[2])
target = size_mb * 1024 * 1024
t = datetime.datetime(2026, 11, 20, 0, 0, 0)
down = {}
written = transitions = lines = 0
with open(out, "w", buffering=8 * 1024 * 1024) as f:
    chunk = []
    while written < target:
        lines += 1
        if lines % 100 == 0:
            t += datetime.timedelta(seconds=1)
        stamp = t.strftime("%b ") + str(t.day).rjust(2) + t.strftime(" %H:%M:%S")
        if lines % 1000 == 0:
            srv = "srv%d" % ((lines // 1000) % 50)
            if down.get(srv):
                line = f'<133>{stamp} haproxy[6085]: Server be/{srv} is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\n'
            else:
                line = f'<129>{stamp} haproxy[6085]: Server be/{srv} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\n'
            down[srv] = not down.get(srv)
            transitions += 1
        else:
            ms = (lines * 7) % 1000
            line = (f'<134>{stamp} haproxy[6085]: 127.0.0.1:{40000 + lines % 20000} [{t.strftime("%d/%b/%Y:%H:%M:%S")}.{ms:03d}] '
                    f'fe be/srv{lines % 50} 0/0/0/{lines % 7}/{lines % 9} 200 188 - - ---- 1/1/0/0/0 0/0 "GET /item/{lines % 997} HTTP/1.1"\n')
        chunk.append(line)
        written += len(line)
        if len(chunk) >= 10000:
            f.write("".join(chunk))
            chunk = []
    f.write("".join(chunk))
print(f"{out}: {written} bytes, {lines} lines, {transitions} transitions")
