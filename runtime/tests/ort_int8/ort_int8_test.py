#!/usr/bin/python3
"""ONNX Runtime agreement of kiln's int8 reference kernels (issue [int8],
acceptance 3). Builds single-op QLinear / QDQ ONNX models with python3-onnx, runs
them with ONNX Runtime (tools/ort_run.js, graph optimizations off, so QDQ runs as
DequantizeLinear -> float op -> QuantizeLinear), runs the matching kiln kernel
on the same data through int8_driver (which derives multipliers with
kiln/quant_host.h like the compiler), and requires per case: every value within
1 LSB and >= 99% identical (DequantizeLinear: bit-identical floats).

  ort_int8_test.py --driver BUILD/int8_driver --ort-run tools/ort_run.js --work DIR
Exit 77 (ctest SKIP) when python3-onnx, node or ONNX Runtime is missing.
"""
import argparse
import os
import shutil
import subprocess
import sys

try:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper
except ImportError as e:  # pragma: no cover
    print('SKIP: %s (needs /usr/bin/python3 with python3-onnx)' % e)
    sys.exit(77)

OPSET = 14
ARGS = None
RNG = np.random.RandomState(20261129)
FAILURES = []


def i8(shape, lo=-128, hi=127):
    return RNG.randint(lo, hi + 1, size=shape).astype(np.int8)


def init(name, arr):
    return numpy_helper.from_array(np.asarray(arr), name)


def scalar(name, value, dtype):
    return numpy_helper.from_array(np.array(value, dtype=dtype), name)


