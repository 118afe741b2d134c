#!/usr/bin/env python3
"""What the terminal receives, measured from outside in a pseudo-terminal,
for readouts and for `less` on the same text, in the same run.

For each program: the first frame (time from spawn to the last byte before
a short silence, and its bytes), then one key at a time (time from writing
the key to the last byte of the frame it causes, bytes, and `write` calls
from /proc/PID/io's syscw), and how often the idle program wakes (its CPU
time and context switches over a second of nothing).

readouts gets `Tab` first (the left pane scrolls with `j`); less gets the
text `readouts print --width COLS` writes for the same file.

usage: frames.py BINARY [FILE] [--size COLSxROWS] [--keys N] [--key j]
"""

import argparse
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time

from first_frame import spawn_in_terminal

SILENCE = 0.05
TIMEOUT = 10.0


def proc_io(pid):
    """The process's write calls so far, from /proc/PID/io."""
    with open(f"/proc/{pid}/io") as io:
        fields = dict(line.split(": ") for line in io.read().splitlines())
    return int(fields["syscw"])


def proc_cpu(pid):
    """User + system clock ticks, and voluntary context switches."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    with open(f"/proc/{pid}/status") as status:
        switches = next(
            int(line.split()[1]) for line in status if line.startswith("voluntary_ctxt_switches")
        )
    return ticks, switches


def read_until_silence(leader, started):
    """Bytes until SILENCE passes with nothing; seconds to the last byte."""
    received = 0
    last = None
    deadline = started + TIMEOUT
    while time.perf_counter() < deadline:
        wait = SILENCE if last is not None else deadline - time.perf_counter()
        ready, _, _ = select.select([leader], [], [], max(wait, 0))
        if not ready:
            if last is not None:
                break
            continue
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        received += len(chunk)
        last = time.perf_counter()
    return received, (last - started) if last else None


def measure(command, columns, rows, before_keys, key, count):
    process, leader, started = spawn_in_terminal(
        command, columns, rows, env={"LESS": "", "NO_COLOR": ""}
    )
    first_bytes, first_time = read_until_silence(leader, started)
    for setup in before_keys:
        os.write(leader, setup)
        read_until_silence(leader, time.perf_counter())
    times, sizes, writes = [], [], []
    for _ in range(count):
        calls = proc_io(process.pid)
        sent = time.perf_counter()
        os.write(leader, key)
        size, elapsed = read_until_silence(leader, sent)
        if elapsed is None:
            break
        times.append(elapsed * 1000)
        sizes.append(size)
        writes.append(proc_io(process.pid) - calls)
    ticks, switches = proc_cpu(process.pid)
    time.sleep(1.0)
    ticks_after, switches_after = proc_cpu(process.pid)
    process.kill()
    process.wait()
    os.close(leader)
    return {
        "first frame ms": first_time * 1000 if first_time else float("nan"),
        "first frame bytes": first_bytes,
        "key ms (median)": statistics.median(times) if times else float("nan"),
        "key ms (max)": max(times) if times else float("nan"),
        "bytes per key (median)": statistics.median(sizes) if sizes else 0,
        "writes per key (median)": statistics.median(writes) if writes else 0,
        "idle wake-ups per second": switches_after - switches,
        "idle CPU ticks per second": ticks_after - ticks,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--size", default="200x50")
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--key", default="j")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    file_args = [args.file] if args.file else []
    printed = subprocess.run(
        [args.binary, "print", "--width", str(columns), *file_args],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.NamedTemporaryFile(suffix=".txt") as text:
        text.write(printed)
        text.flush()
        results = {
            "readouts": measure(
                [args.binary, *file_args], columns, rows, [b"\t"], args.key.encode(), args.keys
            ),
            "less": measure(
                ["less", text.name], columns, rows, [], args.key.encode(), args.keys
            ),
        }
    names = list(results)
    print(f"{'':28}" + "".join(f"{name:>12}" for name in names))
    for field in results[names[0]]:
        print(f"{field:28}" + "".join(f"{results[n][field]:>12.2f}" for n in names))


if __name__ == "__main__":
    sys.exit(main())
