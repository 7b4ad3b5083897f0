// Random pooling geometry shared by the maxpool2d_s8 and avgpool2d_s8 tests:
// odd channel counts, windows 1-5, strides 1-3, dilation, asymmetric padding,
// ceil mode (windows that overhang or lie wholly in the padding), batch 2.
#ifndef KILN_RUNTIME_TESTS_PULP_POOL_CASE_H_
#define KILN_RUNTIME_TESTS_PULP_POOL_CASE_H_

#include <stdint.h>
#include <stdio.h>

#include "runtime/tests/pulp/pulp_test.h"

namespace kiln_pulp_test {

struct PoolCase {
  int32_t batch, in_h, in_w, channels, out_h, out_w;
  int32_t kernel_h, kernel_w, stride_h, stride_w, dilation_h, dilation_w;
  int32_t pad_top, pad_left, pad_bottom, pad_right;
  int32_t act_min, act_max;
  bool ceil_mode;
};

// kind 0: random; 1: 2x2 stride 2 (ResNet/CNN); 2: 3x3 stride 2 pad 1 ceil
// mode; 3: few output rows (channel-parallel); 4: rows wider than a tile.
// False when the case exceeds max_elems input/output elements or taps.
inline bool MakePoolCase(Rng& r, int32_t kind, int32_t max_elems,
                         int32_t max_taps, PoolCase* out) {
  PoolCase c = {};
  c.batch = r.Chance(15) ? 2 : 1;
  c.in_h = r.Range(1, 16);
  c.in_w = r.Range(1, 16);
  c.channels = r.Range(1, 40);
  c.kernel_h = r.Range(1, 5);
  c.kernel_w = r.Range(1, 5);
  c.stride_h = r.Range(1, 3);
  c.stride_w = r.Range(1, 3);
  c.dilation_h = r.Chance(15) ? 2 : 1;
  c.dilation_w = r.Chance(15) ? 2 : 1;
  c.ceil_mode = r.Chance(40);
  if (kind == 1 || kind == 2 || kind == 4) {
    c.kernel_h = c.kernel_w = kind == 2 ? 3 : 2;
    c.stride_h = c.stride_w = 2;
    c.dilation_h = c.dilation_w = 1;
    c.channels = kind == 4 ? 64 : 4 * r.Range(1, 8);
    c.ceil_mode = kind == 2;
    if (kind == 4) {
      c.in_h = 2;
      c.in_w = 120;
    }
  }
  if (kind == 3) {
    c.in_h = r.Range(1, 3);
    c.channels = r.Range(17, 61);
    c.batch = 1;
  }
  const int32_t eff_h = (c.kernel_h - 1) * c.dilation_h + 1;
  const int32_t eff_w = (c.kernel_w - 1) * c.dilation_w + 1;
  c.pad_top = r.Range(0, eff_h - 1);
  c.pad_bottom = r.Range(0, eff_h - 1);
  c.pad_left = r.Range(0, eff_w - 1);
  c.pad_right = r.Range(0, eff_w - 1);
  if (kind == 1 || kind == 4)
    c.pad_top = c.pad_bottom = c.pad_left = c.pad_right = 0;
  if (kind == 2) c.pad_top = c.pad_bottom = c.pad_left = c.pad_right = 1;
  const int32_t span_h = c.in_h + c.pad_top + c.pad_bottom - eff_h;
  const int32_t span_w = c.in_w + c.pad_left + c.pad_right - eff_w;
  if (span_h < 0 || span_w < 0) return false;
  const int32_t up_h = c.ceil_mode ? c.stride_h - 1 : 0;
  const int32_t up_w = c.ceil_mode ? c.stride_w - 1 : 0;
  c.out_h = (span_h + up_h) / c.stride_h + 1;
  c.out_w = (span_w + up_w) / c.stride_w + 1;
  const int32_t in_n = c.batch * c.in_h * c.in_w * c.channels;
  const int32_t out_n = c.batch * c.out_h * c.out_w * c.channels;
  if (in_n > max_elems || out_n > max_elems) return false;
  if (out_n * c.kernel_h * c.kernel_w > (kind == 4 ? 2 * max_taps : max_taps))
    return false;
  c.act_min = r.Chance(30) ? r.Range(-128, 0) : KILN_S8_MIN;
  c.act_max = r.Chance(30) ? r.Range(c.act_min, 127) : KILN_S8_MAX;
  *out = c;
  return true;
}

// Copies the geometry into a kernel's params struct (same field names).
template <typename Params>
void SetPoolParams(const PoolCase& c, Params* p) {
  p->batch = c.batch;
  p->in_h = c.in_h;
  p->in_w = c.in_w;
  p->channels = c.channels;
  p->out_h = c.out_h;
  p->out_w = c.out_w;
  p->kernel_h = c.kernel_h;
  p->kernel_w = c.kernel_w;
  p->stride_h = c.stride_h;
  p->stride_w = c.stride_w;
  p->dilation_h = c.dilation_h;
  p->dilation_w = c.dilation_w;
  p->pad_top = c.pad_top;
  p->pad_left = c.pad_left;
  p->pad_bottom = c.pad_bottom;
  p->pad_right = c.pad_right;
  p->act_min = c.act_min;
  p->act_max = c.act_max;
}

inline void DescribePool(const PoolCase& c, const char* extra, char* buf,
                         int32_t n) {
  snprintf(buf, (size_t)n,
           "n%ld %ldx%ldx%ld k%ldx%ld s%ldx%ld d%ldx%ld pad t%ld l%ld b%ld "
           "r%ld ceil%d "
           "-> %ldx%ld act [%ld,%ld] %s",
           (long)c.batch, (long)c.in_h, (long)c.in_w, (long)c.channels,
           (long)c.kernel_h, (long)c.kernel_w, (long)c.stride_h,
           (long)c.stride_w, (long)c.dilation_h, (long)c.dilation_w,
           (long)c.pad_top, (long)c.pad_left, (long)c.pad_bottom,
           (long)c.pad_right, (int)c.ceil_mode, (long)c.out_h, (long)c.out_w,
           (long)c.act_min, (long)c.act_max, extra);
}

}  // namespace kiln_pulp_test

#endif  // KILN_RUNTIME_TESTS_PULP_POOL_CASE_H_
