#!/usr/bin/env python3
"""Writes the ONNX backend node-test models of every op the kiln ONNX frontend
supports (from Debian's python3-onnx, at test time: no binary model is
committed) into OUT_DIR, for node_cases_test.cc.

Usage: gen_node_cases.py OUT_DIR SUPPORTED_OPS_DEF
"""
import os
import re
import sys


def main():
    out_dir, ops_def = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    with open(ops_def) as f:
        ops = set(re.findall(r'^KILN_ONNX_OP\("(\w+)"', f.read(), re.M))
    try:
        import numpy as np
        # onnx 1.12's test cases use aliases newer numpy removed.
        for name, alias in (("float", float), ("int", int), ("bool", bool),
                            ("object", object), ("str", str),
                            ("complex", complex)):
            if name not in np.__dict__:
                setattr(np, name, alias)
        import onnx
        from onnx.backend.test.case import node as node_cases
    except ImportError as e:
        print(f"python3-onnx is not available ({e}); no node cases written")
        return 0
    import warnings
    warnings.simplefilter("ignore")
    written = 0
    for case in node_cases.collect_testcases(None):
        types = {n.op_type for n in case.model.graph.node}
        if types & ops and types <= ops | {"Constant"}:
            onnx.save(case.model, os.path.join(out_dir, case.name + ".onnx"))
            written += 1
    print(f"wrote {written} node cases to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
