// Cross-target bit probe (see probe.h): inputs are generated from integer LCGs
// so they are identical everywhere; outputs are hashed bit for bit.
#include "runtime/tests/cross_target/probe.h"

#include "kiln/kernels_ref.h"
#include "kiln/math.h"

namespace {

struct Hash {
  uint32_t h = 2166136261u;
  void Add(float f) {
    uint32_t u;
    __builtin_memcpy(&u, &f, 4);
    // Canonicalise NaN: payloads are not part of the contract.
    if ((u & 0x7fffffffu) > 0x7f800000u) u = 0x7fc00000u;
    for (int i = 0; i < 4; ++i) {
      h ^= (u >> (8 * i)) & 0xffu;
      h *= 16777619u;
    }
  }
  void AddU32(uint32_t u) {
    for (int i = 0; i < 4; ++i) {
      h ^= (u >> (8 * i)) & 0xffu;
      h *= 16777619u;
    }
  }
};

struct Rng {
  uint32_t s;
  uint32_t Next() {
    s = s * 1664525u + 1013904223u;
    return s;
  }
  // Any float bit pattern (all binades, specials included).
  float AnyFloat() {
    const uint32_t u = Next();
    float f;
    __builtin_memcpy(&f, &u, 4);
    return f;
  }
  // Uniform in [lo, hi) from 24 random bits.
  float Uniform(float lo, float hi) {
    return lo + (hi - lo) * (float)(Next() >> 8) * (1.0f / 16777216.0f);
  }
};

constexpr int kPoints = 20000;

template <typename F>
uint32_t HashMath(F f, float lo, float hi, uint32_t seed) {
  Hash h;
  Rng r{seed};
  for (int i = 0; i < kPoints; ++i) h.Add(f(r.AnyFloat()));
  for (int i = 0; i < kPoints; ++i) h.Add(f(r.Uniform(lo, hi)));
  return h.h;
}

float g_a[4096], g_b[4096], g_y[8192];

void Fill(float* v, int n, uint32_t seed) {
  Rng r{seed};
  for (int i = 0; i < n; ++i) v[i] = r.Uniform(-2.0f, 2.0f);
}

int8_t g_qa[4096], g_qb[4096], g_qy[8192];
int32_t g_qbias[64];

void FillS8(int8_t* v, int n, uint32_t seed) {
  Rng r{seed};
  for (int i = 0; i < n; ++i) v[i] = (int8_t)(r.Next() >> 24);
}

uint32_t HashOutS8(int n) {
  Hash h;
  for (int i = 0; i < n; ++i) h.AddU32((uint32_t)(uint8_t)g_qy[i]);
  return h.h;
}

// The int8 kernels and the requantization routine: integer-only, so any
// difference between targets would be a bug in the 64-bit arithmetic.
void ProbeInt8(kiln_probe_emit_fn emit, void* ctx) {
  Hash rq;
  Rng r{99};
  for (int i = 0; i < 40000; ++i) {
    const int32_t x = (int32_t)r.Next() >> (i % 3 == 0 ? 0 : 12);
    const int32_t m = (int32_t)r.Next();
    const int32_t s = (int32_t)(r.Next() % 62u) - 31;
    rq.AddU32((uint32_t)kiln_multiply_by_quantized_multiplier(x, m, s));
  }
  emit(ctx, "requant", rq.h);

  FillS8(g_qa, 4096, 21);
  FillS8(g_qb, 4096, 22);
  for (int i = 0; i < 64; ++i) g_qbias[i] = (int32_t)(r.Next() % 20001u) - 10000;
  static const int32_t kMult[8] = {1518500250, 1200000000, 2000000000, 1073741824,
                                   1300000000, 1700000000, 1100000000, 1900000000};
  static const int32_t kShift[8] = {-9, -8, -10, -9, -7, -9, -8, -10};
  static const int32_t kWzp[8] = {0, 1, -2, 3, 0, -1, 2, 0};
  const kiln_conv2d_s8_params_t cp = {1, 9, 9, 4, 5, 5, 8, 3, 3, 2, 2, 1, 1,
                                      1, 1, 1, 1, 2, -3, 5, -128, 127, 1,
                                      kMult, kShift, kWzp};
  kiln_conv2d_s8_ref(&cp, g_qa, g_qb, g_qbias, g_qy);
  emit(ctx, "conv2d_s8", HashOutS8(5 * 5 * 8));

  const kiln_depthwise_conv2d_s8_params_t dp = {
      1, 9, 9, 4, 9, 9, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 7, -2, -100, 127, 1,
      kMult, kShift, NULL};
  kiln_depthwise_conv2d_s8_ref(&dp, g_qa, g_qb, g_qbias, g_qy);
  emit(ctx, "depthwise_conv2d_s8", HashOutS8(9 * 9 * 8));

  const kiln_fully_connected_s8_params_t fp = {3, 100, 7, 4, 1, -128, 127, 0,
                                               kMult, kShift, kWzp};
  kiln_fully_connected_s8_ref(&fp, g_qa, g_qb, g_qbias, g_qy);
  emit(ctx, "fully_connected_s8", HashOutS8(21));

  const kiln_add_s8_params_t ap = {3, {4, 9, 8}, {4, 9, 8}, {1, 9, 1},
                                   -3, 1518500250, -1, 10, 1231232123, -2, 20,
                                   4, 1431655765, -18, -128, 127};
  kiln_add_s8_ref(&ap, g_qa, g_qb, g_qy);
  emit(ctx, "add_s8", HashOutS8(4 * 9 * 8));

  const kiln_avgpool2d_s8_params_t vp = {1, 9, 9, 4, 5, 5, 3, 3, 2, 2, 1, 1,
                                         1, 1, 1, 1, 0, -5, -128, 127};
  kiln_avgpool2d_s8_ref(&vp, g_qa, g_qy);
  emit(ctx, "avgpool2d_s8", HashOutS8(5 * 5 * 4));

  int32_t lut[256];
  uint32_t e = 1u << 20;
  for (int d = 0; d < 256; ++d) {  // a decaying table, integer-generated
    lut[d] = (int32_t)e;
    e = (uint32_t)(((uint64_t)e * 3987u) >> 12);
  }
  const kiln_softmax_s8_params_t sp = {9, 36, 1, -128, 1073741824, -14};
  kiln_softmax_s8_ref(&sp, g_qa, lut, g_qy);
  emit(ctx, "softmax_s8", HashOutS8(9 * 36));

  Fill(g_a, 4096, 23);
  const kiln_quantize_s8_params_t qp = {4096, 0.0173f, -9};
  kiln_quantize_s8_ref(&qp, g_a, g_qy);
  emit(ctx, "quantize_s8", HashOutS8(4096));
}

uint32_t HashOut(int n) {
  Hash h;
  for (int i = 0; i < n; ++i) h.Add(g_y[i]);
  return h.h;
}

}  // namespace

