#!/usr/bin/env python3
"""Checks kiln-sim's command line: usage and ELF errors exit with 2, --trace has one
line per retired instruction (matching --stats), --stats has every counter."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from elf32 import Elf32  # noqa: E402


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--elf", required=True)
    args = ap.parse_args()
    failures = []

    for cmd, want in (([], "--elf"), (["--elf", "/nonexistent.elf"], "cannot open"),
                      (["--elf", __file__], "not an ELF"),
                      (["--elf", args.elf, "--max-cycles", "x"], "")):
        r = run([args.sim] + cmd)
        if r.returncode != 2 or want not in r.stderr:
            failures.append(f"{cmd}: exit {r.returncode}, stderr {r.stderr!r}")

    with tempfile.TemporaryDirectory() as tmp:
        trace, stats = os.path.join(tmp, "trace.txt"), os.path.join(tmp, "s.json")
        r = run([args.sim, "--elf", args.elf, "--max-cycles", "100000", "--trace",
                 trace, "--stats", stats])
        if r.returncode != 0:
            failures.append(f"run: exit {r.returncode} {r.stderr}")
        s = json.load(open(stats))
        for key in ("cycles", "instructions", "exit_code"):
            if key not in s:
                failures.append(f"stats: no {key}")
        for key in ("load_use", "branch", "jump", "mul_div", "lsu", "fetch"):
            if key not in s.get("stalls", {}):
                failures.append(f"stats: no stalls.{key}")
        lines = open(trace).read().splitlines()
        retired = [l for l in lines if " load " not in l]
        if len(retired) != s["instructions"]:
            failures.append(f"trace: {len(retired)} retire lines, stats say "
                            f"{s['instructions']}")
        first = re.match(r"^(\d+) ([0-9a-f]{8}) ([0-9a-f]{8})", lines[0])
        elf = Elf32(args.elf)
        if not first or int(first.group(2), 16) != elf.entry or \
                int(first.group(3), 16) != elf.word(elf.entry):
            failures.append(f"trace: first line {lines[0]!r}, entry {elf.entry:#x}")
        bad = [l for l in lines
               if not re.match(r"^\d+ ([0-9a-f]{8} [0-9a-f]{8}( x\d+=[0-9a-f]{8})?"
                               r"|load x\d+=[0-9a-f]{8})$", l)]
        if bad:
            failures.append(f"trace: malformed line {bad[0]!r}")
    for f in failures:
        print("FAIL", f)
    if not failures:
        print("kiln-sim command line ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
