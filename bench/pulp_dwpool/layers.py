#!/usr/bin/env python3
"""bench/pulp_dwpool: cycles of the PULP depthwise, pooling, add and
requantization kernels on 8 cores (kiln-sim-8) and 1 core (kiln-sim), and of
the reference kernel on core 0 (1-core run only), per layer shape; MAC (or
output element) per cycle and the 8-core speed-up, as a markdown table. Fails
if a PULP output differs between the runs or from the reference."""
import argparse
import os
import subprocess
import sys
import tempfile


def run(sim, elf, ref):
    cmd = [sim, "--elf", elf, "--max-cycles", "400000000"]
    with tempfile.TemporaryDirectory() as tmp:
        if ref:
            flag = os.path.join(tmp, "ref.bin")
            with open(flag, "wb") as f:
                f.write((1).to_bytes(4, "little"))
            cmd += ["--load", f"{flag}@bench_run_ref"]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {out.returncode}\n{out.stdout}{out.stderr}")
    rows = {}
    for line in out.stdout.splitlines():
        f = line.split()
        if f and f[0] == "layer":
            rows[f[1]] = dict(work=int(f[2]), cycles=int(f[3]), ref=int(f[4]),
                              hash=f[5], ref_hash=f[6])
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim1", required=True)
    ap.add_argument("--sim8", required=True)
    ap.add_argument("--elf", required=True)
    args = ap.parse_args()
    one = run(args.sim1, args.elf, True)
    eight = run(args.sim8, args.elf, False)
    ok = True
    print("| layer | work | ref core 0 cycles | 1 core cycles | 8 cores cycles | "
          "work/cycle 1 core | work/cycle 8 cores | 8-core speed-up | vs ref |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r1 in one.items():
        r8 = eight[name]
        if not (r1["hash"] == r8["hash"] == r1["ref_hash"]):
            print(f"MISMATCH {name}: 1 core {r1['hash']} 8 cores {r8['hash']} "
                  f"ref {r1['ref_hash']}")
            ok = False
        w = r1["work"]
        print(f"| {name} | {w:,} | {r1['ref']:,} | {r1['cycles']:,} | {r8['cycles']:,} | "
              f"{w / r1['cycles']:.3f} | {w / r8['cycles']:.3f} | "
              f"{r1['cycles'] / r8['cycles']:.2f}x | {r1['ref'] / r8['cycles']:.1f}x |")
    print("work: MACs for depthwise (dw*), output elements otherwise (gap: input "
          "elements); cycles on core 0 around the call, fork and join included")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
