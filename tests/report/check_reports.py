#!/usr/bin/python3
"""Checks kiln's memory-plan reports ([reports] acceptance 2 and 3).

For every model it finds (examples/models, examples/models/zoo, and the MLPerf Tiny
models in ../shared when present): compile, validate report.json against
docs/report_schema.json, and re-derive from the buffers alone what the report
claims (no two buffers live at the same step overlap, the lower bound, the peak
step and its tensors, per-layer live bytes, the arena constant in the generated
header). For a few models, run the generated code on an arena of exactly
`arena_bytes` against PROT_NONE pages (runner --guard end / start) and compare
with an ordinary run. Then the --sram-budget error: one byte short fails with a
message naming the step, the live tensors and the shortfall, and leaves no
folder behind.

usage: check_reports.py KILN REPO WORKDIR
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

import jsonschema
import numpy as np

KILN, REPO, WORK = sys.argv[1:4]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def models():
    found = sorted(glob.glob(os.path.join(REPO, "examples/models/*.onnx")))
    found += sorted(glob.glob(os.path.join(REPO, "examples/models/zoo/*.onnx")))
    shared = os.path.join(REPO, "..", "shared", "models", "mlperf-tiny")
    if os.path.isdir(shared):
        found += sorted(glob.glob(os.path.join(shared, "*.onnx")))
    else:
        print(f"note: {shared} not found; the MLPerf Tiny models are skipped")
    return found


def compile_model(model, out, *extra):
    return subprocess.run([KILN, "compile", model, "-o", out, "--force", *extra],
                          capture_output=True, text=True)


def check_report(model, out, schema):
    name = os.path.basename(model)
    r = json.load(open(os.path.join(out, "report.json")))
    try:
        jsonschema.Draft202012Validator(schema).validate(r)
    except jsonschema.ValidationError as e:
        fail(f"{name}: report.json does not match the schema: {e.message} at "
             f"{list(e.absolute_path)}")
        return r
    bufs = r["buffers"]
    steps = len(r["layers"])
    # Overlap check, written from the definition: two buffers live at a common
    # step must not share a byte.
    for i in range(len(bufs)):
        a = bufs[i]
        for b in bufs[i + 1:]:
            if a["size"] == 0 or b["size"] == 0:
                continue
            if a["last_step"] < b["first_step"] or b["last_step"] < a["first_step"]:
                continue
            if a["offset"] < b["offset"] + b["size"] and b["offset"] < a["offset"] + a["size"]:
                fail(f"{name}: buffers {a['tensor']} and {b['tensor']} overlap")
    top = max([b["offset"] + b["size"] for b in bufs] + [0])
    if top > r["arena_bytes"]:
        fail(f"{name}: a buffer ends at {top} > arena_bytes {r['arena_bytes']}")
    live = [0] * max(steps, 1)
    for b in bufs:
        for s in range(b["first_step"], b["last_step"] + 1):
            live[s] += b["size"]
    bound = max(live) if bufs else 0
    if r["lower_bound_bytes"] != bound:
        fail(f"{name}: lower_bound_bytes {r['lower_bound_bytes']} != max live {bound}")
    if r["arena_bytes"] < bound:
        fail(f"{name}: arena {r['arena_bytes']} below the lower bound {bound}")
    if steps and live[r["peak_step"]] != bound:
        fail(f"{name}: peak_step {r['peak_step']} is not a step of maximum live bytes")
    want_peak = sorted(b["tensor"] for b in bufs if b["size"] and
                       b["first_step"] <= r["peak_step"] <= b["last_step"])
    if sorted(r["peak_tensors"]) != want_peak:
        fail(f"{name}: peak_tensors {r['peak_tensors']} != live at the peak {want_peak}")
    scratch = [0] * max(steps, 1)
    for b in bufs:
        if b.get("kind") == "scratch":
            if b["first_step"] != b["last_step"]:
                fail(f"{name}: scratch buffer {b['tensor']} lives over several steps")
            scratch[b["first_step"]] += b["size"]
    for l in r["layers"]:
        if l["scratch_bytes"] != scratch[l["index"]]:
            fail(f"{name}: layer {l['name']} scratch_bytes {l['scratch_bytes']} != its "
                 f"scratch buffers' {scratch[l['index']]}")
        if l["live_bytes"] != live[l["index"]]:
            fail(f"{name}: layer {l['name']} live_bytes {l['live_bytes']} != {live[l['index']]}")
    if r["planners"]["kiln"] != r["arena_bytes"]:
        fail(f"{name}: planners.kiln != arena_bytes")
    if r["planners"]["lower_bound"] != r["lower_bound_bytes"]:
        fail(f"{name}: planners.lower_bound != lower_bound_bytes")
    header = os.path.join(out, r["name"] + ".h")
    m = re.search(r"#define\s+\w+_ARENA_BYTES\s+(\d+)", open(header).read())
    if not m or int(m.group(1)) != r["arena_bytes"]:
        fail(f"{name}: header arena constant {m and m.group(1)} != arena_bytes "
             f"{r['arena_bytes']}")
    m = re.search(r"/\*arena_bytes=\*/(\d+)", open(os.path.join(out, r["name"] + ".cc")).read())
    if not m or int(m.group(1)) != r["arena_bytes"]:
        fail(f"{name}: the model descriptor's arena_bytes {m and m.group(1)} != "
             f"{r['arena_bytes']}")
    for f in ("report.txt", "report.html"):
        if not os.path.getsize(os.path.join(out, f)):
            fail(f"{name}: {f} is empty")
    return r


def guarded_runs(model, out, r):
    """Runs the model normally and on a guarded arena; outputs must match."""
    name = os.path.basename(model)
    rng = np.random.default_rng(7)
    ins = []
    for i in r["inputs"]:
        p = os.path.join(out, f"in_{len(ins)}.npy")
        np.save(p, rng.uniform(-1, 1, i["shape"]).astype(np.float32))
        ins.append(p)
    outs = [os.path.join(out, f"out_{k}.npy") for k in range(len(r["outputs"]))]
    cmd = [KILN, "run", out]
    for p in ins:
        cmd += ["--input", p]
    for p in outs:
        cmd += ["--output", p]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode:
        fail(f"{name}: kiln run failed: {p.stderr.strip()}")
        return
    ref = [np.load(o) for o in outs]
    for where in ("end", "start"):
        gouts = [o.replace(".npy", f"_{where}.npy") for o in outs]
        cmd = [os.path.join(out, "build", "runner"), "--guard", where]
        cmd += sum([["--in", x] for x in ins], []) + sum([["--out", x] for x in gouts], [])
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode:
            fail(f"{name}: guarded run ({where}) failed with {p.returncode}: {p.stderr}")
            continue
        for a, g in zip(ref, gouts):
            if not np.array_equal(a, np.load(g)):
                fail(f"{name}: guarded run ({where}) differs from the ordinary run")


def budget(model, r):
    """--sram-budget one byte short fails and names step, tensors and shortfall."""
    name = os.path.basename(model)
    out = os.path.join(WORK, "budget_out")
    shutil.rmtree(out, ignore_errors=True)
    p = compile_model(model, out, "--sram-budget", str(r["arena_bytes"] - 1))
    msg = p.stderr.strip()
    if p.returncode == 0:
        fail(f"{name}: a budget one byte short was accepted")
    if os.path.exists(out) or glob.glob(os.path.join(WORK, ".budget_out*")):
        fail(f"{name}: a failed budget left a folder behind")
    if len(msg.splitlines()) != 1:
        fail(f"{name}: the budget error is not one line: {msg!r}")
    for want in [f"step {r['peak_step']}", "short by 1 bytes", name] + r["peak_tensors"]:
        if want not in msg:
            fail(f"{name}: the budget error does not name {want!r}: {msg}")
    p = compile_model(model, out, "--sram-budget", str(r["arena_bytes"]))
    if p.returncode:
        fail(f"{name}: the exact budget was refused: {p.stderr.strip()}")
    p = compile_model(model, out, "--sram-budget", "12Q")
    if p.returncode == 0 or "--sram-budget" not in p.stderr:
        fail(f"{name}: a malformed budget was not refused clearly: {p.stderr.strip()}")
    p = compile_model(model, out, "--sram-budget", "1M")
    if p.returncode:
        fail(f"{name}: a 1M budget was refused: {p.stderr.strip()}")


def main():
    os.makedirs(WORK, exist_ok=True)
    schema = json.load(open(os.path.join(REPO, "docs/report_schema.json")))
    jsonschema.Draft202012Validator.check_schema(schema)
    checked = 0
    with_scratch = 0  # reports with kernel scratch in the arena
    for model in models():
        stem = os.path.splitext(os.path.basename(model))[0]
        out = os.path.join(WORK, stem)
        p = compile_model(model, out)
        if p.returncode:
            fail(f"{stem}: compile failed: {p.stderr.strip()}")
            continue
        r = check_report(model, out, schema)
        checked += 1
        with_scratch += any(b.get("kind") == "scratch" for b in r["buffers"])
        if stem in ("tiny_cnn", "seq_mixer", "pretrainedResnet", "ad01_fp32"):
            guarded_runs(model, out, r)
        if stem == "tiny_cnn":
            budget(model, r)
    # `kiln report DIR` redraws the page and prints the same table.
    out = os.path.join(WORK, "tiny_cnn")
    os.remove(os.path.join(out, "report.html"))
    p = subprocess.run([KILN, "report", out], capture_output=True, text=True)
    if p.returncode or not os.path.exists(os.path.join(out, "report.html")) or \
            "lower bound" not in p.stdout:
        fail(f"kiln report did not redraw the report: {p.stderr.strip()}")
    p = subprocess.run([KILN, "report", WORK], capture_output=True, text=True)
    if p.returncode == 0 or "not a kiln output folder" not in p.stderr:
        fail(f"kiln report on a non-output folder: {p.stderr.strip()}")
    # The 3x3 convolutions of tiny_cnn and the zoo take im2col scratch: the checks
    # above covered scratch buffers (guarded runs included).
    if not with_scratch:
        fail("no report has a kernel scratch buffer")
    print(f"{checked} reports checked ({with_scratch} with kernel scratch), "
          f"{len(failures)} failure(s)")
    sys.exit(1 if failures or checked == 0 else 0)


main()
