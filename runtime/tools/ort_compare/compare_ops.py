#!/usr/bin/env python3
"""Single-node comparison of kiln's float32 reference kernels with ONNX Runtime
(npm onnxruntime-node, third_party/ort): Conv, pools, Softmax, Pad, Reduce, Resize
(every coordinate and nearest mode), MatMul, Add, PRelu, Max/Min/Pow and all unary
ops. Produces the ORT table of docs/runtime.md. Host-only, needs g++ and node:

    python3 runtime/tools/ort_compare/compare_ops.py

Exits 1 on a mismatch that is not a documented divergence."""
import ctypes
import random
import sys

from harness import (INF, NAN, A4, A6, AvgPool, Broadcast, Conv, GlobalPool, MatMul,
                     MaxPool, Pad, Reduce, Resize, Results, Softmax, Unary, floats, lib,
                     nchw_to_nhwc, nhwc_to_nchw, ort)

R = Results()
rng = random.Random(1)


def rnd(n, lo=-2.0, hi=2.0):
    return [rng.uniform(lo, hi) for _ in range(n)]


def out_buf(n):
    return floats([0.0] * n)


def unary_suite():
    regular = rnd(300, -8, 8) + [NAN, INF, -INF, 0.0, -0.0, 88.5, -100.0, 3.0, -3.0,
                                 0.5, -0.5]
    positive = [abs(v) for v in regular if v == v and abs(v) != INF] + [NAN, 1e-30]
    cases = [  # op, attrs, enum, alpha, beta, data
        ('Relu', {}, 1, 0, 0, regular),
        ('LeakyRelu', {'alpha': 0.1}, 2, 0.1, 0, regular),
        ('Sigmoid', {}, 3, 0, 0, regular),
        ('Tanh', {}, 4, 0, 0, regular),
        ('HardSigmoid', {'alpha': 0.2, 'beta': 0.5}, 5, 0.2, 0.5, regular),
        ('HardSwish', {}, 6, 1 / 6, 0.5, regular),
        ('Exp', {}, 7, 0, 0, regular),
        ('Log', {}, 8, 0, 0, positive + [-1.0, 0.0, INF]),
        ('Sqrt', {}, 9, 0, 0, positive + [-1.0, 0.0]),
        ('Neg', {}, 10, 0, 0, regular),
        ('Abs', {}, 11, 0, 0, regular),
        ('Erf', {}, 12, 0, 0, [v for v in regular if v == v]),
    ]
    known = [  # documented divergences (docs/runtime.md); 32 elements so that
        # ORT takes its vectorised path, where these differ
        ('Sqrt', {}, 9, 0, 0, [INF] * 32, 'ORT Sqrt(+inf) = NaN'),
        ('Erf', {}, 12, 0, 0, [NAN] * 32, 'ORT Erf(NaN) = 1'),
        ('Log', {}, 8, 0, 0, [1e-40] * 32, 'ORT Log(denormal) = log(FLT_MIN)'),
    ]
    for op, attrs, code, a, b, data, *why in cases + known:
        _, exp = ort(op, [('x', [len(data)], data)], attrs)
        y = out_buf(len(data))
        lib.kiln_unary_f32_ref(ctypes.byref(Unary(code, len(data), a, b, -INF, INF)),
                               floats(data), y)
        R.compare(op, exp, list(y), 2e-6, known=why[0] if why else None)
    for lo, hi in [(-1.0, 1.0), (0.0, 6.0)]:
        _, exp = ort('Clip', [('x', [len(regular)], regular)], {},
                     inits=[('mn', [], [lo]), ('mx', [], [hi])],
                     node_inputs=['x', 'mn', 'mx'])
        y = out_buf(len(regular))
        lib.kiln_unary_f32_ref(ctypes.byref(Unary(13, len(regular), 0, 0, lo, hi)),
                               floats(regular), y)
        R.compare('Clip(%g, %g)' % (lo, hi), exp, list(y), 0)


