#!/usr/bin/env python3
"""Runs a command and requires an exit code, a text on stderr and, optionally,
lines on stdout (each --stdout-line must be a whole line, in any order)."""
import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", type=int, required=True)
    ap.add_argument("--stderr", required=True, help="text stderr must contain")
    ap.add_argument("--stdout-line", action="append", default=[])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    print(run.stdout, end="")
    print(run.stderr.strip())
    if run.returncode != args.code or args.stderr not in run.stderr:
        print(f"exit code {run.returncode} (want {args.code}); want stderr: {args.stderr}")
        return 1
    lines = run.stdout.splitlines()
    missing = [line for line in args.stdout_line if line not in lines]
    if missing:
        print(f"missing stdout lines: {missing}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
