#!/usr/bin/env python3
"""Runs a command and requires an exit code and a line on stderr (exact text)."""
import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", type=int, required=True)
    ap.add_argument("--stderr", required=True, help="text stderr must contain")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    print(run.stderr.strip())
    if run.returncode != args.code or args.stderr not in run.stderr:
        print(f"exit code {run.returncode} (want {args.code}); want stderr: {args.stderr}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
