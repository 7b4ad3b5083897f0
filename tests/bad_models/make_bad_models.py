#!/usr/bin/python3
"""The bad-model corpus: malformed or unsupported ONNX files, each with the one-line
message and exit code `kiln compile` must give (docs/testing.md, label bad_models).

  make_bad_models.py OUT_DIR     writes every case to OUT_DIR/<case>/<case>.onnx

The files are generated at test time (deterministic, no random data), so no binary is
committed. CASES lists (name, builder, expected substring, exit code); a builder
returns the file's bytes, or writes extra files itself (external data) and returns
the bytes of the model. Exit codes are kiln's (docs/cli.md): 1 for a broken model,
2 for a valid one kiln does not support.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

F = TensorProto.FLOAT


def model(nodes, inputs, outputs, inits=(), opset=13, domains=()):
    g = helper.make_graph(nodes, "bad", inputs, outputs, list(inits))
    m = helper.make_model(
        g, opset_imports=[helper.make_opsetid("", opset)] +
        [helper.make_opsetid(d, v) for d, v in domains],
        producer_name="kiln-tests")
    m.ir_version = 8
    return m


def vi(name, shape, elem=F):
    return helper.make_tensor_value_info(name, elem, shape)


def weights(name, shape):
    data = (np.arange(int(np.prod(shape)), dtype=np.float32) % 7 - 3) / 10
    return numpy_helper.from_array(data.reshape(shape), name)


def conv_model(**attrs):
    """x [1,2,8,8] -> Conv(w [4,2,3,3], b) -> Relu -> y: the base of several cases."""
    nodes = [helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv1", **attrs),
             helper.make_node("Relu", ["c"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 2, 8, 8])], [vi("y", None)],
                 [weights("w", [4, 2, 3, 3]), weights("b", [4])])


def good_bytes():
    return conv_model(pads=[1, 1, 1, 1]).SerializeToString()


# ---- the cases -------------------------------------------------------------------

def empty(_):
    return b""


def not_protobuf(_):
    # Wire type 7 does not exist: no protobuf parser accepts this.
    return b"\xff\xff\xff\xffThis is not an ONNX file.\n"


def no_graph(_):
    # Valid protobuf, and a ModelProto, but nothing in it.
    m = onnx.ModelProto(ir_version=8, producer_name="kiln-tests")
    return m


def truncated(_):
    b = good_bytes()
    return b[: len(b) * 2 // 3]  # cut inside the weights


def cycle(_):
    nodes = [helper.make_node("Add", ["x", "b2"], ["a1"], name="first"),
             helper.make_node("Relu", ["a1"], ["b1"], name="second"),
             helper.make_node("Relu", ["b1"], ["b2"], name="third"),
             helper.make_node("Relu", ["b1"], ["y"], name="out")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])])


def dangling_input(_):
    nodes = [helper.make_node("Add", ["x", "bias"], ["y"], name="add1")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])])


def missing_initializer_data(_):
    m = conv_model()
    w = m.graph.initializer[0]
    w.ClearField("raw_data")
    w.ClearField("float_data")
    return m


def short_raw_data(_):
    m = conv_model()
    m.graph.initializer[0].raw_data = m.graph.initializer[0].raw_data[:40]
    return m


def unknown_op(_):
    nodes = [helper.make_node("Relu", ["x"], ["r"], name="relu1"),
             helper.make_node("FancyActivation", ["r"], ["y"], name="fancy")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])])


def custom_domain_op(_):
    nodes = [helper.make_node("Gelu", ["x"], ["y"], name="gelu",
                              domain="com.example")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])],
                 domains=[("com.example", 1)])


def attribute_wrong_type(_):
    m = conv_model()
    m.graph.node[0].attribute.append(helper.make_attribute("strides", [1.0, 1.0]))
    return m


def kernel_shape_mismatch(_):
    return conv_model(kernel_shape=[5, 5])


def negative_pads(_):
    return conv_model(pads=[1, -2, 1, 1])


def zero_stride(_):
    return conv_model(strides=[0, 1])


def negative_dim(_):
    m = conv_model()
    del m.graph.initializer[1].dims[:]
    m.graph.initializer[1].dims.extend([-4])
    return m


def negative_input_dim(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, -3, 4])], [vi("y", None)])


def huge_dim(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 1 << 40])], [vi("y", None)])


def overflowing_dims(_):
    # Each dimension is allowed alone; their product overflows int64.
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1 << 24, 1 << 24, 1 << 24, 1 << 24])], [vi("y", None)])


def external_data_outside(case_dir):
    # The data file exists, but above the model's folder.
    parent = os.path.dirname(case_dir)
    np.zeros(4, np.float32).tofile(os.path.join(parent, "outside_weights.bin"))
    return _external_model("../outside_weights.bin")


def external_data_absolute(_):
    return _external_model("/etc/passwd")


def external_data_missing(_):
    return _external_model("no_such_weights.bin")


def _external_model(location):
    b = TensorProto(name="b", data_type=F, dims=[4])
    b.data_location = TensorProto.EXTERNAL
    e = b.external_data.add()
    e.key, e.value = "location", location
    nodes = [helper.make_node("Add", ["x", "b"], ["y"], name="add_bias")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])], [b])


def no_outputs(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 4])], [])


def duplicate_outputs(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4]), vi("y", [1, 4])])


def defined_twice(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1"),
             helper.make_node("Sigmoid", ["x"], ["y"], name="sig1")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])])


def output_not_produced(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 4])], [vi("z", [1, 4])])


def opset_too_new(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])], opset=18)


def opset_too_old(_):
    # Add's broadcasting changed in opset 7: kiln imports it from there on.
    nodes = [helper.make_node("Add", ["x", "x"], ["y"], name="add1")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])], opset=6)


def no_default_opset(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    m = model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])])
    del m.opset_import[:]
    return m


def double_input(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 4], TensorProto.DOUBLE)],
                 [vi("y", [1, 4], TensorProto.DOUBLE)])


def string_input(_):
    nodes = [helper.make_node("Identity", ["x"], ["y"], name="id1")]
    return model(nodes, [vi("x", [1, 4], TensorProto.STRING)],
                 [vi("y", [1, 4], TensorProto.STRING)])


def input_without_shape(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    x = helper.make_tensor_value_info("x", F, None)
    return model(nodes, [x], [vi("y", None)])


def wrong_input_count(_):
    nodes = [helper.make_node("Conv", ["x"], ["y"], name="conv1")]
    return model(nodes, [vi("x", [1, 2, 8, 8])], [vi("y", None)])


def unknown_attribute(_):
    return conv_model(pads=[1, 1, 1, 1], padding_mode="same")


def missing_required_attribute(_):
    nodes = [helper.make_node("Concat", ["x", "x"], ["y"], name="cat")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", None)])


def opset_domain_twice(_):
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu1")]
    return model(nodes, [vi("x", [1, 4])], [vi("y", [1, 4])], domains=[("", 11)])


def channel_mismatch(_):
    m = conv_model()
    m.graph.input[0].type.tensor_type.shape.dim[1].dim_value = 3
    return m


# (name, builder, expected one-line message (a substring, or a tuple of substrings
# in order), exit code)
CASES = [
    ("empty", empty, "the file is empty", 1),
    ("not_protobuf", not_protobuf,
     "not a valid ONNX model: the protobuf cannot be parsed", 1),
    ("no_graph", no_graph, "not an ONNX model (no graph); is this the right file?", 1),
    ("truncated", truncated,
     "not a valid ONNX model: the protobuf cannot be parsed (a truncated", 1),
    ("cycle", cycle,
     "the graph has a cycle: 'first' -> 'second' -> 'third' -> 'first'", 1),
    ("dangling_input", dangling_input,
     "node 'add1' (Add, opset 13): input 'bias' is not a graph input, an initializer "
     "or the output of any node", 1),
    ("missing_initializer_data", missing_initializer_data,
     "initializer 'w': holds 0 values, its shape [4,2,3,3] needs 72", 1),
    ("short_raw_data", short_raw_data,
     "initializer 'w': raw_data holds 40 bytes, its shape [4,2,3,3] and type FLOAT "
     "need 288", 1),
    ("unknown_op", unknown_op,
     ("node 'fancy' (FancyActivation, opset 13): op is not supported by kiln; "
      "supported ops: ", "; see docs/ops.md for the supported ops and their limits; "
      "replace the op in the model, or add an importer (docs/adding_an_op.md)"), 2),
    ("custom_domain_op", custom_domain_op,
     "node 'gelu' (com.example.Gelu, opset 13): op is not supported by kiln", 2),
    ("attribute_wrong_type", attribute_wrong_type,
     "node 'conv1' (Conv, opset 13): attribute 'strides' is FLOATS, ONNX defines it "
     "as INTS", 1),
    ("unknown_attribute", unknown_attribute,
     "node 'conv1' (Conv, opset 13): attribute 'padding_mode' is not an attribute of "
     "ONNX Conv", 1),
    ("missing_required_attribute", missing_required_attribute,
     "node 'cat' (Concat, opset 13): the required attribute 'axis' is missing", 1),
    ("kernel_shape_mismatch", kernel_shape_mismatch,
     "node 'conv1' (Conv, opset 13): kernel_shape [5,5] disagrees with the weights "
     "[3,3]", 1),
    ("negative_pads", negative_pads,
     "node 'conv1' (Conv, opset 13): attribute 'pads' must be non-negative", 1),
    ("zero_stride", zero_stride,
     "node 'conv1' (Conv, opset 13): attribute 'strides' must be positive", 1),
    ("negative_dim", negative_dim, "initializer 'b': negative dimension -4", 1),
    ("negative_input_dim", negative_input_dim,
     "input 'x': dimension 1 is -3; dimensions must be non-negative", 1),
    ("huge_dim", huge_dim,
     "input 'x' [1,1099511627776]: dimension 1099511627776 is larger than kiln "
     "accepts", 1),
    ("overflowing_dims", overflowing_dims, "has too many elements", 1),
    ("external_data_outside", external_data_outside,
     "initializer 'b': external data location '../outside_weights.bin' points outside the model's "
     "folder", 1),
    ("external_data_absolute", external_data_absolute,
     "initializer 'b': external data location '/etc/passwd' is absolute", 1),
    ("external_data_missing", external_data_missing,
     "initializer 'b': external data file 'no_such_weights.bin' does not exist in "
     "the model's folder", 1),
    ("no_outputs", no_outputs, "the graph has no outputs", 1),
    ("duplicate_outputs", duplicate_outputs,
     "graph output 'y' is listed twice", 1),
    ("defined_twice", defined_twice, "value 'y' is defined twice", 1),
    ("output_not_produced", output_not_produced,
     "graph output 'z' is not produced by any node, input or initializer", 1),
    ("opset_too_new", opset_too_new,
     "opset 18 is not supported; kiln imports opsets 1 to 17", 2),
    ("opset_too_old", opset_too_old,
     "opsets 7 to 17 (convert the model, e.g. "
     "onnx.version_converter.convert_version(model, 13))", 2),
    ("opset_domain_twice", opset_domain_twice,
     "the model imports domain 'ai.onnx' twice (opsets 13 and 11)", 1),
    ("no_default_opset", no_default_opset,
     "the model imports no default-domain (ai.onnx) opset", 1),
    ("double_input", double_input,
     "input 'x': element type DOUBLE is not supported by kiln; supported: FLOAT", 2),
    ("string_input", string_input,
     "input 'x': element type STRING is not supported by kiln; supported: FLOAT", 2),
    ("input_without_shape", input_without_shape,
     "input 'x' has no shape in the model; give one with --input-shape", 1),
    ("wrong_input_count", wrong_input_count,
     "node 'conv1' (Conv, opset 13): has 1 input, but ONNX Conv (opset 11) takes 2 "
     "to 3", 1),
    ("channel_mismatch", channel_mismatch,
     "node 'conv1' (Conv, opset 13): input has 3 channels but weights [4,2,3,3] with "
     "group 1 expect 2", 1),
]


def write(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    paths = {}
    for name, build, _, _ in CASES:
        case_dir = os.path.join(out_dir, name)
        os.makedirs(case_dir, exist_ok=True)
        data = build(case_dir)
        if isinstance(data, onnx.ModelProto):
            data = data.SerializeToString()
        path = os.path.join(case_dir, name + ".onnx")
        with open(path, "wb") as f:
            f.write(data)
        paths[name] = path
    return paths


if __name__ == "__main__":
    write(sys.argv[1])
