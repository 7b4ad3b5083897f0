"""Minimal ONNX protobuf writer for single-node float models (wire format by hand),
so the ORT comparison needs no python3-onnx. Only what compare_ops.py uses."""
import struct
def varint(n):
    if n < 0: n += 1 << 64
    out = b''
    while True:
        b = n & 0x7f; n >>= 7
        if n: out += bytes([b | 0x80])
        else: return out + bytes([b])
def key(field, wt): return varint((field << 3) | wt)
def f_varint(field, n): return key(field, 0) + varint(n)
def f_bytes(field, b):
    if isinstance(b, str): b = b.encode()
    return key(field, 2) + varint(len(b)) + b
def f_float(field, x): return key(field, 5) + struct.pack('<f', x)

def attr(name, v):
    out = f_bytes(1, name)
    if isinstance(v, float): out += f_float(2, v) + f_varint(20, 1)
    elif isinstance(v, int): out += f_varint(3, v) + f_varint(20, 2)
    elif isinstance(v, str): out += f_bytes(4, v) + f_varint(20, 3)
    elif isinstance(v, list) and all(isinstance(x, int) for x in v):
        out += b''.join(f_varint(8, x) for x in v) + f_varint(20, 7)
    elif isinstance(v, list):
        out += b''.join(f_float(7, x) for x in v) + f_varint(20, 6)
    return out

def value_info(name, shape):
    tensor_type = f_varint(1, 1)
    if shape is not None:
        tensor_type += f_bytes(2, b''.join(f_bytes(1, f_varint(1, d)) for d in shape))
    return f_bytes(1, name) + f_bytes(2, f_bytes(1, tensor_type))

def tensor(name, shape, vals, dtype=1):
    raw = struct.pack('<%df' % len(vals), *vals) if dtype == 1 else struct.pack('<%dq' % len(vals), *[int(v) for v in vals])
    return b''.join(f_varint(1, d) for d in shape) + f_varint(2, dtype) + f_bytes(8, name) + f_bytes(9, raw)

def model(op, inputs, outputs, attrs, inits=(), node_inputs=None, opset=19):
    node = b''.join(f_bytes(1, n) for n in (node_inputs or [i[0] for i in inputs]))
    node += b''.join(f_bytes(2, o[0]) for o in outputs) + f_bytes(4, op)
    node += b''.join(f_bytes(5, attr(k, v)) for k, v in attrs.items())
    g = f_bytes(1, node) + f_bytes(2, 'g')
    g += b''.join(f_bytes(5, tensor(*t)) for t in inits)
    g += b''.join(f_bytes(11, value_info(n, s)) for n, s in inputs)
    g += b''.join(f_bytes(12, value_info(n, s)) for n, s in outputs)
    return f_varint(1, 8) + f_bytes(8, f_bytes(1, '') + f_varint(2, opset)) + f_bytes(7, g)