def binary_suite():
    for op, fn, x, s, known in [
            ('PRelu', lib.kiln_prelu_f32_ref, [-1, NAN, 2, -4, 5, -3], [0.5, 0.25, -1],
             None),
            ('PRelu', lib.kiln_prelu_f32_ref, [-INF, 1, 1, 1, 1, 1], [-1, 1, 1],
             'ORT PRelu(-inf, -1) = NaN'),
            ('Max', lib.kiln_max_f32_ref, [NAN, 1, -INF, 2, 0, -5], [1, NAN, 3], None),
            ('Min', lib.kiln_min_f32_ref, [NAN, 1, -INF, 2, 0, -5], [1, NAN, 3], None),
            ('Pow', lib.kiln_pow_f32_ref, [-2, 1.1, 0, 4, 10, 3], [3, 2, -1], None)]:
        _, exp = ort(op, [('x', [2, 3], x), ('s', [3], s)], {})
        y = out_buf(6)
        p = Broadcast(2, A6(2, 3), A6(2, 3), A6(1, 3), -INF, INF)
        fn(ctypes.byref(p), floats(x), floats(s), y)
        R.compare(op, exp, list(y), 1e-6, known=known)
    a, b = rnd(2 * 4 * 3), rnd(3 * 5)
    _, exp = ort('Add', [('a', [2, 1, 4, 1, 3], a), ('b', [3, 1, 5, 1], b)], {})
    y = out_buf(len(exp))
    p = Broadcast(5, A6(2, 3, 4, 5, 3), A6(2, 1, 4, 1, 3), A6(1, 3, 1, 5, 1), -INF, INF)
    lib.kiln_add_f32_ref(ctypes.byref(p), floats(a), floats(b), y)
    R.compare('Add 5-D broadcast', exp, list(y), 0)
    a, b = rnd(2 * 3 * 4 * 5), rnd(3 * 5 * 6)
    _, exp = ort('MatMul', [('a', [2, 1, 3, 4, 5], a), ('b', [3, 1, 5, 6], b)], {})
    y = out_buf(len(exp))
    p = MatMul(3, A4(2, 3, 3), A4(60, 0, 20), A4(0, 30, 0), 4, 5, 6, -INF, INF)
    lib.kiln_matmul_f32_ref(ctypes.byref(p), floats(a), floats(b), None, y)
    R.compare('MatMul broadcast', exp, list(y))


def conv_suite():
    for n, c, h, w, oc, kh, kw, s, d, pads, g, bias in [
            (1, 4, 9, 9, 6, 3, 3, (2, 2), (1, 1), (1, 1, 1, 1), 2, True),
            (2, 3, 8, 7, 5, 3, 2, (1, 2), (2, 1), (2, 0, 1, 1), 1, True),
            (1, 6, 6, 6, 6, 3, 3, (1, 1), (1, 1), (1, 1, 1, 1), 6, False),
            (1, 3, 1, 20, 4, 1, 5, (1, 3), (1, 2), (0, 2, 0, 1), 1, True)]:
        cg = c // g
        x, wt, b = rnd(n * c * h * w), rnd(oc * cg * kh * kw), rnd(oc)
        inits = [('w', [oc, cg, kh, kw], wt)] + ([('b', [oc], b)] if bias else [])
        dims, exp = ort('Conv', [('x', [n, c, h, w], x)],
                        {'kernel_shape': [kh, kw], 'strides': list(s),
                         'dilations': list(d), 'pads': list(pads), 'group': g},
                        inits=inits, node_inputs=['x', 'w'] + (['b'] if bias else []))
        oh, ow = dims[2], dims[3]
        ohwi = [wt[((o * cg + i) * kh + yy) * kw + xx] for o in range(oc)
                for yy in range(kh) for xx in range(kw) for i in range(cg)]
        y = out_buf(n * oc * oh * ow)
        p = Conv(n, h, w, c, oh, ow, oc, kh, kw, s[0], s[1], d[0], d[1], *pads, g, -INF,
                 INF)
        lib.kiln_conv2d_f32_ref(ctypes.byref(p), floats(nchw_to_nhwc(x, n, c, h, w)),
                                floats(ohwi), floats(b) if bias else None, y)
        R.compare('Conv group=%d' % g, exp, nhwc_to_nchw(list(y), n, oc, oh, ow), 2e-5)


