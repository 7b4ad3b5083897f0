// Lowers a batchnorm that fold-batchnorm could not fold into a conv or dense
// layer to the per-channel scale_bias kernel: scale and bias are computed once
// here from the constant parameters (eval::BatchNormToScaleBias, the rounding
// every path shares) and emitted as weight arrays in place of gamma and beta.
#include "compiler/codegen/kernel_call.h"
#include "compiler/eval/eval.h"
#include "compiler/ir/op_rules.h"

namespace kiln::codegen {

StatusOr<KernelCall> LowerBatchNormalization(const ir::Graph& g,
                                             const ir::Node& node,
                                             const LowerOptions& opts) {
  KILN_RETURN_IF_ERROR(RequireF32(g, node));
  const auto& a = node.attr<ir::BatchNormAttrs>();
  const ir::Shape& x = g.type(node.inputs[0]).shape;
  // Channel-innermost: NHWC, or rank 2 ([N, C]) in either layout.
  if (a.layout != "nhwc" && x.size() > 2)
    return Internal("{}: batchnorm in layout '{}' reached codegen; the "
                    "layout-nhwc pass must run first",
                    ir::NodeWhere(node), a.layout);
  for (size_t i = 1; i < 5; ++i)
    if (!g.IsConst(node.inputs[i]))
      return Unimplemented(
          "{}: BatchNormalization parameters computed at run time are not "
          "supported (scale, bias, mean and var must be constants)",
          ir::NodeWhere(node));
  // Two distinct parameter tensors carry the packed scale and bias.
  std::vector<ir::TensorId> sources;
  for (size_t i = 1; i < 5 && sources.size() < 2; ++i)
    if (sources.empty() || sources[0] != node.inputs[i])
      sources.push_back(node.inputs[i]);
  if (sources.size() < 2)
    return Unimplemented("{}: scale, bias, mean and var are one tensor",
                         ir::NodeWhere(node));
  int64_t c = x.back();
  std::vector<float> scale(c), bias(c);
  eval::BatchNormToScaleBias(
      g.tensor(node.inputs[1]).data_as<float>(),
      g.tensor(node.inputs[2]).data_as<float>(),
      g.tensor(node.inputs[3]).data_as<float>(),
      g.tensor(node.inputs[4]).data_as<float>(), a.epsilon, c, scale.data(),
      bias.data());
  KernelCall call;
  call.kernel = KernelName("scale_bias", opts);
  call.params_type = "kiln_scale_bias_params_t";
  call.header = "kiln/ref/scale_bias.h";
  call.params = {IntField("outer", ir::NumElements(x) / c),
                 IntField("channels", c), FloatField("act_min", -ir::kInf),
                 FloatField("act_max", ir::kInf)};
  call.packed.push_back({sources[0], eval::ToBuffer(scale)});
  call.packed.push_back({sources[1], eval::ToBuffer(bias)});
  call.args = {In(node.inputs[0]), In(sources[0]), In(sources[1]),
               Out(node.outputs[0])};
  call.macs = ir::NumElements(x);
  return call;
}

}  // namespace kiln::codegen
