"""ctypes bindings of the reference kernels and the ORT runner for compare_ops.py:
builds the runtime sources into a shared library, mirrors the params structs, runs a
single-node model through ONNX Runtime, and compares with known divergences."""
import ctypes
import json
import math
import os
import subprocess
import tempfile

from onnxmini import model

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
ORT_DIR = os.environ.get(
    'KILN_ORT_DIR', os.path.join(REPO, 'third_party', 'ort', 'node_modules',
                                 'onnxruntime-node'))
TMP = tempfile.mkdtemp(prefix='kiln_ort_compare_')


def build_library():
    srcs = []
    for sub in ('ref', 'math'):
        d = os.path.join(REPO, 'runtime', 'kernels', sub)
        srcs += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith('.cc')]
    out = os.path.join(TMP, 'libkiln_ref.so')
    subprocess.run(['g++', '-std=c++17', '-O2', '-fPIC', '-shared', '-ffp-contract=off',
                    '-I' + os.path.join(REPO, 'runtime', 'include'), '-I' + REPO]
                   + srcs + ['-o', out], check=True)
    return ctypes.CDLL(out)


lib = build_library()
I, F = ctypes.c_int32, ctypes.c_float
A4, A6 = I * 4, I * 6
INF = float('inf')
NAN = float('nan')


def _struct(name, fields):
    return type(name, (ctypes.Structure,), {'_fields_': fields})


def _ints(*names):
    return [(n, I) for n in names]


# Field order must match runtime/include/kiln/ref/*.h.
Conv = _struct('Conv', _ints('batch', 'in_h', 'in_w', 'in_c', 'out_h', 'out_w', 'out_c',
                             'kh', 'kw', 'sh', 'sw', 'dh', 'dw', 'pt', 'pl', 'pb', 'pr',
                             'groups') + [('lo', F), ('hi', F)])
MaxPool = _struct('MaxPool', _ints('batch', 'in_h', 'in_w', 'c', 'out_h', 'out_w', 'kh',
                                   'kw', 'sh', 'sw', 'dh', 'dw', 'pt', 'pl', 'pb', 'pr')
                  + [('lo', F), ('hi', F)])
AvgPool = _struct('AvgPool', _ints('batch', 'in_h', 'in_w', 'c', 'out_h', 'out_w', 'kh',
                                   'kw', 'sh', 'sw', 'dh', 'dw', 'pt', 'pl', 'pb', 'pr',
                                   'cip') + [('lo', F), ('hi', F)])
GlobalPool = _struct('GlobalPool', _ints('batch', 'spatial', 'c') + [('lo', F), ('hi', F)])
Unary = _struct('Unary', _ints('op', 'count') + [('alpha', F), ('beta', F), ('lo', F),
                                                 ('hi', F)])
Resize = _struct('Resize', _ints('batch', 'in_h', 'in_w', 'c', 'out_h', 'out_w', 'mode',
                                 'coord', 'nearest') + [('sh', F), ('sw', F), ('a', F)]
                 + _ints('exclude') + [('rh0', F), ('rh1', F), ('rw0', F), ('rw1', F),
                                       ('extrap', F)])
Softmax = _struct('Softmax', _ints('outer', 'axis', 'inner'))
Broadcast = _struct('Broadcast', [('rank', I), ('out', A6), ('a', A6), ('b', A6),
                                  ('lo', F), ('hi', F)])
Pad = _struct('Pad', [('rank', I), ('shape', A6), ('pb', A6), ('pe', A6), ('mode', I),
                      ('value', F)])
Reduce = _struct('Reduce', [('rank', I), ('shape', A6), ('mask', I), ('op', I)])
MatMul = _struct('MatMul', [('bd', I), ('bs', A4), ('sa', A4), ('sb', A4), ('m', I),
                            ('k', I), ('n', I), ('lo', F), ('hi', F)])


def floats(vals):
    return (ctypes.c_float * len(vals))(*vals)


def _enc(v):
    return 'nan' if v != v else 'inf' if v == INF else '-inf' if v == -INF else v


def _dec(v):
    return {'nan': NAN, 'inf': INF, '-inf': -INF}.get(v, v) if isinstance(v, str) else v


def ort(op, inputs, attrs, inits=(), node_inputs=None, opset=19):
    """inputs: [(name, shape, data)]; returns (dims, data) of ORT's first output."""
    m = model(op, [(n, s) for n, s, _ in inputs], [('y', None)], attrs, inits,
              node_inputs, opset)
    mpath, ipath = os.path.join(TMP, 'm.onnx'), os.path.join(TMP, 'in.json')
    with open(mpath, 'wb') as f:
        f.write(m)
    with open(ipath, 'w') as f:
        json.dump([[n, s, [_enc(x) for x in d]] for n, s, d in inputs], f)
    r = subprocess.run(['node', os.path.join(HERE, 'run_ort.js'), ORT_DIR, mpath, ipath],
                       capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError(r.stderr[-2000:])
    o = json.loads(r.stdout)
    return o['dims'], [float(_dec(v)) for v in o['data']]


def nchw_to_nhwc(x, n, c, h, w):
    return [x[((a * c + b) * h + i) * w + j]
            for a in range(n) for i in range(h) for j in range(w) for b in range(c)]


def nhwc_to_nchw(x, n, c, h, w):
    return [x[((a * h + i) * w + j) * c + b]
            for a in range(n) for b in range(c) for i in range(h) for j in range(w)]


class Results:
    def __init__(self):
        self.cases = 0
        self.failures = []
        self.known = []

    def compare(self, tag, expected, actual, tol=1e-5, known=None):
        """known: why ORT and kiln are allowed to differ here (then reported only)."""
        self.cases += 1
        bad = []
        if len(expected) != len(actual):
            bad.append(('len', len(expected), len(actual)))
        for i, (e, g) in enumerate(zip(expected, actual)):
            if e != e:
                ok = g != g
            elif math.isinf(e):
                ok = e == g
            else:
                ok = abs(e - g) <= tol * (1 + abs(e))
            if not ok:
                bad.append((i, e, g))
        if bad:
            (self.known if known else self.failures).append((tag, known, bad[:4]))
        return not bad