def pool_case(op, n, c, h, w, k, s, d, pads, ceil, cip=0, nan_at=(), known=None):
    x = rnd(n * c * h * w, -4, 4)
    for i in nan_at:
        x[i] = NAN
    attrs = {'kernel_shape': list(k), 'strides': list(s), 'pads': list(pads),
             'ceil_mode': ceil}
    if d != (1, 1):
        attrs['dilations'] = list(d)
    if op == 'AveragePool':
        attrs['count_include_pad'] = cip
    dims, exp = ort(op, [('x', [n, c, h, w], x)], attrs)
    oh, ow = dims[2], dims[3]
    y = out_buf(n * c * oh * ow)
    xn = floats(nchw_to_nhwc(x, n, c, h, w))
    if op == 'MaxPool':
        p = MaxPool(n, h, w, c, oh, ow, *k, *s, *d, *pads, -INF, INF)
        lib.kiln_maxpool2d_f32_ref(ctypes.byref(p), xn, y)
    else:
        p = AvgPool(n, h, w, c, oh, ow, *k, *s, *d, *pads, cip, -INF, INF)
        lib.kiln_avgpool2d_f32_ref(ctypes.byref(p), xn, y)
    R.compare('%s k=%s s=%s d=%s pads=%s ceil=%d cip=%d nan=%s' % (
        op, k, s, d, pads, ceil, cip, nan_at), exp,
        nhwc_to_nchw(list(y), n, c, oh, ow), known=known)


def pool_suite():
    for op in ['MaxPool', 'AveragePool']:
        for cip in ([0] if op == 'MaxPool' else [0, 1]):
            pool_case(op, 1, 3, 7, 7, (3, 3), (2, 2), (1, 1), (1, 1, 1, 1), 0, cip)
            pool_case(op, 2, 2, 7, 8, (3, 2), (2, 3), (1, 1), (0, 1, 1, 0), 1, cip)
            pool_case(op, 1, 2, 6, 6, (2, 2), (2, 2), (1, 1), (0, 0, 0, 0), 1, cip)
            pool_case(op, 1, 2, 5, 5, (3, 3), (2, 2), (1, 1), (1, 1, 1, 1), 1, cip)
            pool_case(op, 1, 2, 9, 9, (3, 3), (1, 1), (2, 2), (2, 2, 2, 2), 0, cip)
            pool_case(op, 1, 2, 9, 9, (3, 3), (2, 2), (2, 1), (1, 0, 1, 2), 1, cip)
            pool_case(op, 1, 1, 5, 9, (2, 3), (3, 2), (1, 1), (1, 2, 0, 1), 1, cip,
                      known='ORT MaxPool: a ceil-mode window starting below the input '
                      'takes the last row' if op == 'MaxPool' else None)
    for nan_at in [(0, 5, 10), (3,)]:
        pool_case('MaxPool', 1, 1, 4, 4, (2, 2), (1, 1), (1, 1), (0, 0, 0, 0), 0,
                  nan_at=nan_at, known='NaN in max pooling: kiln propagates, ORT '
                  'depends on lane order')
    x = rnd(2 * 3 * 4 * 5)
    for op, fn in [('GlobalAveragePool', lib.kiln_global_avgpool_f32_ref),
                   ('GlobalMaxPool', lib.kiln_global_maxpool_f32_ref)]:
        _, exp = ort(op, [('x', [2, 3, 4, 5], x)], {})
        y = out_buf(6)
        fn(ctypes.byref(GlobalPool(2, 20, 3, -INF, INF)),
           floats(nchw_to_nhwc(x, 2, 3, 4, 5)), y)
        R.compare(op, exp, list(y))


