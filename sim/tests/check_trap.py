#!/usr/bin/env python3
"""Runs a program that must trap, and checks kiln-sim's exit code and its message:
cause, PC and instruction word of the faulting instruction, and the address."""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "support"))
from elf32 import Elf32  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--elf", required=True)
    ap.add_argument("--cause", required=True)
    ap.add_argument("--pc", default="trap_pc", help="symbol or number")
    ap.add_argument("--addr", required=True, help="sym, sym+off or number")
    ap.add_argument("--instr", help="expected instruction word (default: read at pc)")
    args = ap.parse_args()

    elf = Elf32(args.elf)
    pc = elf.addr(args.pc)
    addr = elf.addr(args.addr)
    instr = int(args.instr, 0) if args.instr else elf.word(pc)
    expected = (f"kiln-sim: trap: {args.cause} at pc=0x{pc:08x} "
                f"instr=0x{instr:08x} addr=0x{addr:08x}")
    run = subprocess.run([args.sim, "--elf", args.elf, "--max-cycles", "100000"],
                         capture_output=True, text=True, timeout=60)
    ok = run.returncode == 125 and expected in run.stderr
    if not ok:
        print(f"exit code {run.returncode} (want 125)")
        print(f"stderr: {run.stderr.strip()}")
        print(f"want:   {expected}")
        return 1
    print(run.stderr.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
