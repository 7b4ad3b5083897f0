// PULP depthwise 2-D convolution (kiln/pulp/depthwise_conv2d_s8.h).
//
// Parallel axis (staging.h's ChooseTiling, per layer shape): output rows when
// the batch has at least one output row per core, else input channels. A core
// stages, per tile, the padded input patch of its rows / channels into its L1
// slice; the padding is the input zero point, so a padded tap contributes
// (zp - zp) * w = 0 exactly as the reference's skipped tap, and every window
// reads all its taps with no bounds test. The weights of the core's channel
// tile are staged once (consecutive items share it) and rewritten as
// w' = w - w_zp in int16, channel-major (the taps of one channel contiguous),
// and with sum(x - zp_x) w' = sum x w' - zp_x sum w' the zero-point term is
// folded into a per-channel start value with the bias. The inner loop is then
// one cv.lb with a register post-increment, one cv.lh with post-increment and
// one cv.mac per tap; the multipliers and shifts are staged too, so the
// requantization (the reference's routine, per output) reads only L1.
#include "kiln/pulp/depthwise_conv2d_s8.h"
#include "runtime/kernels/pulp/staging.h"

namespace {

using namespace kiln_pulp;

struct Args {
  const kiln_depthwise_conv2d_s8_params_t* p;
  const int8_t* input;
  const int8_t* weights;
  const int32_t* bias;
  int8_t* output;
  Window w;
  Tiling t;
};

// The slice layout of a tile of `chans` input channels (occ = chans * M).
struct Layout {
  int32_t patch, raw, wq, base, mult, shift, out, total;
};

Layout LayoutOf(const Window& w, int32_t rows, int32_t cols, int32_t chans) {
  const int32_t occ = chans * w.ch_mult, taps = w.kernel_h * w.kernel_w;
  Layout l;
  l.patch = 0;
  l.raw = l.patch + Align4(w.PatchRows(rows) * w.PatchCols(cols) * chans);
  l.wq = l.raw + Align4(taps * occ);
  l.base = l.wq + Align4(2 * taps * occ);
  l.mult = l.base + 4 * occ;
  l.shift = l.mult + 4 * occ;
  l.out = l.shift + 4 * occ;
  l.total = l.out + Align4(rows * cols * occ);
  return l;
}

// Stages the weights, start values, multipliers and shifts of input channels
// [c0, c0 + chans).
void StageChannels(const Args& a, const kiln_depthwise_conv2d_s8_params_t& p,
                   int32_t c0, int32_t chans, int8_t* slice, const Layout& l) {
  const int32_t m = p.ch_mult, occ = chans * m, oc0 = c0 * m,
                out_c = p.in_c * m;
  const int32_t taps = p.kernel_h * p.kernel_w;
  int8_t* raw = slice + l.raw;
  int16_t* wq = (int16_t*)(void*)(slice + l.wq);
  int32_t* base = (int32_t*)(void*)(slice + l.base);
  int32_t* mult = (int32_t*)(void*)(slice + l.mult);
  int32_t* shift = (int32_t*)(void*)(slice + l.shift);
  kiln_dma_2d(raw, a.weights + oc0, (uint32_t)occ, (uint32_t)taps,
              (uint32_t)occ, (uint32_t)out_c, KILN_DMA_TO_L1);
  if (a.bias != NULL) kiln_dma_to_l1(base, a.bias + oc0, (uint32_t)(4 * occ));
  if (p.per_channel) {
    kiln_dma_to_l1(mult, p.multipliers + oc0, (uint32_t)(4 * occ));
    kiln_dma_to_l1(shift, p.shifts + oc0, (uint32_t)(4 * occ));
  } else {
    const int32_t m0 = p.multipliers[0], s0 = p.shifts[0];
    for (int32_t i = 0; i < occ; ++i) {
      mult[i] = m0;
      shift[i] = s0;
    }
  }
  kiln_dma_wait();
  const int32_t wzp0 = (p.weight_zero_points != NULL && !p.per_channel)
                           ? p.weight_zero_points[0]
                           : 0;
  for (int32_t oc = 0; oc < occ; ++oc) {
    const int32_t wzp = (p.weight_zero_points != NULL && p.per_channel)
                            ? p.weight_zero_points[oc0 + oc]
                            : wzp0;
    int32_t sum = 0;
    int16_t* dst = wq + oc * taps;
    for (int32_t t = 0; t < taps; ++t) {
      const int32_t v = raw[t * occ + oc] - wzp;
      dst[t] = (int16_t)v;
      sum += v;
    }
    base[oc] = (a.bias != NULL ? base[oc] : 0) - p.input_zero_point * sum;
  }
}

// The 3x3 path: one output channel over all pixels of the tile, its nine
// weights, multiplier and shift in registers. The patch pointer walks the taps
// with register post-increments (next tap, next row, next pixel) and the loads
// run one ahead of the cv.macs that use them, so there is no load-use stall.
struct Walk3x3 {
  int32_t rows, cols;
  int32_t tap, row, pixel, line;  // increments after a tap / row / pixel / line
  int32_t ostride;                // output bytes between pixels
  int32_t zp, lo, hi;
};

__attribute__((noinline)) void Conv3x3Channel(const Walk3x3& g, const int8_t* x, const int16_t* wt,
                    int32_t base, int32_t mult, int32_t shift, int8_t* o) {
  const int32_t w0 = wt[0], w1 = wt[1], w2 = wt[2], w3 = wt[3], w4 = wt[4];
  const int32_t w5 = wt[5], w6 = wt[6], w7 = wt[7], w8 = wt[8];
  const int32_t tap = g.tap, row = g.row, pixel = g.pixel;
  for (int32_t r = 0; r < g.rows; ++r) {
    for (int32_t q = 0; q < g.cols; ++q) {
      int32_t acc = base;
      int32_t a = LoadByteInc(x, tap);
      int32_t b = LoadByteInc(x, tap);
      acc = Mac(acc, a, w0);
      a = LoadByteInc(x, row);
      acc = Mac(acc, b, w1);
      b = LoadByteInc(x, tap);
      acc = Mac(acc, a, w2);
      a = LoadByteInc(x, tap);
      acc = Mac(acc, b, w3);
      b = LoadByteInc(x, row);
      acc = Mac(acc, a, w4);
      a = LoadByteInc(x, tap);
      acc = Mac(acc, b, w5);
      b = LoadByteInc(x, tap);
      acc = Mac(acc, a, w6);
      a = LoadByteInc(x, pixel);
      acc = Mac(acc, b, w7);
      acc = Mac(acc, a, w8);
      *o = kiln_requantize_s8(acc, mult, shift, g.zp, g.lo, g.hi);
      o += g.ostride;
    }
    x += g.line;
  }
}

void ConvTile(const Args& a, const kiln_depthwise_conv2d_s8_params_t& p,
              const Tile& tile, int8_t* slice, const Layout& l) {
  const Window& w = a.w;
  const int32_t m = p.ch_mult, cs = tile.chans, occ = cs * m;
  const int32_t taps = p.kernel_h * p.kernel_w, kw = p.kernel_w;
  const int32_t pcols = w.PatchCols(tile.cols);
  const int32_t xstep = p.dilation_w * cs;
  const int32_t ystep = p.dilation_h * pcols * cs - kw * xstep;  // after a row
  const int8_t* patch = slice + l.patch;
  const int16_t* wq = (const int16_t*)(const void*)(slice + l.wq);
  const int32_t* base = (const int32_t*)(const void*)(slice + l.base);
  const int32_t* mult = (const int32_t*)(const void*)(slice + l.mult);
  const int32_t* shift = (const int32_t*)(const void*)(slice + l.shift);
  int8_t* out = slice + l.out;
  const int32_t ozp = p.output_zero_point, lo = p.act_min, hi = p.act_max;
  if (kw == 3 && p.kernel_h == 3) {
    Walk3x3 g;
    g.rows = tile.rows;
    g.cols = tile.cols;
    g.tap = xstep;
    g.row = p.dilation_h * pcols * cs - 2 * xstep;
    g.pixel = p.stride_w * cs - 2 * p.dilation_h * pcols * cs - 2 * xstep;
    g.line = (p.stride_h * pcols - tile.cols * p.stride_w) * cs;
    g.ostride = occ;
    g.zp = ozp;
    g.lo = lo;
    g.hi = hi;
    for (int32_t ic = 0; ic < cs; ++ic) {
      for (int32_t j = 0; j < m; ++j) {
        const int32_t oc = ic * m + j;
        Conv3x3Channel(g, patch + ic, wq + oc * taps, base[oc], mult[oc],
                       shift[oc], out + oc);
      }
    }
    return;
  }
  for (int32_t r = 0; r < tile.rows; ++r) {
    for (int32_t q = 0; q < tile.cols; ++q) {
      const int8_t* px0 =
          patch + ((ptrdiff_t)r * p.stride_h * pcols + q * p.stride_w) * cs;
      int8_t* o = out + ((ptrdiff_t)r * tile.cols + q) * occ;
      for (int32_t ic = 0; ic < cs; ++ic) {
        for (int32_t j = 0; j < m; ++j) {
          const int32_t oc = ic * m + j;
          const int8_t* x = px0 + ic;
          const int16_t* wt = wq + oc * taps;
          int32_t acc = base[oc];
          {
            for (int32_t ky = 0; ky < p.kernel_h; ++ky) {
              for (int32_t kx = 0; kx < kw - 1; ++kx) {
                const int32_t xv = LoadByteInc(x, xstep);
                acc = Mac(acc, xv, LoadHalfInc(wt));
              }
              const int32_t xv = LoadByteInc(x, xstep + ystep);
              acc = Mac(acc, xv, LoadHalfInc(wt));
            }
          }
          o[oc] = kiln_requantize_s8(acc, mult[oc], shift[oc], ozp, lo, hi);
        }
      }
    }
  }
}

void Body(void* arg) {
  const Args a = *static_cast<const Args*>(arg);  // onto the L1 stack
  const kiln_depthwise_conv2d_s8_params_t p = *a.p;
  const uint32_t core = kiln_core_id(), cores = kiln_num_cores();
  int8_t* slice = CoreSlice(core, cores);
  int32_t begin, end;
  kiln_pulp_chunk(a.t.Items(a.w.batch), core, cores, &begin, &end);
  int32_t staged_c0 = -1;
  // The layout of a full tile: smaller edge tiles use the same offsets.
  const Layout l = LayoutOf(a.w, a.t.rows, a.t.cols, a.t.chans);
  for (int32_t item = begin; item < end; ++item) {
    const Tile tile = TileOf(a.w, a.t, item);
    if (tile.c0 != staged_c0) {
      StageChannels(a, p, tile.c0, tile.chans, slice, l);
      staged_c0 = tile.c0;
    }
    StagePatch(a.w, tile, a.input, tile.chans, p.input_zero_point,
               slice + l.patch);
    ConvTile(a, p, tile, slice, l);
    WriteTile(a.w, tile, p.in_c * p.ch_mult, tile.c0 * p.ch_mult,
              tile.chans * p.ch_mult, slice + l.out, a.output);
  }
}

}  // namespace

extern "C" void kiln_depthwise_conv2d_s8_pulp(
    const kiln_depthwise_conv2d_s8_params_t* p, const int8_t* input,
    const int8_t* weights, const int32_t* bias, int8_t* output) {
  Args a;
  a.p = p;
  a.input = input;
  a.weights = weights;
  a.bias = bias;
  a.output = output;
  a.w = Window{p->batch,    p->in_h,     p->in_w,       p->in_c,
               p->out_h,    p->out_w,    p->kernel_h,   p->kernel_w,
               p->stride_h, p->stride_w, p->dilation_h, p->dilation_w,
               p->pad_top,  p->pad_left, p->ch_mult};
  const uint32_t cores = kiln_num_cores();
  const Window& w = a.w;
  if (!ChooseTiling(
          w, cores, SliceBytes(cores),
          [&w](int32_t r, int32_t c, int32_t ch) {
            return LayoutOf(w, r, c, ch).total;
          },
          &a.t)) {
    kiln_depthwise_conv2d_s8_ref(p, input, weights, bias, output);
    return;
  }
  ForkL1(Body, &a);
}
