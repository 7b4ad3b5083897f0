#!/usr/bin/env python3
"""Round trip through kiln-sim's --load and --dump: loads random input and key
files at ELF symbols, dumps the transformed output and compares it with the same
transformation computed here. Also checks that bad --load/--dump arguments fail
with exit code 2."""
import argparse
import os
import random
import struct
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--elf", required=True)
    args = ap.parse_args()
    rng = random.Random(7)
    data = bytes(rng.getrandbits(8) for _ in range(1024))
    key = bytes(rng.getrandbits(8) for _ in range(16))
    with tempfile.TemporaryDirectory() as tmp:
        inp, keyf, out = (os.path.join(tmp, n) for n in ("in.bin", "key.bin", "out.bin"))
        open(inp, "wb").write(data)
        open(keyf, "wb").write(key)
        base = [args.sim, "--elf", args.elf, "--max-cycles", "1000000"]
        run = subprocess.run(base + ["--load", f"{inp}@input", "--load", f"{keyf}@key",
                                     "--dump", f"output:1024={out}"],
                             capture_output=True, text=True, timeout=60)
        print(run.stdout.strip(), run.stderr.strip())
        if run.returncode != 0:
            print(f"kiln-sim exit code {run.returncode}")
            return 1
        words = struct.unpack("<256I", data)
        want = b"".join(struct.pack("<I", ((w ^ key[i % 16]) * 2654435761 + i) & 0xffffffff)
                        for i, w in enumerate(words))
        got = open(out, "rb").read()
        if got != want:
            print(f"dump differs: {len(got)} bytes, first mismatch at "
                  f"{next(i for i in range(min(len(got), len(want))) if got[i] != want[i])}")
            return 1

        # Error cases: too large for the symbol, unknown symbol, bad syntax.
        big = os.path.join(tmp, "big.bin")
        open(big, "wb").write(bytes(17))
        for bad in (["--load", f"{big}@key"], ["--load", f"{inp}@no_such_symbol"],
                    ["--dump", f"output:2048={out}"], ["--dump", "output=oops"]):
            r = subprocess.run(base + bad, capture_output=True, text=True, timeout=60)
            if r.returncode != 2:
                print(f"{bad}: exit code {r.returncode}, want 2")
                return 1
            print(f"rejected {bad[1].replace(tmp, '')}: {r.stderr.strip()}")
    print("round trip ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
