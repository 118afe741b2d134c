#!/usr/bin/env python3
"""Time to first frame: starts the viewer in a pseudo-terminal and times
from just before the process starts until the first full frame has been
written (the status line's sync mode, " aligned ", is drawn last), then
quits it with `q`. Prints the median and range over the runs, and the
viewer's peak resident memory up to its first frame (VmHWM).

With --first-key it instead presses `?` the moment the viewer starts and
times until the help it opens is drawn: a key pressed while a large
document is still being laid out waits for the layout, so this is the
time until the document is laid out whole and answers keys.

usage: first_frame.py BINARY [FILE] [--runs N] [--size COLSxROWS] [--first-key]
"""

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import termios
import time

MARKER = b" aligned "
# The title of the help overlay that `?` opens.
HELP_MARKER = b" Keys "
TIMEOUT_SECONDS = 30.0


def spawn_in_terminal(command, columns, rows, env=None):
    """Starts `command` in a new pseudo-terminal of `columns` x `rows`;
    the process, the terminal's leader side, and the time it started."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        start_new_session=True,
        env=dict(os.environ, TERM="xterm-256color", **(env or {})),
    )
    os.close(follower)
    return process, leader, started


def first_frame(command, columns, rows, first_key=False):
    """One run: seconds from spawn to the marker, and peak RSS in KiB."""
    marker = HELP_MARKER if first_key else MARKER
    process, leader, started = spawn_in_terminal(command, columns, rows)
    if first_key:
        os.write(leader, b"?")
    seen = b""
    elapsed = None
    deadline = started + TIMEOUT_SECONDS
    try:
        while elapsed is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no frame within {TIMEOUT_SECONDS} s: {command}")
            ready, _, _ = select.select([leader], [], [], left)
            if not ready:
                continue
            chunk = os.read(leader, 65536)
            if not chunk:
                raise EOFError(f"the viewer closed the terminal: {seen[-400:]!r}")
            # Keep a tail long enough to hold a marker split across reads.
            seen = seen[-len(marker):] + chunk
            if marker in seen:
                elapsed = time.perf_counter() - started
        peak_kib = peak_resident_kib(process.pid)
        os.write(leader, b"qq")
        drain_until_exit(leader, process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)
    return elapsed, peak_kib


def peak_resident_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise LookupError(f"no VmHWM for process {pid}")


def drain_until_exit(leader, process):
    """Reads what the viewer still writes (so it never blocks) until it exits."""
    deadline = time.perf_counter() + TIMEOUT_SECONDS
    while process.poll() is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.05)
        if ready:
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:
                break
    process.wait(timeout=TIMEOUT_SECONDS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("file", nargs="?")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="200x50")
    parser.add_argument("--first-key", action="store_true")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    command = [args.binary] + ([args.file] if args.file else [])
    runs = [first_frame(command, columns, rows, args.first_key) for _ in range(args.runs)]
    times = [seconds for seconds, _ in runs]
    peak_kib = max(kib for _, kib in runs)
    name = args.file or "built-in readout"
    what = "first key answered" if args.first_key else "first frame"
    print(
        f"{what} of {name} at {args.size}: median {statistics.median(times) * 1000:.1f} ms "
        f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, {args.runs} runs); "
        f"peak RSS {peak_kib / 1024:.1f} MiB"
    )


if __name__ == "__main__":
    sys.exit(main())
