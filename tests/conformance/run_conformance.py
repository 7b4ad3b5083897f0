#!/usr/bin/python3
"""Conformance tier: the ONNX backend node test suite, generated at test time from
Debian's python3-onnx (never committed), run through kiln on x86.

  run_conformance.py KILN WORK_DIR [--filter SUBSTRING] [--verbose]

A case is run when every op of its graph is one kiln imports
(frontends/onnx/onnx_ops.def; Constant nodes too). The inputs that onnx_ops.def
marks compile-time (shapes, pads, axes, weights, which the suite passes as graph
inputs) are bound from the case's input_N.pb as initializers; nothing else about
a case changes. kiln compiles each case; all compiled cases build in one Ninja
build against one copy of the runtime; each runs on the case's inputs and is
compared with the case's expected outputs: max|y-e| <= 1e-4 max|e| and every
element within rtol 1e-3 / atol 1e-7. A case may be skipped only for a reason
onnx_ops.def declares (KILN_ONNX_LIMIT: element types, attribute values), at
most 10 % of the cases run; any other refusal is a failure. Every supported op
needs a passing case, and the skipped cases must be the ones docs/ops.md lists
(tools/gen_ops_doc.py). Prints `N passed, M failed, K skipped`.
Known failures are listed with a reason in expected_failures.txt next to this script.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np

# python3-onnx 1.12's generators use aliases that numpy 1.24 removed.
for _name, _type in [("float", float), ("int", int), ("bool", bool), ("object", object),
                     ("complex", complex), ("str", str)]:
    if _name not in np.__dict__:
        setattr(np, _name, _type)

import onnx  # noqa: E402
from onnx import numpy_helper  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
RTOL, ATOL = 1e-3, 1e-7


def generate_suite(out):
    if os.path.isdir(os.path.join(out, "node")):
        return
    from onnx.backend.test.case import node as node_cases  # noqa: F401
    from onnx.backend.test import cmd_tools
    sys.argv = ["cmd_tools", "generate-data", "-o", out]
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cmd_tools.main()


def load_pb(path):
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return numpy_helper.to_array(t)


sys.path.insert(0, os.path.join(ROOT, "tools"))
import gen_ops_doc  # noqa: E402

OPS = gen_ops_doc.read_ops_def()


def compile_time_inputs(model):
    """Names of the graph inputs onnx_ops.def says kiln needs at compile time."""
    names = set()
    for node in model.graph.node:
        op = OPS.ops.get(node.op_type)
        if not op:
            continue
        for k, name in enumerate(node.input):
            if name and op.is_const_input(k):
                names.add(name)
    return names


def supported(model):
    """Every op is one kiln imports, and none is only folded (kFoldOnly: Cast,
    whose suite cases all cast types kiln does not hold)."""
    return all((n.op_type in OPS.ops and not OPS.ops[n.op_type].fold_only())
               or n.op_type == "Constant" for n in model.graph.node)


def declared_limit(model, reason):
    """The onnx_ops.def limit a refusal quotes, or None."""
    types = {n.op_type for n in model.graph.node} | {"*"}
    for t in sorted(types):
        for lim in OPS.limits.get(t, []):
            if lim in reason:
                return lim
    return None


def prepare_case(case_dir, work):
    """Returns (model path, [input npy], [expected npy]), None if the case has no data
    set or an op kiln does not import, or a string saying why kiln cannot take it."""
    data = os.path.join(case_dir, "test_data_set_0")
    if not os.path.isdir(data):
        return None
    model = onnx.load(os.path.join(case_dir, "model.onnx"))
    if not supported(model):
        return None
    init_names = {i.name for i in model.graph.initializer}
    graph_inputs = [i for i in model.graph.input if i.name not in init_names]
    tensors_only = all(v.type.HasField("tensor_type")
                       for v in list(graph_inputs) + list(model.graph.output))
    if not tensors_only:
        return "an input or output is not a tensor (a sequence, map or optional)"
    inputs = [load_pb(os.path.join(data, f"input_{k}.pb")) for k in range(len(graph_inputs))]
    runtime_inputs = []
    keep = []
    constant_names = compile_time_inputs(model)
    for vi, arr in zip(graph_inputs, inputs):
        if vi.name in constant_names:
            model.graph.initializer.append(numpy_helper.from_array(arr, vi.name))
        else:
            keep.append(vi)
            runtime_inputs.append(arr)
    del model.graph.input[:]
    model.graph.input.extend(keep)
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "model.onnx")
    onnx.save(model, path)
    in_files = []
    for k, arr in enumerate(runtime_inputs):
        p = os.path.join(work, f"in{k}.npy")
        np.save(p, np.ascontiguousarray(arr))
        in_files.append(p)
    expected = []
    k = 0
    while os.path.exists(os.path.join(data, f"output_{k}.pb")):
        p = os.path.join(work, f"expected{k}.npy")
        np.save(p, load_pb(os.path.join(data, f"output_{k}.pb")))
        expected.append(p)
        k += 1
    return path, in_files, expected


def write_ninja(work, cases):
    """One build for all cases: runtime objects once, model + runner per case."""
    rt_src = []
    for sub in ("kernels/ref", "kernels/math"):
        d = os.path.join(ROOT, "runtime", sub)
        rt_src += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".cc"))
    flags = ("-std=c++17 -O1 -fno-exceptions -fno-rtti -ffp-contract=off -fno-fast-math "
             f"-I{ROOT} -I{ROOT}/runtime/include -I{ROOT}/runtime/platform/host")
    lines = [f"cxxflags = {flags}",
             "rule cxx\n  command = c++ $cxxflags $extra -MMD -MF $out.d -c $in -o $out\n"
             "  depfile = $out.d\n  deps = gcc",
             "rule link\n  command = c++ -o $out $in", ""]
    rt_objs = []
    for src in rt_src:
        obj = os.path.join(work, "rt", os.path.relpath(src, ROOT).replace("/", "_") + ".o")
        lines.append(f"build {obj}: cxx {src}")
        rt_objs.append(obj)
    for name, d, prefix in cases:
        objs = []
        extra = (f"-I{d}/out -DKILN_MODEL_HEADER='\"{prefix}.h\"' -DKILN_MODEL={prefix}_model "
                 "-DKILN_LAYER_HOOKS_HEADER='\"layer_hooks.h\"'")
        for src in (f"{d}/out/{prefix}.cc", f"{d}/out/{prefix}_weights.cc",
                    f"{ROOT}/runtime/platform/host/runner.cc"):
            obj = f"{d}/obj/{os.path.basename(src)}.o"
            lines.append(f"build {obj}: cxx {src}\n  extra = {extra}")
            objs.append(obj)
        lines.append(f"build {d}/runner: link {' '.join(objs + rt_objs)}")
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "build.ninja"), "w") as f:
        f.write("\n".join(lines) + "\n")


def compare(got_path, want_path):
    got, want = np.load(got_path), np.load(want_path)
    if got.size != want.size:
        return f"size {got.size} != expected {want.size}"
    got = got.reshape(want.shape)
    if want.dtype.kind == "f":
        g64, w64 = got.astype(np.float64), want.astype(np.float64)
        if not np.allclose(g64, w64, rtol=RTOL, atol=ATOL, equal_nan=True):
            err = np.nanmax(np.abs(g64 - w64))
            return f"max abs error {err:.3g} beyond rtol {RTOL}, atol {ATOL}"
        finite = np.isfinite(w64)
        if finite.any():
            err = np.max(np.abs(g64[finite] - w64[finite]))
            bound = 1e-4 * np.max(np.abs(w64[finite]))
            if err > bound:
                return f"max abs error {err:.3g} beyond 1e-4 * max|e| = {bound:.3g}"
    elif not np.array_equal(got, want):
        return "integer outputs differ"
    return None


def main():
    kiln, work = sys.argv[1], sys.argv[2]
    filt = sys.argv[sys.argv.index("--filter") + 1] if "--filter" in sys.argv else ""
    verbose = "--verbose" in sys.argv
    suite = os.path.join(work, "suite")
    generate_suite(suite)
    expected_fail = {}
    ef = os.path.join(HERE, "expected_failures.txt")
    if os.path.exists(ef):
        for line in open(ef):
            line = line.split("#", 1)
            name = line[0].strip()
            if name:
                expected_fail[name] = line[1].strip() if len(line) > 1 else ""
    cases_root = os.path.join(suite, "node")
    runs = os.path.join(work, "cases")
    shutil.rmtree(runs, ignore_errors=True)
    compiled, skipped, failed, run_ops = [], {}, {}, {}
    for name in sorted(os.listdir(cases_root)):
        if filt not in name:
            continue
        d = os.path.join(runs, name)
        prep = prepare_case(os.path.join(cases_root, name), d)
        if prep is None:
            continue
        if isinstance(prep, str):
            skipped[name] = prep
            run_ops[name] = set()
            continue
        run_ops[name] = {n.op_type for n in onnx.load(prep[0]).graph.node} - {"Constant"}
        model, ins, expected = prep
        p = subprocess.run([kiln, "compile", model, "-o", os.path.join(d, "out")],
                           capture_output=True, text=True)
        if p.returncode == 2:
            why = p.stderr.strip().splitlines()[-1] if p.stderr else "unsupported"
            why = why.replace(model, "model.onnx")
            if declared_limit(onnx.load(model), why):
                skipped[name] = why
            else:
                failed[name] = "refused for a reason onnx_ops.def does not declare: " + why
            continue
        if p.returncode != 0:
            failed[name] = "compile: " + (p.stderr.strip() or p.stdout.strip())
            continue
        prefix = [f[:-2] for f in os.listdir(os.path.join(d, "out")) if f.endswith(".h")][0]
        compiled.append((name, d, prefix, ins, expected))
    write_ninja(runs, [(n, d, p) for n, d, p, _, _ in compiled])
    b = subprocess.run(["ninja", "-C", runs, "-k", "0", "-j2"], capture_output=True, text=True)
    passed = []
    for name, d, prefix, ins, expected in compiled:
        runner = os.path.join(d, "runner")
        if not os.path.exists(runner):
            failed[name] = "build failed (see ninja output)"
            continue
        outs = [os.path.join(d, f"got{k}.npy") for k in range(len(expected))]
        cmd = [runner] + sum([["--in", i] for i in ins], []) + sum([["--out", o] for o in outs], [])
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            failed[name] = f"run: {r.stderr.strip()}"
            continue
        errs = [e for e in (compare(o, x) for o, x in zip(outs, expected)) if e]
        if errs:
            failed[name] = "; ".join(errs)
        else:
            passed.append(name)
    if b.returncode != 0 and verbose:
        print(b.stdout[-4000:])
    unexpected = {n: r for n, r in failed.items() if n not in expected_fail}
    known = {n: r for n, r in failed.items() if n in expected_fail}
    if verbose:
        for n, r in sorted(skipped.items()):
            print(f"skipped {n}: {r}")
    for n in sorted(known):
        print(f"known failure {n}: {expected_fail[n]}")
    for n, r in sorted(unexpected.items()):
        print(f"FAILED {n}: {r}")
    for n in sorted(set(expected_fail) & set(passed)):
        print(f"note: {n} is listed in expected_failures.txt but passes now")
    covered = set().union(*[run_ops[n] for n in passed]) if passed else set()
    problems = []
    total = len(passed) + len(failed) + len(skipped)
    share = 100.0 * len(skipped) / total if total else 0.0
    if not filt:
        # Issue [ops]: at most 10 % of the cases of the supported ops skipped
        # (each for a declared limit, listed in docs/ops.md: checked below).
        if total and len(skipped) > 0.1 * total:
            problems.append(f"{len(skipped)} of {total} cases skipped ({share:.1f} %): "
                            "more than the 10 % allowed")
        missing = sorted({o for o in OPS.ops if not OPS.ops[o].fold_only()} - covered)
        if missing:
            problems.append("supported ops without a passing case: " + ", ".join(missing))
        with open(os.path.join(work, "skipped.json"), "w") as f:
            json.dump(skipped, f, indent=1, sort_keys=True)
        documented = gen_ops_doc.documented_skips()
        if documented != skipped:
            problems.append("docs/ops.md's skipped cases are stale: run "
                            f"tools/gen_ops_doc.py --skipped {work}/skipped.json")
    for p in problems:
        print("FAILED:", p)
    print(f"conformance: {len(passed)} passed, {len(unexpected)} failed, "
          f"{len(skipped)} skipped (declared limits, {share:.1f} % of {total} cases), "
          f"{len(known)} known failures; {len(covered)} ops covered")
    if problems:
        sys.exit(1)
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
