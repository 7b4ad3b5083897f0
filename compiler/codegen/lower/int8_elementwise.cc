// int8 add (TFLite's common-scale scheme, multipliers from
// kiln_add_s8_multipliers), mul (one requantization of the product) and concat
// (each input requantized to the output's grid; equal grids copy).
#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"
#include "kiln/quant_host.h"

namespace kiln::codegen {
namespace {

// rank, out_shape, a_shape, b_shape: shapes right-aligned to the output's rank.
StatusOr<std::vector<ParamField>> BroadcastShapes(const ir::Graph& g,
                                                  const ir::Node& node) {
  ir::Shape y = g.type(node.outputs[0]).shape;
  ir::Shape a = g.type(node.inputs[0]).shape, b = g.type(node.inputs[1]).shape;
  if (y.size() > 6) return Unimplemented("{}: rank {} > 6", ir::NodeWhere(node), y.size());
  if (y.empty()) y = a = b = {1};
  a.insert(a.begin(), y.size() - a.size(), 1);
  b.insert(b.begin(), y.size() - b.size(), 1);
  return std::vector<ParamField>{IntField("rank", static_cast<int64_t>(y.size())),
                                 IntArrayField("out_shape", y, 6),
                                 IntArrayField("a_shape", a, 6),
                                 IntArrayField("b_shape", b, 6)};
}

}  // namespace

StatusOr<KernelCall> LowerAddS8(const ir::Graph& g, const ir::Node& node) {
  const auto& act = node.attr<ir::ActAttrs>();
  KILN_ASSIGN_OR_RETURN(QParams aq, PerTensor(g, node, node.inputs[0]));
  KILN_ASSIGN_OR_RETURN(QParams bq, PerTensor(g, node, node.inputs[1]));
  KILN_ASSIGN_OR_RETURN(QParams yq, PerTensor(g, node, node.outputs[0]));
  int32_t left, am, as, bm, bs, om, os;
  if (kiln_add_s8_multipliers(aq.scale, bq.scale, yq.scale, &left, &am, &as, &bm, &bs,
                              &om, &os) != 0)
    return Unimplemented("{}: input/output scales {}, {}, {} are outside the int8 add "
                         "kernel's range; keep this node in float",
                         ir::NodeWhere(node), aq.scale, bq.scale, yq.scale);
  int64_t lo, hi;
  ClampS8(act.act_min, act.act_max, yq, &lo, &hi);
  KernelCall call;
  call.kernel = "kiln_add_s8_ref";
  call.params_type = "kiln_add_s8_params_t";
  call.header = "kiln/ref/add_s8.h";
  KILN_ASSIGN_OR_RETURN(call.params, BroadcastShapes(g, node));
  std::vector<ParamField> q = {
      IntField("a_zero_point", aq.zero_point), IntField("a_multiplier", am),
      IntField("a_shift", as),                 IntField("b_zero_point", bq.zero_point),
      IntField("b_multiplier", bm),            IntField("b_shift", bs),
      IntField("left_shift", left),            IntField("output_zero_point", yq.zero_point),
      IntField("output_multiplier", om),       IntField("output_shift", os),
      IntField("act_min", lo),                 IntField("act_max", hi)};
  call.params.insert(call.params.end(), q.begin(), q.end());
  call.args = {In(node.inputs[0]), In(node.inputs[1]), Out(node.outputs[0])};
  return call;
}

StatusOr<KernelCall> LowerMulS8(const ir::Graph& g, const ir::Node& node) {
  KILN_ASSIGN_OR_RETURN(QParams aq, PerTensor(g, node, node.inputs[0]));
  KILN_ASSIGN_OR_RETURN(QParams bq, PerTensor(g, node, node.inputs[1]));
  KILN_ASSIGN_OR_RETURN(QParams yq, PerTensor(g, node, node.outputs[0]));
  KILN_ASSIGN_OR_RETURN(Multiplier m,
                        QuantizeMultiplier(node, aq.scale * bq.scale / yq.scale));
  KernelCall call;
  call.kernel = "kiln_mul_s8_ref";
  call.params_type = "kiln_mul_s8_params_t";
  call.header = "kiln/ref/mul_s8.h";
  KILN_ASSIGN_OR_RETURN(call.params, BroadcastShapes(g, node));
  std::vector<ParamField> q = {
      IntField("a_zero_point", aq.zero_point), IntField("b_zero_point", bq.zero_point),
      IntField("output_zero_point", yq.zero_point), IntField("output_multiplier", m.mult),
      IntField("output_shift", m.shift),       IntField("act_min", -128),
      IntField("act_max", 127)};
  call.params.insert(call.params.end(), q.begin(), q.end());
  call.args = {In(node.inputs[0]), In(node.inputs[1]), Out(node.outputs[0])};
  return call;
}

StatusOr<KernelCall> LowerConcatS8(const ir::Graph& g, const ir::Node& node) {
  const ir::Shape& y = g.type(node.outputs[0]).shape;
  int64_t axis = node.attr<ir::AxisAttrs>().axis;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < axis; ++i) outer *= y[i];
  for (size_t i = axis + 1; i < y.size(); ++i) inner *= y[i];
  KILN_ASSIGN_OR_RETURN(QParams yq, PerTensor(g, node, node.outputs[0]));
  std::vector<int64_t> slices, zps, mults, shifts;
  for (ir::TensorId t : node.inputs) {
    KILN_ASSIGN_OR_RETURN(QParams xq, PerTensor(g, node, t));
    KILN_ASSIGN_OR_RETURN(Multiplier m, QuantizeMultiplier(node, xq.scale / yq.scale));
    slices.push_back(g.type(t).shape[axis] * inner);
    zps.push_back(xq.zero_point);
    mults.push_back(m.mult);
    shifts.push_back(m.shift);
  }
  KernelCall call;
  call.kernel = "kiln_concat_s8_ref";
  call.params_type = "kiln_concat_s8_params_t";
  call.header = "kiln/ref/concat_s8.h";
  call.params = {IntField("outer", outer),
                 IntField("num_inputs", static_cast<int64_t>(node.inputs.size())),
                 IntField("output_zero_point", yq.zero_point),
                 IntArrayPtrField("slice_elems", slices),
                 IntArrayPtrField("input_zero_points", zps),
                 IntArrayPtrField("multipliers", mults),
                 IntArrayPtrField("shifts", shifts)};
  KernelArg list;
  list.kind = KernelArg::kTensorList;
  list.list = node.inputs;
  call.args = {list, Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
