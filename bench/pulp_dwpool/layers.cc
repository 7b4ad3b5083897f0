// bench/pulp_dwpool firmware: the PULP depthwise, pooling, add and
// requantization kernels on layer shapes of the MLPerf Tiny models and
// MobileNet, data in L2 as the generated code has it. Per layer one line
//   layer <name> <work> <pulp cycles> <ref cycles> <pulp hash> <ref hash>
// (work: MACs for depthwise, output elements otherwise; cycles: mcycle on core
// 0 around the call, fork and join included). The reference kernel runs only
// with --ref (a 1-core run: it is slow, and core 0 only); layers.py compares
// the hashes across runs.
#include <stdio.h>
#include <string.h>

#include "kiln/pulp/add_s8.h"
#include "kiln/pulp/avgpool2d_s8.h"
#include "kiln/pulp/depthwise_conv2d_s8.h"
#include "kiln/pulp/global_avgpool_s8.h"
#include "kiln/pulp/maxpool2d_s8.h"
#include "kiln/pulp/requantize_s8.h"
#include "runtime/platform/pulp/cluster.h"

// Set by `--load` (layers.py): nonzero runs the reference too.
extern "C" {
volatile int32_t bench_run_ref __attribute__((section(".noinit")));
}

namespace {

constexpr int32_t kMaxIn = 48 * 48 * 16;
constexpr int32_t kMaxC = 64;

int8_t g_in[kMaxIn];
int8_t g_in2[kMaxIn];
int8_t g_out[kMaxIn];
int8_t g_ref[kMaxIn];
int8_t g_w[9 * kMaxC];
int32_t g_bias[kMaxC], g_mult[kMaxC], g_shift[kMaxC];

uint32_t g_seed = 12345;
uint32_t Next() {
  g_seed ^= g_seed << 13;
  g_seed ^= g_seed >> 17;
  g_seed ^= g_seed << 5;
  return g_seed;
}
void Fill(int8_t* p, int32_t n) {
  for (int32_t i = 0; i < n; ++i) p[i] = (int8_t)Next();
}
uint32_t Hash(const int8_t* p, int32_t n) {
  uint32_t h = 2166136261u;
  for (int32_t i = 0; i < n; ++i) h = (h ^ (uint8_t)p[i]) * 16777619u;
  return h;
}
uint32_t Now() {
  kiln_perf_t p;
  kiln_perf_read(&p);
  return p.cycles;
}

template <typename Pulp, typename Ref>
void Run(const char* name, int32_t work, int32_t out_n, Pulp pulp, Ref ref) {
  memset(g_out, 0, (size_t)out_n);
  const uint32_t t0 = Now();
  pulp();
  const uint32_t t1 = Now();
  uint32_t ref_cycles = 0, ref_hash = 0;
  if (bench_run_ref) {
    memset(g_ref, 0, (size_t)out_n);
    const uint32_t r0 = Now();
    ref();
    ref_cycles = Now() - r0;
    ref_hash = Hash(g_ref, out_n);
  }
  printf("layer %s %ld %lu %lu %08lx %08lx\n", name, (long)work, (unsigned long)(t1 - t0),
         (unsigned long)ref_cycles, (unsigned long)Hash(g_out, out_n),
         (unsigned long)ref_hash);
}

void Depthwise(const char* name, int32_t h, int32_t w, int32_t c, int32_t stride) {
  kiln_depthwise_conv2d_s8_params_t p = {};
  p.batch = 1;
  p.in_h = h;
  p.in_w = w;
  p.in_c = c;
  p.ch_mult = 1;
  p.kernel_h = p.kernel_w = 3;
  p.stride_h = p.stride_w = stride;
  p.dilation_h = p.dilation_w = 1;
  p.pad_top = p.pad_left = 1;
  p.pad_bottom = p.pad_right = 1;
  p.out_h = (h + 2 - 3) / stride + 1;
  p.out_w = (w + 2 - 3) / stride + 1;
  p.input_zero_point = -5;
  p.output_zero_point = 3;
  p.act_min = 3;  // ReLU
  p.act_max = 127;
  p.per_channel = 1;
  p.multipliers = g_mult;
  p.shifts = g_shift;
  p.weight_zero_points = NULL;
  const int32_t out_n = p.out_h * p.out_w * c;
  Run(name, out_n * 9, out_n,
      [&] { kiln_depthwise_conv2d_s8_pulp(&p, g_in, g_w, g_bias, g_out); },
      [&] { kiln_depthwise_conv2d_s8_ref(&p, g_in, g_w, g_bias, g_ref); });
}

template <typename Params>
void PoolGeometry(Params* p, int32_t h, int32_t w, int32_t c, int32_t k, int32_t s) {
  p->batch = 1;
  p->in_h = h;
  p->in_w = w;
  p->channels = c;
  p->kernel_h = p->kernel_w = k;
  p->stride_h = p->stride_w = s;
  p->dilation_h = p->dilation_w = 1;
  p->out_h = (h - k) / s + 1;
  p->out_w = (w - k) / s + 1;
  p->act_min = -128;
  p->act_max = 127;
}

}  // namespace

