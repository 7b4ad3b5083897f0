// bench/pulp/kernels: cycles and MAC/cycle of kiln_conv2d_s8_pulp and
// kiln_fully_connected_s8_pulp on real layer shapes of the MLPerf Tiny models
// (ResNet-8, DS-CNN, AD), data in L2 as in generated firmware. One line per
// layer: cycles on core 0 from the call to its return (fork, DMA, compute,
// join), MACs, the plan (axis, tiles) and a checksum of the output, which
// kernels_bench.py compares between the 1-core and the 8-core runs.
#include <stdint.h>
#include <stdio.h>

#include "kiln/pulp/conv2d_s8.h"
#include "kiln/pulp/fully_connected_s8.h"
#include "runtime/platform/pulp/cluster.h"

namespace {

constexpr int32_t kMaxIn = 32 * 32 * 16;
constexpr int32_t kMaxW = 64 * 9 * 64 + 640 * 128;
constexpr int32_t kMaxOut = 32 * 32 * 16;

int8_t g_in[kMaxIn] __attribute__((aligned(4)));
int8_t g_w[kMaxW] __attribute__((aligned(4)));
int8_t g_out[kMaxOut] __attribute__((aligned(4)));
int32_t g_bias[640];
int32_t g_mult[640];
int32_t g_shift[640];

struct Layer {
  const char* name;
  int32_t in_h, in_w, in_c, out_c, k_h, k_w, stride, pad_t, pad_b, pad_l, pad_r;  // FC: in_h 0
};

// MLPerf Tiny: ResNet-8 (CIFAR-10, 32x32x3), DS-CNN (KWS, 49x10x1), AD (FC).
const Layer kLayers[] = {
    {"resnet8 conv1 3x3 3->16 32x32", 32, 32, 3, 16, 3, 3, 1, 1, 1, 1, 1},
    {"resnet8 3x3 16->16 32x32", 32, 32, 16, 16, 3, 3, 1, 1, 1, 1, 1},
    {"resnet8 3x3 16->32 s2 16x16", 32, 32, 16, 32, 3, 3, 2, 0, 1, 0, 1},
    {"resnet8 3x3 32->32 16x16", 16, 16, 32, 32, 3, 3, 1, 1, 1, 1, 1},
    {"resnet8 1x1 16->32 s2 16x16", 32, 32, 16, 32, 1, 1, 2, 0, 0, 0, 0},
    {"resnet8 3x3 32->64 s2 8x8", 16, 16, 32, 64, 3, 3, 2, 0, 1, 0, 1},
    {"resnet8 3x3 64->64 8x8", 8, 8, 64, 64, 3, 3, 1, 1, 1, 1, 1},
    {"resnet8 1x1 32->64 s2 8x8", 16, 16, 32, 64, 1, 1, 2, 0, 0, 0, 0},
    {"dscnn conv1 10x4 1->64 s2 25x5", 49, 10, 1, 64, 10, 4, 2, 4, 5, 1, 1},  // "same" padding
    {"dscnn 1x1 64->64 25x5", 25, 5, 64, 64, 1, 1, 1, 0, 0, 0, 0},
    {"resnet8 fc 64->10", 0, 0, 64, 10, 0, 0, 0, 0, 0, 0, 0},
    {"ad fc 640->128", 0, 0, 640, 128, 0, 0, 0, 0, 0, 0, 0},
    {"ad fc 128->128", 0, 0, 128, 128, 0, 0, 0, 0, 0, 0, 0},
};

uint32_t g_seed = 12345u;
int8_t RandS8() {
  g_seed ^= g_seed << 13;
  g_seed ^= g_seed >> 17;
  g_seed ^= g_seed << 5;
  return (int8_t)(g_seed >> 24);
}

const char* AxisName(const kiln_pulp_conv_plan_t& p) {
  if (p.path != KILN_PULP_CONV_TILED) return "generic";
  return p.axis == KILN_PULP_AXIS_PIXELS ? "pixels" : "channels";
}

}  // namespace

