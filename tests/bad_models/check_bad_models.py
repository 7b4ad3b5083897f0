#!/usr/bin/python3
"""bad_models tier: every case of make_bad_models.py through `kiln compile`.

  check_bad_models.py KILN WORK_DIR [CASE...]

Per case: the exit code is the expected one (non-zero), stderr is exactly one line
`kiln: error: ...` that names the model file and contains the expected message, and
neither the output folder nor a temporary folder is left behind. A well-formed control
model must compile (so the harness itself can tell success from failure).
"""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_bad_models  # noqa: E402


def leftovers(folder):
    return sorted(f for f in os.listdir(folder) if "kiln-tmp" in f or f == "out")


def main():
    kiln, work = sys.argv[1], os.path.abspath(sys.argv[2])
    only = set(sys.argv[3:])
    shutil.rmtree(work, ignore_errors=True)
    paths = make_bad_models.write(os.path.join(work, "models"))

    control = os.path.join(work, "control")
    os.makedirs(control)
    good = os.path.join(control, "good.onnx")
    with open(good, "wb") as f:
        f.write(make_bad_models.good_bytes())
    p = subprocess.run([kiln, "compile", good, "-o", os.path.join(control, "out")],
                       capture_output=True, text=True)
    if p.returncode != 0 or not os.path.isfile(os.path.join(control, "out", "good.h")):
        print(f"FAIL: the control model does not compile ({p.returncode}): {p.stderr}")
        return 1

    failures = checked = 0
    for name, _, expected, code in make_bad_models.CASES:
        if only and name not in only:
            continue
        checked += 1
        model = paths[name]
        folder = os.path.dirname(model)
        out = os.path.join(folder, "out")
        p = subprocess.run([kiln, "compile", model, "-o", out],
                           capture_output=True, text=True)
        lines = p.stderr.strip().splitlines()
        problems = []
        if p.returncode != code:
            problems.append(f"exit code {p.returncode}, expected {code}")
        if len(lines) != 1:
            problems.append(f"{len(lines)} lines on stderr, expected 1")
        msg = lines[0] if lines else ""
        prefix = "kiln: unsupported: " if code == 2 else "kiln: error: "
        if not msg.startswith(prefix):
            problems.append(f"stderr does not start with {prefix!r}")
        if model not in msg:
            problems.append("the message does not name the model file")
        at = 0
        for part in (expected,) if isinstance(expected, str) else expected:
            at = msg.find(part, at)
            if at < 0:
                problems.append(f"expected message not found: {part!r}")
                break
        if leftovers(folder):
            problems.append(f"left behind: {leftovers(folder)}")
        if problems:
            failures += 1
            print(f"FAIL {name}: {'; '.join(problems)}\n    stderr: {p.stderr.strip()}")
        else:
            print(f"ok   {name} (exit {p.returncode}): {msg}")
    if failures:
        print(f"FAIL: {failures} of {checked} cases")
        return 1
    print(f"PASS: {checked} bad models refused as specified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