def softmax_suite():
    for op, fn in [('Softmax', lib.kiln_softmax_f32_ref),
                   ('LogSoftmax', lib.kiln_log_softmax_f32_ref)]:
        x = rnd(30, -4, 4)
        x[7], x[20] = NAN, -INF
        for axis, (o, a, i) in [(2, (10, 3, 1)), (1, (2, 5, 3)), (-1, (10, 3, 1))]:
            _, exp = ort(op, [('x', [2, 5, 3], x)], {'axis': axis})
            y = out_buf(30)
            fn(ctypes.byref(Softmax(o, a, i)), floats(x), y)
            R.compare('%s axis=%d' % (op, axis), exp, list(y), 2e-6)


def pad_reduce_suite():
    x = rnd(24)
    for mode, code in [('constant', 0), ('reflect', 1), ('edge', 2)]:
        _, exp = ort('Pad', [('x', [2, 3, 4], x)], {'mode': mode},
                     inits=[('pads', [6], [1, 2, 0, 0, 1, 3], 7)],
                     node_inputs=['x', 'pads'])
        y = out_buf(len(exp))
        lib.kiln_pad_f32_ref(ctypes.byref(Pad(3, A6(2, 3, 4), A6(1, 2, 0), A6(0, 1, 3),
                                              code, 0.0)), floats(x), y)
        R.compare('Pad ' + mode, exp, list(y), 0)
    x[5] = NAN
    for op, code in [('ReduceSum', 0), ('ReduceMean', 1), ('ReduceMax', 2),
                     ('ReduceMin', 3), ('ReduceProd', 4)]:
        for axes, mask in [([1], 2), ([0, 2], 5), ([0, 1, 2], 7)]:
            _, exp = ort(op, [('x', [2, 3, 4], x)], {'keepdims': 0},
                         inits=[('axes', [len(axes)], axes, 7)],
                         node_inputs=['x', 'axes'], opset=18)
            y = out_buf(len(exp))
            lib.kiln_reduce_f32_ref(ctypes.byref(Reduce(3, A6(2, 3, 4), mask, code)),
                                    floats(x), y)
            known = ('NaN in ReduceMax/Min: kiln propagates, ORT keeps it only in '
                     'first position') if code in (2, 3) else None
            R.compare('%s axes=%s' % (op, axes), exp, list(y), 2e-6, known=known)