class Case:
    """One model + data: ORT inputs, kiln files and params, comparison."""

    def __init__(self, name):
        self.name = name
        self.dir = os.path.join(ARGS.work, name)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.kv = []

    def param(self, key, *values):
        self.kv.append(key + ' ' + ' '.join(repr(float(v)) if isinstance(v, float)
                                            else str(int(v)) for v in values))

    def kiln_file(self, name, arr):
        np.ascontiguousarray(arr).tofile(os.path.join(self.dir, name))

    def run_ort(self, nodes, inputs, initializers, out_type, out_name='y'):
        """inputs: list of (name, array). Returns ORT's output array."""
        vis = [helper.make_tensor_value_info(
            n, onnx.mapping.NP_TYPE_TO_TENSOR_TYPE[a.dtype], a.shape) for n, a in inputs]
        out = helper.make_tensor_value_info(out_name, out_type, None)
        graph = helper.make_graph(nodes, self.name, vis, [out], initializers)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', OPSET)])
        model.ir_version = 8
        path = os.path.join(self.dir, 'model.onnx')
        onnx.save(model, path)
        cmd = ['node', ARGS.ort_run, path]
        for k, (n, a) in enumerate(inputs):
            f = os.path.join(self.dir, 'in%d.npy' % k)
            np.save(f, a)
            cmd += ['--in', f]
        outf = os.path.join(self.dir, 'ort.npy')
        cmd += ['--out', outf]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError('%s: ORT failed: %s' % (self.name, r.stderr.strip()))
        return np.load(outf)

    def run_kiln(self, op, dtype, shape):
        with open(os.path.join(self.dir, 'case.txt'), 'w') as f:
            f.write('op %s\n' % op)
            f.write('\n'.join(self.kv) + '\n')
        r = subprocess.run([ARGS.driver, self.dir], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError('%s: driver failed: %s' % (self.name, r.stderr.strip()))
        return np.fromfile(os.path.join(self.dir, 'y.bin'), dtype=dtype).reshape(shape)

    def compare(self, ort, kiln, exact_float=False, ties=None):
        ort = np.asarray(ort)
        if ort.shape != kiln.shape:
            FAILURES.append('%s: shape %s vs %s' % (self.name, ort.shape, kiln.shape))
            return
        if exact_float:
            same = np.array_equal(ort.view(np.uint32), kiln.view(np.uint32))
            print('%-28s %6d values  bit-identical=%s' % (self.name, ort.size, same))
            if not same:
                FAILURES.append(self.name + ': floats differ')
            return
        d = np.abs(ort.astype(np.int32) - kiln.astype(np.int32))
        note = ''
        if ties is not None:
            # Exact real-valued ties (x.5): ORT's float path decides them by the
            # rounding error of its scale arithmetic, kiln rounds them away from
            # zero; they must be within 1 LSB, the rest must be identical.
            note = '  (%d exact ties excluded)' % int(ties.sum())
            ident = float(np.mean(d[~ties] == 0))
        else:
            ident = float(np.mean(d == 0))
        print('%-28s %6d values  max|diff|=%d  identical=%.4f%s' %
              (self.name, d.size, d.max(), ident, note))
        if d.max() > 1 or ident < 0.99:
            FAILURES.append('%s: max diff %d, identical %.4f' % (self.name, d.max(), ident))


def out_scale_for(acc_std_real):
    # Three standard deviations of the real output map onto the int8 range.
    return float(3.0 * acc_std_real / 127.0)


def conv_case(name, n, c, h, w, oc, kh, kw, stride, dil, pads, groups,
              per_channel=True, depthwise=False):
    cs = Case(name)
    cg = c // groups
    x = i8((n, c, h, w))
    wq = i8((oc, cg, kh, kw), -127, 127)
    x_scale, x_zp = 0.02, int(RNG.randint(-20, 21))
    w_scale = (RNG.uniform(0.002, 0.01, size=oc) if per_channel
               else np.array([0.005])).astype(np.float32)
    k = cg * kh * kw
    acc_std = np.sqrt(k) * 74.0 * 73.0
    y_scale = out_scale_for(acc_std * x_scale * float(np.mean(w_scale)))
    y_zp = int(RNG.randint(-10, 11))
    bias = RNG.randint(-int(acc_std), int(acc_std) + 1, size=oc).astype(np.int32)
    inits = [scalar('xs', x_scale, np.float32), scalar('xz', x_zp, np.int8),
             init('w', wq), init('ws', w_scale if per_channel else w_scale[0]),
             init('wz', np.zeros(oc if per_channel else (), np.int8)),
             scalar('ys', y_scale, np.float32), scalar('yz', y_zp, np.int8),
             init('b', bias)]
    node = helper.make_node('QLinearConv', ['x', 'xs', 'xz', 'w', 'ws', 'wz', 'ys', 'yz', 'b'],
                            ['y'], kernel_shape=[kh, kw], strides=list(stride),
                            dilations=list(dil), pads=list(pads), group=groups)
    ort = cs.run_ort([node], [('x', x)], inits, TensorProto.INT8)
    _, _, oh, ow = ort.shape
    for key, v in [('n', n), ('h', h), ('w', w), ('c', c), ('oh', oh), ('ow', ow),
                   ('oc', oc), ('kh', kh), ('kw', kw), ('sh', stride[0]),
                   ('sw', stride[1]), ('dh', dil[0]), ('dw', dil[1]), ('pt', pads[0]),
                   ('pl', pads[1]), ('pb', pads[2]), ('pr', pads[3]), ('groups', groups),
                   ('x_zp', x_zp), ('y_zp', y_zp)]:
        cs.param(key, v)
    cs.param('x_scale', float(np.float32(x_scale)))
    cs.param('y_scale', float(np.float32(y_scale)))
    cs.param('w_scale', *[float(s) for s in w_scale])
    cs.kiln_file('x.bin', x.transpose(0, 2, 3, 1))
    if depthwise:
        cs.kiln_file('w.bin', wq.reshape(oc, kh, kw).transpose(1, 2, 0))
    else:
        cs.kiln_file('w.bin', wq.transpose(0, 2, 3, 1))
    cs.kiln_file('b.bin', bias)
    y = cs.run_kiln('depthwise' if depthwise else 'conv', np.int8, (n, oh, ow, oc))
    cs.compare(ort.transpose(0, 2, 3, 1), y)


def matmul_case(name, m, k, n, per_column, b_zp):
    cs = Case(name)
    a = i8((m, k))
    b = i8((k, n), -127, 127)
    a_scale, a_zp = 0.03, int(RNG.randint(-20, 21))
    b_scale = (RNG.uniform(0.002, 0.01, size=n) if per_column
               else np.array([0.004])).astype(np.float32)
    y_scale = out_scale_for(np.sqrt(k) * 74 * 73 * a_scale * float(np.mean(b_scale)))
    y_zp = 5
    inits = [scalar('as', a_scale, np.float32), scalar('az', a_zp, np.int8),
             init('b', b), init('bs', b_scale if per_column else b_scale[0]),
             scalar('bz', b_zp, np.int8), scalar('ys', y_scale, np.float32),
             scalar('yz', y_zp, np.int8)]
    node = helper.make_node('QLinearMatMul', ['a', 'as', 'az', 'b', 'bs', 'bz', 'ys', 'yz'],
                            ['y'])
    ort = cs.run_ort([node], [('a', a)], inits, TensorProto.INT8)
    cs.param('batch', m)
    cs.param('k', k)
    cs.param('n_out', n)
    cs.param('x_zp', a_zp)
    cs.param('y_zp', y_zp)
    cs.param('x_scale', float(np.float32(a_scale)))
    cs.param('y_scale', float(np.float32(y_scale)))
    cs.param('w_scale', *[float(s) for s in b_scale])
    if b_zp:
        cs.param('w_zp', b_zp)
    cs.kiln_file('x.bin', a)
    cs.kiln_file('w.bin', b.T)
    cs.compare(ort, cs.run_kiln('fc', np.int8, (m, n)))


def qdq_in(name, scale, zp):
    return ([helper.make_node('DequantizeLinear', [name, name + '_s', name + '_z'],
                              [name + '_f'])],
            [scalar(name + '_s', scale, np.float32), scalar(name + '_z', zp, np.int8)])


def qdq_out(src, scale, zp):
    return ([helper.make_node('QuantizeLinear', [src, 'ys', 'yz'], ['y'])],
            [scalar('ys', scale, np.float32), scalar('yz', zp, np.int8)])


def binary_case(name, op, a_shape, b_shape, sa, za, sb, zb, sy, zy):
    cs = Case(name)
    a, b = i8(a_shape), i8(b_shape)
    n1, i1 = qdq_in('a', sa, za)
    n2, i2 = qdq_in('b', sb, zb)
    n3 = [helper.make_node(op, ['a_f', 'b_f'], ['t'])]
    n4, i4 = qdq_out('t', sy, zy)
    ort = cs.run_ort(n1 + n2 + n3 + n4, [('a', a), ('b', b)], i1 + i2 + i4,
                     TensorProto.INT8)
    rank = ort.ndim
    pad = lambda s: [1] * (rank - len(s)) + list(s)
    cs.param('out_shape', *ort.shape)
    cs.param('a_shape', *pad(a_shape))
    cs.param('b_shape', *pad(b_shape))
    cs.param('a_zp', za)
    cs.param('b_zp', zb)
    cs.param('y_zp', zy)
    cs.param('a_scale', sa)
    cs.param('b_scale', sb)
    cs.param('y_scale', sy)
    cs.kiln_file('x.bin', a)
    cs.kiln_file('x1.bin', b)
    cs.compare(ort, cs.run_kiln(op.lower(), np.int8, ort.shape))


def pool_case(name, op, n, c, h, w, k, s, pads, ceil=0, dil=(1, 1), cip=0):
    cs = Case(name)
    x = i8((n, c, h, w))
    scale, zp = 0.05, -7
    attrs = dict(kernel_shape=list(k), strides=list(s), pads=list(pads), ceil_mode=ceil)
    if op == 'MaxPool':
        attrs['dilations'] = list(dil)
        nodes, inits, inp = [helper.make_node('MaxPool', ['x'], ['y'], **attrs)], [], 'x'
    else:
        attrs['count_include_pad'] = cip
        n1, i1 = qdq_in('x', scale, zp)
        n4, i4 = qdq_out('t', scale, zp)
        nodes = n1 + [helper.make_node('AveragePool', ['x_f'], ['t'], **attrs)] + n4
        inits = i1 + i4
    ort = cs.run_ort(nodes, [('x', x)], inits, TensorProto.INT8)
    _, _, oh, ow = ort.shape
    for key, v in [('n', n), ('h', h), ('w', w), ('c', c), ('oh', oh), ('ow', ow),
                   ('kh', k[0]), ('kw', k[1]), ('sh', s[0]), ('sw', s[1]),
                   ('dh', dil[0]), ('dw', dil[1]), ('pt', pads[0]), ('pl', pads[1]),
                   ('pb', pads[2]), ('pr', pads[3]), ('count_include_pad', cip),
                   ('x_zp', zp)]:
        cs.param(key, v)
    cs.kiln_file('x.bin', x.transpose(0, 2, 3, 1))
    y = cs.run_kiln('maxpool' if op == 'MaxPool' else 'avgpool', np.int8, (n, oh, ow, c))
    ties = None
    if op == 'AveragePool':
        # Exact average of (x - zp) per output, as a rational: a tie when
        # 2 * (sum mod count) == count.
        ties = np.zeros((n, oh, ow, c), bool)
        xc = x.astype(np.int64) - zp
        for oy in range(oh):
            for ox in range(ow):
                ys = [oy * s[0] - pads[0] + i for i in range(k[0])]
                xs = [ox * s[1] - pads[1] + j for j in range(k[1])]
                ys = [v for v in ys if 0 <= v < h]
                xs = [v for v in xs if 0 <= v < w]
                total = xc[:, :, ys][:, :, :, xs].sum(axis=(2, 3))  # [n, c]
                count = k[0] * k[1] if cip else len(ys) * len(xs)
                ties[:, oy, ox, :] = 2 * (np.abs(total) % count) == count
    cs.compare(ort.transpose(0, 2, 3, 1), y, ties=ties)


def global_avgpool_case(name='global_avgpool', n=4, c=64, h=7, w=7, xs=0.05, xz=3,
                        ys=0.01, yz=-2):
    cs = Case(name)
    x = i8((n, c, h, w))
    n1, i1 = qdq_in('x', xs, xz)
    n4, i4 = qdq_out('t', ys, yz)
    ort = cs.run_ort(n1 + [helper.make_node('GlobalAveragePool', ['x_f'], ['t'])] + n4,
                     [('x', x)], i1 + i4, TensorProto.INT8)
    for key, v in [('n', n), ('spatial', h * w), ('c', c), ('x_zp', xz), ('y_zp', yz)]:
        cs.param(key, v)
    cs.param('x_scale', float(np.float32(xs)))
    cs.param('y_scale', float(np.float32(ys)))
    cs.kiln_file('x.bin', x.transpose(0, 2, 3, 1))
    cs.compare(ort.reshape(n, c), cs.run_kiln('global_avgpool', np.int8, (n, c)))


def quantize_cases():
    cs = Case('quantize_linear')
    x = (RNG.standard_normal(5000) * 2.0).astype(np.float32)
    # exact ties and saturation
    x[:8] = np.array([0.025, -0.025, 0.075, -0.075, 100.0, -100.0, 0.0, 1.275], np.float32)
    n4, i4 = qdq_out('x', 0.05, -3)
    ort = cs.run_ort(n4, [('x', x)], i4, TensorProto.INT8)
    cs.param('y_scale', float(np.float32(0.05)))
    cs.param('y_zp', -3)
    cs.kiln_file('x.bin', x)
    cs.compare(ort, cs.run_kiln('quantize', np.int8, x.shape))

    cs = Case('dequantize_linear')
    x = np.arange(-128, 128, dtype=np.int8).repeat(4)
    n1, i1 = qdq_in('x', 0.0371, 9)
    n1[0].output[0] = 'y'
    ort = cs.run_ort(n1, [('x', x)], i1, TensorProto.FLOAT)
    cs.param('x_scale', float(np.float32(0.0371)))
    cs.param('x_zp', 9)
    cs.kiln_file('x.bin', x)
    cs.compare(ort, cs.run_kiln('dequantize', np.float32, x.shape), exact_float=True)


def lut_case(name, op, xs, xz, ys, yz):
    cs = Case(name)
    x = np.tile(np.arange(-128, 128, dtype=np.int8), 8)
    n1, i1 = qdq_in('x', xs, xz)
    n4, i4 = qdq_out('t', ys, yz)
    ort = cs.run_ort(n1 + [helper.make_node(op, ['x_f'], ['t'])] + n4, [('x', x)],
                     i1 + i4, TensorProto.INT8)
    cs.param('x_scale', float(np.float32(xs)))
    cs.param('x_zp', xz)
    cs.param('y_scale', float(np.float32(ys)))
    cs.param('y_zp', yz)
    cs.kiln_file('x.bin', x)
    cs.compare(ort, cs.run_kiln(op.lower(), np.int8, x.shape))


def concat_case(name='concat_requant', shapes=((2, 3, 8, 8), (2, 5, 8, 8), (2, 4, 8, 8)),
                qs=((0.0513, -3), (0.0227, 10), (0.0981, 0)), ys=0.0617, yz=4):
    cs = Case(name)
    nodes, inits, inputs = [], [], []
    for k, (shape, (s, z)) in enumerate(zip(shapes, qs)):
        name = 'x%d' % k
        x = i8(shape)
        n1, i1 = qdq_in(name, s, z)
        nodes += n1
        inits += i1
        inputs.append((name, x))
        cs.kiln_file(name + '.bin', x)
    nodes.append(helper.make_node('Concat', ['x%d_f' % k for k in range(len(shapes))], ['t'],
                                  axis=1))
    n4, i4 = qdq_out('t', ys, yz)
    ort = cs.run_ort(nodes + n4, inputs, inits + i4, TensorProto.INT8)
    # NCHW concat on axis 1: outer = N, slice = C_k * H * W (layout-agnostic kernel).
    cs.param('outer', shapes[0][0])
    cs.param('slice', *[int(np.prod(s[1:])) for s in shapes])
    cs.param('in_zp', *[z for _, z in qs])
    cs.param('in_scale', *[float(np.float32(s)) for s, _ in qs])
    cs.param('y_scale', float(np.float32(ys)))
    cs.param('y_zp', yz)
    cs.compare(ort, cs.run_kiln('concat', np.int8, ort.shape))


def pad_case(name, mode, shape=(1, 3, 10, 12), zp=-17, pads=(0, 0, 2, 1, 0, 0, 1, 3)):
    cs = Case(name)
    x = i8(shape)
    pads = list(pads)
    inits = [init('pads', np.array(pads, np.int64))]
    ins = ['x', 'pads']
    if mode == 'constant':
        inits.append(scalar('cv', zp, np.int8))
        ins.append('cv')
    ort = cs.run_ort([helper.make_node('Pad', ins, ['y'], mode=mode)], [('x', x)], inits,
                     TensorProto.INT8)
    cs.param('in_shape', *x.shape)
    cs.param('pad_begin', *pads[:4])
    cs.param('pad_end', *pads[4:])
    cs.param('mode', {'constant': 0, 'reflect': 1, 'edge': 2}[mode])
    cs.param('x_zp', zp)
    cs.kiln_file('x.bin', x)
    cs.compare(ort, cs.run_kiln('pad', np.int8, ort.shape))


def softmax_case(name, xs, xz, rows, axis):
    cs = Case(name)
    x = i8((rows, axis))
    n1, i1 = qdq_in('x', xs, xz)
    n4, i4 = qdq_out('t', 1.0 / 256, -128)
    ort = cs.run_ort(n1 + [helper.make_node('Softmax', ['x_f'], ['t'], axis=-1)] + n4,
                     [('x', x)], i1 + i4, TensorProto.INT8)
    cs.param('outer', rows)
    cs.param('axis', axis)
    cs.param('x_scale', float(np.float32(xs)))
    cs.param('y_scale', 1.0 / 256)
    cs.param('y_zp', -128)
    cs.kiln_file('x.bin', x)
    cs.compare(ort, cs.run_kiln('softmax', np.int8, x.shape))


def resize_case(name, coord, nearest, coord_id, nearest_id, scales, shape=(1, 4, 5, 7)):
    cs = Case(name)
    n, c, h, w = shape
    x = i8((n, c, h, w))
    inits = [init('roi', np.array([], np.float32)),
             init('scales', np.array([1, 1, scales[0], scales[1]], np.float32))]
    node = helper.make_node('Resize', ['x', 'roi', 'scales'], ['y'], mode='nearest',
                            coordinate_transformation_mode=coord, nearest_mode=nearest)
    ort = cs.run_ort([node], [('x', x)], inits, TensorProto.INT8)
    _, _, oh, ow = ort.shape
    for key, v in [('n', n), ('c', c), ('h', h), ('w', w), ('oh', oh), ('ow', ow),
                   ('coord_mode', coord_id), ('nearest_mode', nearest_id)]:
        cs.param(key, v)
    cs.param('scale_h', float(scales[0]))
    cs.param('scale_w', float(scales[1]))
    cs.kiln_file('x.bin', x.transpose(0, 2, 3, 1))
    cs.compare(ort.transpose(0, 2, 3, 1), cs.run_kiln('resize', np.int8, (n, oh, ow, c)))


def out_dim(size, k, s, d, p0, p1, ceil=0):
    span = size + p0 + p1 - d * (k - 1) - 1
    return (-(-span // s) if ceil else span // s) + 1


def random_cases():
    """One more case per kernel on shapes, strides, pads, scales and zero points
    drawn from a seeded generator (its own, so the fixed cases above keep their
    data when this list changes)."""
    r = np.random.RandomState(7)
    ri = lambda lo, hi: int(r.randint(lo, hi + 1))
    rs = lambda lo, hi: float(np.float32(np.exp(r.uniform(np.log(lo), np.log(hi)))))

    def geometry(h, w, ks=(1, 2, 3, 5), dil=True):
        while True:
            kh, kw = int(r.choice(ks)), int(r.choice(ks))
            sh, sw = ri(1, 3), ri(1, 3)
            dh, dw = (ri(1, 2), ri(1, 2)) if dil else (1, 1)
            pads = [ri(0, kh - 1), ri(0, kw - 1), ri(0, kh - 1), ri(0, kw - 1)]
            if (out_dim(h, kh, sh, dh, pads[0], pads[2]) >= 1 and
                    out_dim(w, kw, sw, dw, pads[1], pads[3]) >= 1):
                return (kh, kw), (sh, sw), (dh, dw), pads

    for i in range(3):
        groups = int(r.choice([1, 1, 2, 3]))
        c, oc = groups * ri(1, 6), groups * ri(1, 6)
        h, w = ri(4, 13), ri(4, 13)
        k, st, dl, pads = geometry(h, w)
        conv_case('rand_conv_%d' % i, ri(1, 2), c, h, w, oc, k[0], k[1], st, dl, pads,
                  groups, per_channel=bool(r.rand() < 0.7))
    for i in range(2):
        c, mult = ri(1, 12), ri(1, 3)
        h, w = ri(4, 13), ri(4, 13)
        k, st, dl, pads = geometry(h, w, ks=(3, 5))
        conv_case('rand_depthwise_%d' % i, ri(1, 2), c, h, w, c * mult, k[0], k[1], st, dl,
                  pads, c, depthwise=True)
    conv_case('rand_conv_1x1', 1, ri(1, 40), ri(2, 9), ri(2, 9), ri(1, 40), 1, 1, (1, 1),
              (1, 1), (0, 0, 0, 0), 1)
    matmul_case('rand_matmul', ri(1, 9), ri(1, 100), ri(1, 40), False, ri(-20, 20))

    def bshape(full):
        # a random numpy-broadcastable version of `full`, maybe of lower rank
        drop = ri(0, len(full) - 1)
        return tuple(d if r.rand() < 0.5 else 1 for d in full[drop:])

    for op in ('Add', 'Mul'):
        full = tuple(ri(2, 7) for _ in range(ri(2, 4)))
        a, b = (full, bshape(full)) if r.rand() < 0.5 else (bshape(full), full)
        binary_case('rand_' + op.lower(), op, a, b, rs(0.005, 0.1), ri(-30, 30),
                    rs(0.005, 0.1), ri(-30, 30), rs(0.01, 0.2) if op == 'Add'
                    else rs(0.0005, 0.02), ri(-30, 30))
    for op in ('MaxPool', 'AveragePool'):
        h, w = ri(4, 13), ri(4, 13)
        while True:
            k = (ri(1, 4), ri(1, 4))
            st = (ri(1, 3), ri(1, 3))
            pads = [ri(0, k[0] // 2), ri(0, k[1] // 2), ri(0, k[0] // 2), ri(0, k[1] // 2)]
            if min(k) >= 1 and h + pads[0] + pads[2] >= k[0] and w + pads[1] + pads[3] >= k[1]:
                break
        pool_case('rand_' + op.lower(), op, ri(1, 2), ri(1, 8), h, w, k, st, pads,
                  cip=ri(0, 1) if op == 'AveragePool' else 0)
    global_avgpool_case('rand_global_avgpool', ri(1, 3), ri(1, 20), ri(1, 9), ri(1, 9),
                        rs(0.01, 0.1), ri(-30, 30), rs(0.002, 0.05), ri(-30, 30))
    nin = ri(2, 4)
    n0, hw = ri(1, 2), (ri(1, 6), ri(1, 6))
    concat_case('rand_concat', tuple((n0, ri(1, 5)) + hw for _ in range(nin)),
                tuple((rs(0.01, 0.1), ri(-30, 30)) for _ in range(nin)),
                rs(0.01, 0.1), ri(-30, 30))
    shape = (ri(1, 2), ri(1, 4), ri(2, 9), ri(2, 9))
    pad_case('rand_pad_constant_zp', 'constant', shape, ri(-128, 127),
             [0, 0, ri(0, 3), ri(0, 3), 0, 0, ri(0, 3), ri(0, 3)])
    softmax_case('rand_softmax', rs(0.01, 0.2), ri(-30, 30), ri(1, 16), ri(2, 300))
    for op, ys, yz in (('Sigmoid', 1.0 / 256, -128), ('Tanh', 1.0 / 128, 0),
                       ('HardSwish', rs(0.01, 0.05), ri(-120, -60))):
        lut_case('rand_%s_lut' % op.lower(), op, rs(0.01, 0.1), ri(-40, 40), ys, yz)
    resize_case('rand_resize_asym_floor', 'asymmetric', 'floor', 1, 2,
                (float(r.choice([0.5, 1.5, 2.0, 3.0])), float(r.choice([0.5, 1.5, 2.0, 3.0]))),
                (1, ri(1, 4), ri(2, 8), ri(2, 8)))


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument('--driver', required=True)
    ap.add_argument('--ort-run', required=True)
    ap.add_argument('--work', required=True)
    ARGS = ap.parse_args()
    if shutil.which('node') is None:
        print('SKIP: node not found')
        return 77
    os.makedirs(ARGS.work, exist_ok=True)
    probe = subprocess.run(['node', '-e', 'require(process.argv[1])',
                            os.path.join(os.path.dirname(os.path.abspath(ARGS.ort_run)),
                                         '..', 'third_party', 'ort', 'node_modules',
                                         'onnxruntime-node')], capture_output=True)
    if probe.returncode != 0 and not os.environ.get('KILN_ORT_DIR'):
        print('SKIP: onnxruntime-node not installed (tools/setup.sh)')
        return 77

    conv_case('conv_3x3_pad1', 1, 8, 12, 12, 16, 3, 3, (1, 1), (1, 1), (1, 1, 1, 1), 1)
    conv_case('conv_stride2_asym', 2, 6, 11, 9, 12, 3, 2, (2, 1), (1, 1), (0, 1, 2, 1), 1)
    conv_case('conv_groups_dil', 1, 8, 10, 10, 12, 3, 3, (1, 2), (2, 2), (2, 2, 2, 2), 4)
    conv_case('conv_1x1_per_tensor', 1, 32, 8, 8, 24, 1, 1, (1, 1), (1, 1), (0, 0, 0, 0), 1,
              per_channel=False)
    conv_case('conv_5x5', 1, 3, 16, 16, 8, 5, 5, (2, 2), (1, 1), (2, 2, 2, 2), 1)
    conv_case('depthwise_3x3', 1, 16, 12, 12, 16, 3, 3, (1, 1), (1, 1), (1, 1, 1, 1), 16,
              depthwise=True)
    conv_case('depthwise_mult2_s2', 2, 8, 9, 9, 16, 3, 3, (2, 2), (1, 1), (1, 0, 1, 1), 8,
              depthwise=True)
    matmul_case('matmul_per_tensor', 16, 64, 32, False, 0)
    matmul_case('matmul_b_zero_point', 16, 48, 20, False, 7)
    matmul_case('matmul_per_column', 8, 40, 12, True, 0)
    binary_case('add_same_shape', 'Add', (4, 8, 6, 6), (4, 8, 6, 6),
                0.0473, -3, 0.0219, 10, 0.0617, 2)
    binary_case('add_broadcast', 'Add', (2, 16, 5, 5), (16, 1, 1),
                0.0113, 0, 0.0961, -20, 0.0837, -5)
    binary_case('mul_broadcast', 'Mul', (2, 16, 5, 5), (1, 16, 1, 5),
                0.05, 4, 0.03, -8, 0.04, 1)
    pool_case('maxpool_2x2', 'MaxPool', 2, 8, 12, 12, (2, 2), (2, 2), (0, 0, 0, 0))
    pool_case('maxpool_3x3_pad_ceil', 'MaxPool', 1, 8, 11, 11, (3, 3), (2, 2), (1, 1, 1, 1),
              ceil=1)
    pool_case('maxpool_dilated', 'MaxPool', 1, 4, 12, 12, (3, 3), (1, 1), (2, 2, 2, 2),
              dil=(2, 2))
    pool_case('avgpool_2x2', 'AveragePool', 2, 8, 12, 12, (2, 2), (2, 2), (0, 0, 0, 0))
    pool_case('avgpool_3x3_pad', 'AveragePool', 1, 8, 11, 11, (3, 3), (2, 2), (1, 1, 1, 1))
    pool_case('avgpool_3x3_pad_cip', 'AveragePool', 1, 8, 11, 11, (3, 3), (1, 1),
              (1, 1, 1, 1), cip=1)
    global_avgpool_case()
    quantize_cases()
    lut_case('sigmoid_lut', 'Sigmoid', 0.06, -10, 1.0 / 256, -128)
    lut_case('tanh_lut', 'Tanh', 0.03, 5, 1.0 / 128, 0)
    lut_case('hardswish_lut', 'HardSwish', 0.05, -20, 0.035, -100)
    concat_case()
    pad_case('pad_constant_zp', 'constant')
    pad_case('pad_reflect', 'reflect')
    softmax_case('softmax_10', 0.1, 3, 64, 10)
    softmax_case('softmax_1000', 0.05, -5, 4, 1000)
    resize_case('resize_asym_floor_x2', 'asymmetric', 'floor', 1, 2, (2.0, 2.0))
    resize_case('resize_half_pixel_1.5', 'half_pixel', 'round_prefer_floor', 0, 0, (1.5, 1.7))
    random_cases()

    if FAILURES:
        print('FAILED:\n  ' + '\n  '.join(FAILURES))
        return 1
    print('all int8 cases agree with ONNX Runtime')
    return 0


if __name__ == '__main__':
    sys.exit(main())
