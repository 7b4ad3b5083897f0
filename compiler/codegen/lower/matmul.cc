// Lowers matmul (numpy semantics, broadcast batch dims) to kiln_matmul.
#include "compiler/codegen/kernel_call.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerMatMul(const ir::Graph& g, const ir::Node& node,
                                 const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  ir::Shape a = g.type(node.inputs[0]).shape, b = g.type(node.inputs[1]).shape;
  if (a.size() == 1) a.insert(a.begin(), 1);
  if (b.size() == 1) b.push_back(1);
  int64_t m = a[a.size() - 2], k = a.back(), n = b.back();
  ir::Shape ba(a.begin(), a.end() - 2), bb(b.begin(), b.end() - 2);
  size_t nb = std::max(ba.size(), bb.size());
  if (nb > 4)
    return Unimplemented("{}: more than 4 batch dimensions", ir::NodeWhere(node));
  ba.insert(ba.begin(), nb - ba.size(), 1);
  bb.insert(bb.begin(), nb - bb.size(), 1);
  std::vector<int64_t> shape(nb), sa(nb), sb(nb);
  int64_t stride_a = m * k, stride_b = k * n;
  for (size_t i = nb; i-- > 0;) {
    shape[i] = std::max(ba[i], bb[i]);
    sa[i] = ba[i] == 1 ? 0 : stride_a;
    sb[i] = bb[i] == 1 ? 0 : stride_b;
    stride_a *= ba[i];
    stride_b *= bb[i];
  }
  KernelCall call;
  call.kernel = KernelName("matmul", opts);
  call.params_type = "kiln_matmul_params_t";
  call.header = "kiln/ref/matmul.h";
  call.params = {IntField("batch_dims", static_cast<int64_t>(nb)),
                 IntArrayField("batch_shape", shape, 4),
                 IntArrayField("a_batch_stride", sa, 4),
                 IntArrayField("b_batch_stride", sb, 4),
                 IntField("m", m), IntField("k", k), IntField("n", n),
                 FloatField("act_min", -ir::kInf), FloatField("act_max", ir::kInf)};
  call.args = {In(node.inputs[0]), In(node.inputs[1]), OptIn(ir::kNoTensor),
               Out(node.outputs[0])};
  call.macs = g.type(node.outputs[0]).num_elements() * k;
  return call;
}

}  // namespace kiln::codegen