def resize_suite():
    coords = {'half_pixel': 0, 'asymmetric': 1, 'align_corners': 2,
              'pytorch_half_pixel': 3, 'tf_half_pixel_for_nn': 4,
              'tf_crop_and_resize': 5}
    nearest = {'round_prefer_floor': 0, 'round_prefer_ceil': 1, 'floor': 2, 'ceil': 3}
    modes = {'nearest': 0, 'linear': 1, 'cubic': 2}

    def case(n, c, h, w, mode, coord, near, scales=None, sizes=None, a=-0.75,
             exclude=0, roi=None, extrap=0.0):
        x = rnd(n * c * h * w, -4, 4)
        attrs = {'mode': mode, 'coordinate_transformation_mode': coord}
        if mode == 'nearest':
            attrs['nearest_mode'] = near
        if mode == 'cubic':
            attrs['cubic_coeff_a'] = a
            attrs['exclude_outside'] = exclude
        if roi:  # (h0, w0, h1, w1)
            attrs['extrapolation_value'] = extrap
            inits = [('roi', [8], [0.0, 0.0, roi[0], roi[1], 1.0, 1.0, roi[2], roi[3]])]
        else:
            inits = [('roi', [0], [])]
        if scales:
            inits.append(('scales', [4], [1.0, 1.0, *scales]))
            ni = ['x', 'roi', 'scales']
        else:
            inits += [('scales', [0], []), ('sizes', [4], [n, c, *sizes], 7)]
            ni = ['x', 'roi', 'scales', 'sizes']
        dims, exp = ort('Resize', [('x', [n, c, h, w], x)], attrs, inits=inits,
                        node_inputs=ni)
        oh, ow = dims[2], dims[3]
        sh, sw = scales if scales else (oh / h, ow / w)
        r = roi or (0.0, 0.0, 1.0, 1.0)
        p = Resize(n, h, w, c, oh, ow, modes[mode], coords[coord], nearest.get(near, 0),
                   sh, sw, a, exclude, r[0], r[2], r[1], r[3], extrap)
        y = out_buf(n * c * oh * ow)
        lib.kiln_resize_f32_ref(ctypes.byref(p), floats(nchw_to_nhwc(x, n, c, h, w)), y)
        # align_corners divides by the resized length minus 1: ONNX's reference
        # (and the conformance case resize_downsample_scales_linear_align_corners)
        # takes in * scale, ORT the output extent; they differ when `scales`
        # does not divide evenly. kiln follows ONNX (docs/runtime.md).
        known = None
        if coord == 'align_corners' and scales and (h * sh != oh or w * sw != ow):
            known = 'align_corners with fractional in * scale: ONNX length, not ORT\'s'
        R.compare('Resize %s %s %s scales=%s sizes=%s a=%s exclude=%s roi=%s' % (
            mode, coord, near, scales, sizes, a, exclude, roi),
                  exp, nhwc_to_nchw(list(y), n, c, oh, ow), known=known)

    for coord in coords:
        if coord == 'tf_crop_and_resize':
            continue  # needs a roi: below
        for near in nearest:
            for sc in [(2.0, 3.0), (0.5, 0.5), (1.7, 0.6), (3.0, 1.5)]:
                case(1, 2, 5, 6, 'nearest', coord, near, scales=sc)
            for sz in [(7, 11), (3, 4), (1, 9)]:
                case(1, 2, 5, 6, 'nearest', coord, near, sizes=sz)
        if coord == 'tf_half_pixel_for_nn':
            continue
        for sc in [(2.0, 3.0), (0.5, 0.5), (1.7, 0.6), (3.0, 1.5)]:
            case(2, 3, 5, 6, 'linear', coord, None, scales=sc)
        for sz in [(7, 11), (3, 4), (1, 9), (1, 1)]:
            case(2, 3, 5, 6, 'linear', coord, None, sizes=sz)
        for a, exclude in [(-0.75, 0), (-0.5, 1)]:
            for sc in [(2.0, 3.0), (0.5, 0.5), (1.7, 0.6)]:
                case(1, 2, 5, 6, 'cubic', coord, None, scales=sc, a=a, exclude=exclude)
            for sz in [(7, 11), (3, 4), (2, 9)]:
                case(1, 2, 5, 6, 'cubic', coord, None, sizes=sz, a=a, exclude=exclude)
    # tf_crop_and_resize (sizes: the output extent is the crop's), boxes inside
    # and reaching out of the input.
    for mode in ['nearest', 'linear', 'cubic']:
        for roi in [(0.2, 0.1, 0.9, 0.7), (-0.3, 0.4, 1.2, 1.6), (0.5, 0.5, 0.5, 0.5)]:
            for sz in [(4, 5), (1, 3)]:
                case(1, 2, 5, 6, mode, 'tf_crop_and_resize', 'round_prefer_floor',
                     sizes=sz, roi=roi, extrap=-9.0)


def main():
    for suite in [unary_suite, binary_suite, conv_suite, pool_suite, softmax_suite,
                  pad_reduce_suite, resize_suite]:
        suite()
    for tag, why, bad in R.known:
        print('known divergence: %s (%s) e.g. %s' % (tag, why, bad[:2]))
    for tag, _, bad in R.failures:
        print('MISMATCH: %s %s' % (tag, bad))
    print('%d cases, %d mismatches, %d known divergences' % (
        R.cases, len(R.failures), len(R.known)))
    return 1 if R.failures else 0


if __name__ == '__main__':
    sys.exit(main())
