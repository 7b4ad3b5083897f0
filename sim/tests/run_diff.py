#!/usr/bin/env python3
"""Differential check: runs the kiln-sim and QEMU builds of one program and
requires the same stdout and exit code. Also checks that kiln-sim's --stats
counters account for every cycle."""
import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--qemu", required=True)
    ap.add_argument("--sim-elf", required=True)
    ap.add_argument("--qemu-elf", required=True)
    ap.add_argument("--max-cycles", default="50000000")
    ap.add_argument("--sim-arg", action="append", default=[],
                    help="extra kiln-sim argument (e.g. --random-stalls=3)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        sim = subprocess.run([args.sim, "--elf", args.sim_elf, "--max-cycles",
                              args.max_cycles, "--stats", stats_path] + args.sim_arg,
                             capture_output=True, timeout=300)
        stats = json.load(open(stats_path))
    qemu = subprocess.run([args.qemu, args.qemu_elf], capture_output=True,
                          timeout=300)
    ok = sim.returncode == qemu.returncode and sim.stdout == qemu.stdout
    sys.stdout.write(sim.stdout.decode(errors="replace"))
    if not ok:
        print(f"--- kiln-sim exit {sim.returncode}, qemu exit {qemu.returncode}")
        sys.stdout.write(sim.stderr.decode(errors="replace"))
        diff = difflib.unified_diff(
            qemu.stdout.decode(errors="replace").splitlines(),
            sim.stdout.decode(errors="replace").splitlines(),
            "qemu", "kiln-sim", lineterm="")
        for line in list(diff)[:60]:
            print(line)
        return 1
    # Every cycle retires an instruction or is charged to exactly one stall, on
    # every core (core 0's counters are also at the top level).
    for core in [stats] + stats["cores"]:
        accounted = core["instructions"] + sum(core["stalls"].values())
        if accounted != stats["cycles"]:
            print(f"--- stats do not add up: {stats}")
            return 1
    print(f"--- identical output, exit code {sim.returncode}; kiln-sim "
          f"{stats['cycles']} cycles, {stats['instructions']} instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
