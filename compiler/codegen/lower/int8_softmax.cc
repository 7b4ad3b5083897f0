// int8 softmax (kiln_softmax_s8_ref): the exp table exp_lut[d] =
// round(2^20 exp(-in_scale d)) is computed here (double, on the host) and emitted
// as a constant, so every target and the host evaluation use the same table;
// the output requantization is Q31(1 / (out_scale 2^23)).
#include <cmath>

#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"
#include "kiln/ref/softmax_s8.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerSoftmaxS8(const ir::Graph& g, const ir::Node& node) {
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  int64_t axis = node.attr<ir::AxisAttrs>().axis;
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < axis; ++i) outer *= x[i];
  for (size_t i = axis + 1; i < x.size(); ++i) inner *= x[i];
  if (x[axis] > (int64_t{1} << 20))
    return Unimplemented("{}: int8 softmax over {} > 2^20 values", ir::NodeWhere(node),
                         x[axis]);
  KILN_ASSIGN_OR_RETURN(QParams xq, PerTensor(g, node, node.inputs[0]));
  KILN_ASSIGN_OR_RETURN(QParams yq, PerTensor(g, node, node.outputs[0]));
  KILN_ASSIGN_OR_RETURN(
      Multiplier m,
      QuantizeMultiplier(node, 1.0 / (yq.scale * double(1 << KILN_SOFTMAX_S8_PROB_BITS))));
  TableConstant lut;
  lut.dtype = ir::DType::kS32;
  for (int d = 0; d < 256; ++d)
    lut.values.push_back(
        static_cast<int64_t>(std::nearbyint(std::ldexp(std::exp(-xq.scale * d), 20))));
  KernelCall call;
  call.kernel = "kiln_softmax_s8_ref";
  call.params_type = "kiln_softmax_s8_params_t";
  call.header = "kiln/ref/softmax_s8.h";
  call.params = {IntField("outer", outer),
                 IntField("axis", x[axis]),
                 IntField("inner", inner),
                 IntField("output_zero_point", yq.zero_point),
                 IntField("multiplier", m.mult),
                 IntField("shift", m.shift)};
  call.tables.push_back(std::move(lut));
  KernelArg table;
  table.kind = KernelArg::kTable;
  table.table = 0;
  call.args = {In(node.inputs[0]), table, Out(node.outputs[0])};
  return call;
}

}  // namespace kiln::codegen