extern "C" void kiln_probe_run(kiln_probe_emit_fn emit, void* ctx) {
  emit(ctx, "expf",
       HashMath([](float x) { return kiln_expf(x); }, -110, 90, 1));
  emit(ctx, "logf", HashMath([](float x) { return kiln_logf(x); }, 0, 100, 2));
  emit(ctx, "sqrtf",
       HashMath([](float x) { return kiln_sqrtf(x); }, 0, 100, 3));
  emit(ctx, "tanhf",
       HashMath([](float x) { return kiln_tanhf(x); }, -10, 10, 4));
  emit(ctx, "sigmoidf",
       HashMath([](float x) { return kiln_sigmoidf(x); }, -20, 20, 5));
  emit(ctx, "erff", HashMath([](float x) { return kiln_erff(x); }, -5, 5, 6));
  emit(ctx, "powf",
       HashMath([](float x) { return kiln_powf(x, 2.5f); }, 0, 10, 7));

  // conv2d: 1x9x9x4 -> 3x3 kernel, stride 2, pad 1, 6 output channels, ReLU6.
  Fill(g_a, 9 * 9 * 4, 11);
  Fill(g_b, 6 * 3 * 3 * 4 + 6, 12);
  const kiln_conv2d_params_t cp = {1, 9, 9, 4, 5, 5, 6, 3, 3,    2,
                                   2, 1, 1, 1, 1, 1, 1, 1, 0.0f, 6.0f};
  kiln_conv2d_f32_ref(&cp, g_a, g_b, g_b + 6 * 3 * 3 * 4, g_y);
  emit(ctx, "conv2d", HashOut(5 * 5 * 6));

  const kiln_depthwise_conv2d_params_t dp = {
      1, 9, 9, 4, 9, 9, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, -KILN_INF, KILN_INF};
  kiln_depthwise_conv2d_f32_ref(&dp, g_a, g_b, g_b + 72, g_y);
  emit(ctx, "depthwise_conv2d", HashOut(9 * 9 * 8));

  const kiln_softmax_params_t sp = {9, 36, 1};
  kiln_softmax_f32_ref(&sp, g_a, g_y);
  emit(ctx, "softmax", HashOut(9 * 36));

  const kiln_unary_params_t up = {
      KILN_UNARY_HARD_SWISH, 324, 1.0f / 6.0f, 0.5f, -KILN_INF, KILN_INF};
  kiln_unary_f32_ref(&up, g_a, g_y);
  emit(ctx, "hard_swish", HashOut(324));

  const kiln_resize_params_t rp = {1,
                                   9,
                                   9,
                                   4,
                                   13,
                                   17,
                                   KILN_RESIZE_LINEAR,
                                   KILN_RESIZE_HALF_PIXEL,
                                   0,
                                   13.0f / 9.0f,
                                   17.0f / 9.0f,
                                   -0.75f,
                                   0,
                                   0.0f,
                                   1.0f,
                                   0.0f,
                                   1.0f,
                                   0.0f};
  kiln_resize_f32_ref(&rp, g_a, g_y);
  emit(ctx, "resize_linear", HashOut(13 * 17 * 4));
  kiln_resize_params_t rc = rp;
  rc.mode = KILN_RESIZE_CUBIC;
  rc.cubic_a = -0.5f;
  rc.exclude_outside = 1;
  kiln_resize_f32_ref(&rc, g_a, g_y);
  emit(ctx, "resize_cubic", HashOut(13 * 17 * 4));

  const kiln_fully_connected_params_t fp = {3, 100, 7, -KILN_INF, KILN_INF};
  kiln_fully_connected_f32_ref(&fp, g_a, g_b, g_b + 700, g_y);
  emit(ctx, "fully_connected", HashOut(21));

  const kiln_matmul_params_t mp = {
      2, {3, 2, 0, 0}, {0, 40, 0, 0}, {60, 0, 0, 0}, 5, 8, 6, -1.0f, 1.0f};
  kiln_matmul_f32_ref(&mp, g_a, g_b, NULL, g_y);
  emit(ctx, "matmul", HashOut(6 * 5 * 6));

  const kiln_maxpool2d_params_t xp = {1, 9, 9, 4, 5, 5, 3, 3,         2,
                                      2, 1, 1, 1, 1, 1, 1, -KILN_INF, KILN_INF};
  kiln_maxpool2d_f32_ref(&xp, g_a, g_y);
  emit(ctx, "maxpool2d", HashOut(5 * 5 * 4));

  const kiln_log_softmax_params_t lp = {4, 20, 4};
  kiln_log_softmax_f32_ref(&lp, g_a, g_y);
  emit(ctx, "log_softmax", HashOut(320));

  const kiln_reduce_params_t rp2 = {3, {9, 9, 4}, 0x3, KILN_REDUCE_MEAN};
  kiln_reduce_f32_ref(&rp2, g_a, g_y);
  emit(ctx, "reduce_mean", HashOut(4));

  const kiln_avgpool2d_params_t ap = {
      1, 9, 9, 4, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1, 1, -KILN_INF, KILN_INF};
  kiln_avgpool2d_f32_ref(&ap, g_a, g_y);
  emit(ctx, "avgpool2d", HashOut(4 * 4 * 4));

  ProbeInt8(emit, ctx);
}