int main() {
  Fill(g_in, kMaxIn);
  Fill(g_in2, kMaxIn);
  Fill(g_w, 9 * kMaxC);
  for (int32_t c = 0; c < kMaxC; ++c) {
    g_bias[c] = (int32_t)(Next() % 4000) - 2000;
    g_mult[c] = (int32_t)(0x40000000u + (Next() & 0x3FFFFFFFu));
    g_shift[c] = -8;
  }
  printf("cores %lu\n", (unsigned long)kiln_num_cores());
  Depthwise("dw3x3_25x5x64_s1", 25, 5, 64, 1);
  Depthwise("dw3x3_48x48x16_s1", 48, 48, 16, 1);
  Depthwise("dw3x3_48x48x16_s2", 48, 48, 16, 2);
  {
    kiln_maxpool2d_s8_params_t p = {};
    PoolGeometry(&p, 32, 32, 16, 2, 2);
    const int32_t n = p.out_h * p.out_w * p.channels;
    Run("maxpool2x2_32x32x16", n, n, [&] { kiln_maxpool2d_s8_pulp(&p, g_in, g_out); },
        [&] { kiln_maxpool2d_s8_ref(&p, g_in, g_ref); });
  }
  {
    kiln_avgpool2d_s8_params_t p = {};
    PoolGeometry(&p, 16, 16, 32, 2, 2);
    p.zero_point = -7;
    const int32_t n = p.out_h * p.out_w * p.channels;
    Run("avgpool2x2_16x16x32", n, n, [&] { kiln_avgpool2d_s8_pulp(&p, g_in, g_out); },
        [&] { kiln_avgpool2d_s8_ref(&p, g_in, g_ref); });
  }
  {
    kiln_global_avgpool_s8_params_t p = {};
    p.batch = 1;
    p.spatial = 25 * 5;
    p.channels = 64;
    p.input_zero_point = -3;
    p.output_zero_point = 5;
    p.multiplier = 0x51EB851F;
    p.shift = -6;
    p.act_min = -128;
    p.act_max = 127;
    Run("gap_25x5x64", p.spatial * p.channels, p.channels,
        [&] { kiln_global_avgpool_s8_pulp(&p, g_in, g_out); },
        [&] { kiln_global_avgpool_s8_ref(&p, g_in, g_ref); });
  }
  {
    kiln_add_s8_params_t p = {};
    p.rank = 4;
    const int32_t shape[4] = {1, 32, 32, 16};
    for (int32_t d = 0; d < 4; ++d) p.out_shape[d] = p.a_shape[d] = p.b_shape[d] = shape[d];
    p.a_zero_point = -10;
    p.b_zero_point = 4;
    p.a_multiplier = 0x6A000000;
    p.a_shift = -1;
    p.b_multiplier = 0x40000000;
    p.b_shift = -1;
    p.left_shift = 20;
    p.output_zero_point = -2;
    p.output_multiplier = 0x55555555;
    p.output_shift = -19;
    p.act_min = -2;
    p.act_max = 127;
    const int32_t n = 32 * 32 * 16;
    Run("add_32x32x16", n, n, [&] { kiln_add_s8_pulp(&p, g_in, g_in2, g_out); },
        [&] { kiln_add_s8_ref(&p, g_in, g_in2, g_ref); });
  }
  {
    kiln_requantize_s8_params_t p = {};
    p.count = 32 * 32 * 16;
    p.input_zero_point = 6;
    p.output_zero_point = -1;
    p.multiplier = 0x73333333;
    p.shift = 0;
    p.act_min = -128;
    p.act_max = 127;
    Run("requantize_32x32x16", p.count, p.count,
        [&] { kiln_requantize_s8_pulp(&p, g_in, g_out); },
        [&] { kiln_requantize_s8_ref(&p, g_in, g_ref); });
  }
  return 0;
}
