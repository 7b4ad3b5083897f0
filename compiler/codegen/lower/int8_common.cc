// QParams, QuantizeMultiplier and ClampS8 (see lower/int8.h).
#include <algorithm>
#include <cmath>

#include "compiler/codegen/lower/int8.h"
#include "compiler/ir/op_rules.h"
#include "kiln/quant_host.h"

namespace kiln::codegen {

StatusOr<QParams> PerTensor(const ir::Graph& g, const ir::Node& node, ir::TensorId t) {
  const ir::TensorType& ty = g.type(t);
  if (ty.dtype != ir::DType::kS8 || ty.quant.scale.size() != 1 ||
      ty.quant.zero_point.size() != 1)
    return Unimplemented(
        "{}: '{}' is {}; the int8 kernels need s8 with per-tensor scale and zero "
        "point",
        ir::NodeWhere(node), g.tensor(t).name, ty.ToString());
  return QParams{ty.quant.scale[0], ty.quant.zero_point[0]};
}

StatusOr<Multiplier> QuantizeMultiplier(const ir::Node& node, double real) {
  Multiplier m;
  if (kiln_quantize_multiplier(real, &m.mult, &m.shift) != 0)
    return Unimplemented(
        "{}: rescale factor {} is outside the int8 kernels' range [0, 2^30); keep "
        "this node in float",
        ir::NodeWhere(node), real);
  return m;
}

void ClampS8(float lo, float hi, const QParams& q, int64_t* qlo, int64_t* qhi) {
  auto quant = [&](float x) -> int64_t {
    if (std::isinf(x)) return x < 0 ? -128 : 127;
    double r = std::nearbyint(static_cast<double>(x) / q.scale) + q.zero_point;
    return static_cast<int64_t>(std::clamp(r, -128.0, 127.0));
  };
  *qlo = quant(lo);
  *qhi = quant(hi);
  if (*qhi < *qlo) *qhi = *qlo;
}

}  // namespace kiln::codegen
