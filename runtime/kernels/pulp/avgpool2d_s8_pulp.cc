// PULP 2-D average pooling (kiln/pulp/avgpool2d_s8.h). Tiling as maxpool
// (staging.h): the padded window patch of a tile of output rows or channels in
// the core's L1 slice. The padding is the zero point, so a padded tap adds
// (zp - zp) = 0 to the zero-point-corrected sum and every window reads all its
// taps with no bounds test; the divisor is kernel_h * kernel_w or the
// in-bounds taps (rows inside times columns inside), then the reference's
// round-half-away-from-zero division. Four channels per word: each lane's
// sum is one cv.sdotsp.b with a one-hot lane mask (1 in that lane).
#include "kiln/pulp/avgpool2d_s8.h"
#include "runtime/kernels/pulp/staging.h"

namespace {

using namespace kiln_pulp;

struct Args {
  const int8_t* input;
  int8_t* output;
  Window w;
  Tiling t;
  int32_t count_include_pad, zero_point, act_min, act_max;
};

int32_t TileBytes(const Window& w, int32_t rows, int32_t cols, int32_t chans) {
  return Align4(w.PatchRows(rows) * w.PatchCols(cols) * chans) +
         Align4(rows * cols * chans);
}

// sum += lane `lane` (signed) of x.
#if defined(__riscv)
#define KILN_SUM_LANES(s0, s1, s2, s3, x)    \
  do {                                       \
    s0 = xpulp_sdotsp_b(s0, x, 0x00000001u); \
    s1 = xpulp_sdotsp_b(s1, x, 0x00000100u); \
    s2 = xpulp_sdotsp_b(s2, x, 0x00010000u); \
    s3 = xpulp_sdotsp_b(s3, x, 0x01000000u); \
  } while (0)
#else
#define KILN_SUM_LANES(s0, s1, s2, s3, x) \
  do {                                    \
    s0 += (int8_t)(x);                    \
    s1 += (int8_t)((x) >> 8);             \
    s2 += (int8_t)((x) >> 16);            \
    s3 += (int8_t)((x) >> 24);            \
  } while (0)
#endif

inline int8_t Average(const Args& a, int32_t sum, int32_t count) {
  int32_t q = 0;
  if (count > 0) {
    q = (sum >= 0) ? (sum + count / 2) / count : -((-sum + count / 2) / count);
  }
  return (int8_t)Min(Max(q + a.zero_point, a.act_min), a.act_max);
}

void PoolTile(const Args& a, const Tile& tile, const int8_t* patch,
              int8_t* out) {
  const Window& w = a.w;
  const int32_t cs = tile.chans, pcols = w.PatchCols(tile.cols);
  const int32_t xstep = w.dilation_w * cs, ystep = w.dilation_h * pcols * cs;
  const int32_t taps = w.kernel_h * w.kernel_w;
  const int32_t pad_sum = taps * a.zero_point;  // every tap, padded or not
  for (int32_t r = 0; r < tile.rows; ++r) {
    const int32_t iy0 = (tile.oy0 + r) * w.stride_h - w.pad_top;
    const int32_t rows_in = TapsInside(iy0, w.kernel_h, w.dilation_h, w.in_h);
    for (int32_t q = 0; q < tile.cols; ++q) {
      const int32_t ix0 = (tile.ox0 + q) * w.stride_w - w.pad_left;
      const int32_t count =
          a.count_include_pad
              ? taps
              : rows_in * TapsInside(ix0, w.kernel_w, w.dilation_w, w.in_w);
      const int8_t* px =
          patch + ((ptrdiff_t)r * w.stride_h * pcols + q * w.stride_w) * cs;
      int8_t* o = out + ((ptrdiff_t)r * tile.cols + q) * cs;
      int32_t c = 0;
      if (cs % 4 == 0) {
        for (; c < cs; c += 4) {
          int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          const int8_t* row = px + c;
          for (int32_t ky = 0; ky < w.kernel_h; ++ky, row += ystep) {
            const int8_t* t = row;
            for (int32_t kx = 0; kx < w.kernel_w; ++kx, t += xstep) {
              const uint32_t x = *(const uint32_t*)(const void*)t;
              KILN_SUM_LANES(s0, s1, s2, s3, x);
            }
          }
          o[c] = Average(a, s0 - pad_sum, count);
          o[c + 1] = Average(a, s1 - pad_sum, count);
          o[c + 2] = Average(a, s2 - pad_sum, count);
          o[c + 3] = Average(a, s3 - pad_sum, count);
        }
      }
      for (; c < cs; ++c) {
        int32_t s = 0;
        const int8_t* row = px + c;
        for (int32_t ky = 0; ky < w.kernel_h; ++ky, row += ystep) {
          const int8_t* t = row;
          for (int32_t kx = 0; kx < w.kernel_w; ++kx, t += xstep) s += *t;
        }
        o[c] = Average(a, s - pad_sum, count);
      }
    }
  }
}

void Body(void* arg) {
  const Args a = *static_cast<const Args*>(arg);  // onto the L1 stack
  const uint32_t core = kiln_core_id(), cores = kiln_num_cores();
  int8_t* patch = CoreSlice(core, cores);
  int32_t begin, end;
  kiln_pulp_chunk(a.t.Items(a.w.batch), core, cores, &begin, &end);
  for (int32_t item = begin; item < end; ++item) {
    const Tile tile = TileOf(a.w, a.t, item);
    StagePatch(a.w, tile, a.input, tile.chans, a.zero_point, patch);
    int8_t* out = patch + Align4(a.w.PatchRows(tile.rows) *
                                 a.w.PatchCols(tile.cols) * tile.chans);
    PoolTile(a, tile, patch, out);
    WriteTile(a.w, tile, a.w.channels, tile.c0, tile.chans, out, a.output);
  }
}

}  // namespace

extern "C" void kiln_avgpool2d_s8_pulp(const kiln_avgpool2d_s8_params_t* p,
                                       const int8_t* input, int8_t* output) {
  Args a;
  a.input = input;
  a.output = output;
  a.w = Window{
      p->batch,      p->in_h,       p->in_w,     p->channels, p->out_h,
      p->out_w,      p->kernel_h,   p->kernel_w, p->stride_h, p->stride_w,
      p->dilation_h, p->dilation_w, p->pad_top,  p->pad_left, 1};
  a.count_include_pad = p->count_include_pad;
  a.zero_point = p->zero_point;
  a.act_min = p->act_min;
  a.act_max = p->act_max;
  const uint32_t cores = kiln_num_cores();
  const Window& w = a.w;
  if (!ChooseTiling(
          w, cores, SliceBytes(cores),
          [&w](int32_t r, int32_t c, int32_t ch) {
            return TileBytes(w, r, c, ch);
          },
          &a.t)) {
    kiln_avgpool2d_s8_ref(p, input, output);  // a window larger than L1
    return;
  }
  ForkL1(Body, &a);
}
