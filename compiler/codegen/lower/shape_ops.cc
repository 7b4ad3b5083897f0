// Lowers reshape (a copy unless memory planning made it a view), transpose,
// softmax, log_softmax and concat (free when memory planning made its inputs
// slices).
#include "compiler/codegen/kernel_call.h"
#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerReshape(const ir::Graph& g, const ir::Node& node,
                                  const LowerOptions&) {
  KernelCall call;
  const ir::Tensor& in = g.tensor(node.inputs[0]);
  const ir::Tensor& out = g.tensor(node.outputs[0]);
  // A planned view shares its input's bytes: nothing to do.
  if (in.offset >= 0 && in.offset == out.offset) {
    call.kind = KernelCall::kNone;
    return call;
  }
  call.kind = KernelCall::kCopy;
  call.copy_bytes = out.type.bytes();
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

StatusOr<KernelCall> LowerTranspose(const ir::Graph& g, const ir::Node& node,
                                    const LowerOptions& opts) {
  // int8: the same permutation on bytes (the quantizer gives the output the
  // input's scale and zero point).
  const bool s8 = IsS8Node(g, node);
  if (!s8) KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  if (x.size() > 6) return Unimplemented("{}: rank > 6", ir::NodeWhere(node));
  KernelCall call;
  call.kernel = s8 ? "kiln_transpose_s8_ref" : KernelName("transpose", opts);
  call.params_type = "kiln_transpose_params_t";
  call.header = s8 ? "kiln/ref/transpose_s8.h" : "kiln/ref/transpose.h";
  call.params = {IntField("rank", static_cast<int64_t>(x.size())),
                 IntArrayField("in_shape", x, 6),
                 IntArrayField("perm", node.attr<ir::TransposeAttrs>().perm, 6)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

namespace {

// softmax and log_softmax over one axis, the tensor viewed as
// [outer][axis][inner].
StatusOr<KernelCall> AxisNormalization(const ir::Graph& g, const ir::Node& node,
                                       const LowerOptions& opts,
                                       const std::string& base) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  int64_t axis = node.attr<ir::AxisAttrs>().axis;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < axis; ++i) outer *= x[i];
  for (size_t i = axis + 1; i < x.size(); ++i) inner *= x[i];
  KernelCall call;
  call.kernel = KernelName(base, opts);
  call.params_type = "kiln_" + base + "_params_t";
  call.header = "kiln/ref/" + base + ".h";
  call.params = {IntField("outer", outer), IntField("axis", x[axis]),
                 IntField("inner", inner)};
  call.args = {In(node.inputs[0]), Out(node.outputs[0])};
  return call;
}

}  // namespace

StatusOr<KernelCall> LowerSoftmax(const ir::Graph& g, const ir::Node& node,
                                  const LowerOptions& opts) {
  if (IsS8Node(g, node)) return LowerSoftmaxS8(g, node);
  return AxisNormalization(g, node, opts, "softmax");
}
StatusOr<KernelCall> LowerLogSoftmax(const ir::Graph& g, const ir::Node& node,
                                     const LowerOptions& opts) {
  return AxisNormalization(g, node, opts, "log_softmax");
}

StatusOr<KernelCall> LowerConcat(const ir::Graph& g, const ir::Node& node,
                                 const LowerOptions& opts) {
  if (IsS8Node(g, node)) return LowerConcatS8(g, node);
  // Planned as slices (plan_memory.cc): the producers wrote the output.
  int64_t at = g.tensor(node.outputs[0]).offset;
  bool sliced = at >= 0;
  for (ir::TensorId t : node.inputs) {
    sliced = sliced && g.tensor(t).offset == at;
    at += g.type(t).bytes();
  }
  if (sliced) {
    KernelCall none;
    none.kind = KernelCall::kNone;
    return none;
  }
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  int64_t axis = node.attr<ir::AxisAttrs>().axis;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < axis; ++i) outer *= y[i];
  for (size_t i = axis + 1; i < y.size(); ++i) inner *= y[i];
  ParamField slices{ParamField::kIntArrayPtr, "slice_elems"};
  for (ir::TensorId t : node.inputs) slices.ints.push_back(g.type(t).shape[axis] * inner);
  KernelCall call;
  call.kernel = KernelName("concat", opts);
  call.params_type = "kiln_concat_params_t";
  call.header = "kiln/ref/concat.h";
  call.params = {IntField("outer", outer),
                 IntField("num_inputs", static_cast<int64_t>(node.inputs.size())),
                 slices};
  KernelArg list;
  list.kind = KernelArg::kTensorList;
  list.list = node.inputs;
  call.args = {list, Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
