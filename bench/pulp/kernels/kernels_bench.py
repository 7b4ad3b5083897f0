#!/usr/bin/env python3
"""bench/pulp/kernels: runs kernels_bench.elf on kiln-sim (1 core) and
kiln-sim-8 (8 cores) and prints, per conv / FC layer shape, cycles and
MAC/cycle on each and the 8-core speed-up, as a Markdown table
(docs/performance.md, "PULP kernels"). Exit 1 if an output checksum differs
between the two runs. The goals of issue [pulp-kernels] (conv layers >= 12
MAC/cycle on 8 cores, >= 6.5x one core) are reported, not enforced."""
import argparse
import subprocess
import sys


def run(sim, elf):
    proc = subprocess.run([sim, "--elf", elf, "--max-cycles", "200000000"],
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        sys.exit(f"{sim}: exit {proc.returncode}\n{proc.stdout}{proc.stderr}")
    layers = []
    for line in proc.stdout.splitlines():
        if not line.startswith("layer|"):
            continue
        _, name, *fields = line.split("|")
        f = dict(x.split(" ", 1) for x in fields)
        layers.append((name, f))
    return layers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim1", required=True)
    ap.add_argument("--sim8", required=True)
    ap.add_argument("--elf", required=True)
    args = ap.parse_args()
    one = run(args.sim1, args.elf)
    eight = run(args.sim8, args.elf)
    print("| layer | MACs | 1 core cycles | MAC/cycle | 8 cores cycles | MAC/cycle "
          "| speed-up | axis (8 cores) | oc tile x band rows |")
    print("|---|---|---|---|---|---|---|---|---|")
    ok = True
    conv_macs = conv_c1 = conv_c8 = 0
    for (name, a), (_, b) in zip(one, eight):
        macs, c1, c8 = int(a["macs"]), int(a["cycles"]), int(b["cycles"])
        if a["checksum"] != b["checksum"]:
            ok = False
            name += " (OUTPUTS DIFFER)"
        if "fc" not in name.split():
            conv_macs += macs
            conv_c1 += c1
            conv_c8 += c8
        print(f"| {name} | {macs} | {c1} | {macs / c1:.2f} | {c8} | {macs / c8:.2f} | "
              f"{c1 / c8:.2f}x | {b['axis']} | {b['oc_tile']} x {b['band_rows']} |")
    print(f"\nAll conv layers: {conv_macs / conv_c8:.2f} MAC/cycle on 8 cores "
          f"(goal >= 12), {conv_macs / conv_c1:.2f} on 1 core, speed-up "
          f"{conv_c1 / conv_c8:.2f}x (goal >= 6.5)")
    if not ok:
        print("outputs DIFFER between the 1-core and 8-core runs")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
