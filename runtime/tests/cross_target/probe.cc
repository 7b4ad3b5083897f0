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
                                   17.0f / 9.0f};
  kiln_resize_f32_ref(&rp, g_a, g_y);
  emit(ctx, "resize_linear", HashOut(13 * 17 * 4));

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
}
