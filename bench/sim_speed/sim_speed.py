#!/usr/bin/env python3
"""bench/sim_speed: simulation speed of kiln-sim (1 core) and kiln-sim-8 (8-core
cluster), and the 8-core speed-up of the blocked int8 dot-product kernel
(dot_cluster.c). Simulated cycles per second are cycles from --stats over the
CPU time (user + system) of the kiln-sim process, so a busy machine slows the
figure less than wall time would. Two programs: --elf (the kernel 8 times; its
MAC/cycle) and --long-elf (64 times: the cores are busy most of the run, the
speed figure), each on both models, with the share of the run spent in the
kernel (the rest is core 0 alone filling the operands, the others asleep). Exit 1 if the two runs disagree, a result is
wrong, or the 8-core kernel is below 7x one core (cycle counts are deterministic;
the speed goal of 500k cycles/s is reported, not enforced)."""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile


def run(sim, elf, extra):
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([sim, "--elf", elf, "--max-cycles", "100000000",
                               "--stats", stats_path] + extra,
                              capture_output=True, text=True, timeout=600)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            sys.exit(f"{sim}: exit {proc.returncode}\n{proc.stdout}{proc.stderr}")
        stats = json.load(open(stats_path))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    fields = dict(re.findall(r"(\w+) (\S+)", proc.stdout))
    return stats, cpu, fields


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim1", required=True, help="kiln-sim (1 core)")
    ap.add_argument("--sim8", required=True, help="kiln-sim-8")
    ap.add_argument("--elf", required=True)
    ap.add_argument("--long-elf", required=True)
    args = ap.parse_args()

    rows = []
    for elf in (args.elf, args.long_elf):
        for sim in (args.sim1, args.sim8):
            stats, cpu, fields = run(sim, elf, [])
            rows.append((os.path.basename(sim), os.path.basename(elf),
                         stats["num_cores"], stats["cycles"], cpu, fields, stats))
    print("| model | program | cores | simulated cycles | kernel share | CPU s | "
          "cycles/s | kernel MAC/cycle | core 0 TCDM conflicts |")
    print("|---|---|---|---|---|---|---|---|---|")
    for sim, elf, cores, cycles, cpu, f, _ in rows:
        share = int(f["cycles"]) / cycles
        print(f"| {sim} | {elf} | {cores} | {cycles} | {share:.0%} | {cpu:.2f} | "
              f"{cycles / cpu:,.0f} | {f['mac_per_cycle']} | {f['conflicts_core0']} |")
    one, eight = rows[0][5], rows[1][5]
    speedup = float(eight["mac_per_cycle"]) / float(one["mac_per_cycle"])
    speed8 = rows[3][3] / rows[3][4]
    print(f"8-core kernel speed-up: {speedup:.2f}x one core (goal >= 7)")
    print(f"8-core simulation speed (long run): {speed8:,.0f} cycles/s "
          f"(goal >= 500,000)")
    ok = all(r[5]["checksum"] == one["checksum"] and r[5]["errors"] == "0"
             for r in rows)
    if not ok:
        print("results DIFFER between the 1-core and 8-core runs or are wrong")
        return 1
    if speedup < 7:
        print("speed-up goal NOT MET")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
