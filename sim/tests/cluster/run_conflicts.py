#!/usr/bin/env python3
"""Bank-conflict microbenchmark check: predicts every core's TCDM conflict cycles
for conflicts.c with a model of the arbitration written from docs/sim.md (16
word-interleaved banks; each bank serves one access per cycle; among the cores
requesting a bank, the first one at or after the bank's round-robin pointer wins,
and the pointer moves to the core after the winner; a losing core retries its
access the next cycle), then compares with kiln-sim's --stats."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from elf32 import Elf32  # noqa: E402

# (core offset in bytes, load stride in bytes); conflicts.c has the same table.
PATTERNS = [(4, 64), (0, 4), (64, 4), (8, 4), (32, 4), (12, 68), (4, 0), (0, 64)]
LOADS = 16
BANKS = 16


def predict(cores, buf):
    rr = [0] * BANKS          # per bank: the core with the highest priority
    conflicts = [0] * cores
    for core_offset, stride in PATTERNS:
        # All cores leave the barrier together; each has LOADS accesses to make.
        todo = [[buf + c * core_offset + k * stride for k in range(LOADS)]
                for c in range(cores)]
        while any(todo):
            wanted = {}
            for c in range(cores):
                if todo[c]:
                    wanted.setdefault((todo[c][0] >> 2) % BANKS, []).append(c)
            for bank, reqs in wanted.items():
                winner = min(reqs, key=lambda c: (c - rr[bank]) % cores)
                rr[bank] = (winner + 1) % cores
                for c in reqs:
                    if c == winner:
                        todo[c].pop(0)
                    else:
                        conflicts[c] += 1
    return conflicts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--elf", required=True)
    args = ap.parse_args()
    buf = Elf32(args.elf).addr("l1_buf")
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        run = subprocess.run([args.sim, "--elf", args.elf, "--max-cycles", "2000000",
                              "--stats", stats_path], capture_output=True, text=True,
                             timeout=120)
        sys.stdout.write(run.stdout)
        if run.returncode != 0:
            print(f"kiln-sim exit {run.returncode}: {run.stderr.strip()}")
            return 1
        stats = json.load(open(stats_path))
    cores = stats["num_cores"]
    measured = [c["cluster"]["tcdm_conflicts"] for c in stats["cores"]]
    expected = predict(cores, buf)
    print(f"{cores} cores, conflict cycles per core:")
    print(f"  model:    {expected}")
    print(f"  kiln-sim: {measured}")
    if measured != expected:
        print("MISMATCH")
        return 1
    if cores > 1 and sum(expected) == 0:
        print("the patterns produce no conflicts: the test would not catch anything")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
