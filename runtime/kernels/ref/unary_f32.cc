// Float32 reference unary ops: one switch outside the loop, one tight loop per
// op, each followed by the fused clamp (see kiln/ref/unary.h for the op list).
#include "kiln/math.h"
#include "kiln/ref/unary.h"
#include "runtime/kernels/ref/internal.h"

namespace {

using kiln_internal::ClampAct;

// Applies f to every element, then the clamp. A template so each op's loop
// inlines.
template <typename F>
inline void Map(const kiln_unary_params_t* p, const float* x, float* y, F f) {
  const float lo = p->act_min;
  const float hi = p->act_max;
  for (int32_t i = 0; i < p->count; ++i) y[i] = ClampAct(f(x[i]), lo, hi);
}

// min(v, 1) then max(., 0) in std::min/std::max operand order: NaN propagates.
inline float Unit(float v) {
  v = (1.0f < v) ? 1.0f : v;
  return (v < 0.0f) ? 0.0f : v;
}

}  // namespace

extern "C" void kiln_unary_f32_ref(const kiln_unary_params_t* p, const float* x,
                                   float* y) {
  const float alpha = p->alpha;
  const float beta = p->beta;
  switch (p->op) {
    case KILN_UNARY_RELU:
      Map(p, x, y, [](float v) { return (v < 0.0f) ? 0.0f : v; });
      break;
    case KILN_UNARY_LEAKY_RELU:
      Map(p, x, y, [alpha](float v) { return (v >= 0.0f) ? v : alpha * v; });
      break;
    case KILN_UNARY_SIGMOID:
      Map(p, x, y, [](float v) { return kiln_sigmoidf(v); });
      break;
    case KILN_UNARY_TANH:
      Map(p, x, y, [](float v) { return kiln_tanhf(v); });
      break;
    case KILN_UNARY_HARD_SIGMOID:
      Map(p, x, y, [alpha, beta](float v) { return Unit(alpha * v + beta); });
      break;
    case KILN_UNARY_HARD_SWISH:
      Map(p, x, y,
          [alpha, beta](float v) { return v * Unit(alpha * v + beta); });
      break;
    case KILN_UNARY_EXP:
      Map(p, x, y, [](float v) { return kiln_expf(v); });
      break;
    case KILN_UNARY_LOG:
      Map(p, x, y, [](float v) { return kiln_logf(v); });
      break;
    case KILN_UNARY_SQRT:
      Map(p, x, y, [](float v) { return kiln_sqrtf(v); });
      break;
    case KILN_UNARY_NEG:
      Map(p, x, y, [](float v) { return -v; });
      break;
    case KILN_UNARY_ABS:
      Map(p, x, y, [](float v) {
        return kiln_internal::BitsFloat(kiln_internal::FloatBits(v) &
                                        0x7fffffffu);
      });
      break;
    case KILN_UNARY_ERF:
      Map(p, x, y, [](float v) { return kiln_erff(v); });
      break;
    case KILN_UNARY_IDENTITY:
    case KILN_UNARY_CLIP:
    default:
      KILN_DCHECK(p->op == KILN_UNARY_IDENTITY || p->op == KILN_UNARY_CLIP);
      Map(p, x, y, [](float v) { return v; });
      break;
  }
}

extern "C" size_t kiln_unary_f32_ref_scratch_bytes(
    const kiln_unary_params_t* p) {
  (void)p;
  return 0;
}