int main() {
  for (int32_t i = 0; i < 640; ++i) {
    g_bias[i] = (int32_t)(g_seed % 4096) - 2048;
    g_mult[i] = 0x50000000 + (int32_t)(i * 12345);
    g_shift[i] = -8;
    (void)RandS8();
  }
  const int32_t cores = (int32_t)kiln_num_cores();
  for (const Layer& l : kLayers) {
    const bool fc = l.in_h == 0;
    kiln_conv2d_s8_params_t c = {};
    c.batch = 1;
    if (fc) {
      c.in_h = c.in_w = c.out_h = c.out_w = 1;
      c.kernel_h = c.kernel_w = c.stride_h = c.stride_w = 1;
    } else {
      c.in_h = l.in_h;
      c.in_w = l.in_w;
      c.kernel_h = l.k_h;
      c.kernel_w = l.k_w;
      c.stride_h = c.stride_w = l.stride;
      c.pad_top = l.pad_t;
      c.pad_bottom = l.pad_b;
      c.pad_left = l.pad_l;
      c.pad_right = l.pad_r;
      c.out_h = (l.in_h + l.pad_t + l.pad_b - l.k_h) / l.stride + 1;
      c.out_w = (l.in_w + l.pad_l + l.pad_r - l.k_w) / l.stride + 1;
    }
    c.in_c = l.in_c;
    c.out_c = l.out_c;
    c.dilation_h = c.dilation_w = 1;
    c.groups = 1;
    c.input_zero_point = -128;  // post-ReLU activations
    c.output_zero_point = -128;
    c.act_min = -128;
    c.act_max = 127;
    c.per_channel = 1;
    c.multipliers = g_mult;
    c.shifts = g_shift;
    c.weight_zero_points = NULL;
    const int32_t in_n = c.in_h * c.in_w * c.in_c;
    const int32_t w_n = c.out_c * c.kernel_h * c.kernel_w * c.in_c;
    const int32_t out_n = c.out_h * c.out_w * c.out_c;
    for (int32_t i = 0; i < in_n; ++i) g_in[i] = RandS8();
    for (int32_t i = 0; i < w_n; ++i) g_w[i] = RandS8();
    kiln_perf_t a, b;
    kiln_perf_read(&a);
    if (fc) {
      kiln_fully_connected_s8_params_t f = {};
      f.batch = 1;
      f.in_features = c.in_c;
      f.out_features = c.out_c;
      f.input_zero_point = c.input_zero_point;
      f.output_zero_point = c.output_zero_point;
      f.act_min = c.act_min;
      f.act_max = c.act_max;
      f.per_channel = 1;
      f.multipliers = g_mult;
      f.shifts = g_shift;
      kiln_fully_connected_s8_pulp(&f, g_in, g_w, g_bias, g_out);
    } else {
      kiln_conv2d_s8_pulp(&c, g_in, g_w, g_bias, g_out);
    }
    kiln_perf_read(&b);
    kiln_pulp_conv_plan_t plan;
    kiln_conv2d_s8_pulp_plan(&c, cores, &plan);
    uint32_t sum = 0;
    for (int32_t i = 0; i < out_n; ++i) sum = sum * 31u + (uint8_t)g_out[i];
    const uint32_t macs = (uint32_t)(c.out_h * c.out_w) * (uint32_t)(c.out_c * c.kernel_h *
                                                                      c.kernel_w * c.in_c);
    printf("layer|%s|cores %ld|macs %lu|cycles %lu|axis %s|oc_tile %ld|band_rows %ld|"
           "l1 %ld|conflicts %lu|dma_waits %lu|checksum %08lx\n",
           l.name, (long)cores, (unsigned long)macs, (unsigned long)(b.cycles - a.cycles),
           AxisName(plan), (long)plan.oc_tile, (long)plan.band_rows, (long)plan.l1_bytes,
           (unsigned long)(b.tcdm_conflicts - a.tcdm_conflicts),
           (unsigned long)(b.dma_waits - a.dma_waits), (unsigned long)sum);
  }
  return 0;
}
