// PULP cluster int8 2-D convolution (kiln/pulp/conv2d_s8.h): bit-identical to
// kiln_conv2d_s8_ref. Design and figures: docs/pulp_kernels.md.
//
// groups == 1 (the tiled path): the weights of a tile of output channels, a band
// of input rows and the band's output rows are staged in the L1 workspace with
// blocking DMA transfers; every core im2cols its output pixels (padding taps
// hold the input zero point) into its own L1 buffer, or for 1x1 convolutions
// over whole words of channels points straight into the input band, and runs
// 4-channel x 2-pixel register blocks of cv.sdotsp.b over the window. The
// signed products x * w are corrected exactly afterwards:
//   sum over taps of (x - izp)(w - wzp) = sum x'w - izp * sum w - wzp * sum x'
//                                         + K * izp * wzp
// (x' = the window with padding taps set to izp, which contribute 0 to the
// left side), computed in uint32 (wrapping, like the int32 sums of the
// reference; the per-channel constant is the accumulators' start value), then
// requantized exactly as kiln_requantize_s8 (requant_pulp.h).
#include "kiln/pulp/conv2d_s8.h"

#include "runtime/kernels/pulp/dot_s8.h"
#include "runtime/kernels/pulp/requant_pulp.h"
#include "runtime/platform/pulp/cluster.h"

namespace {

using kiln_pulp::Dot1x1;
using kiln_pulp::Dot1x2;
using kiln_pulp::Dot4x1;
using kiln_pulp::Dot4x2;
using kiln_pulp::SumBytes;
using kiln_pulp::ChanQuant;
using kiln_pulp::Requant;
using kiln_pulp::SplatS8;

int32_t RoundUp4(int32_t v) { return (v + 3) & ~3; }

// The job description every core reads: placed at the start of the L1 workspace
// by core 0 (worker stacks are in L2, where every access costs 11 cycles).
struct Job {
  kiln_conv2d_s8_params_t p;
  const int8_t* input;
  const int8_t* weights;
  const int32_t* bias;
  int8_t* output;
  kiln_pulp_conv_plan_t plan;
  int32_t cores;
  int32_t need_col;  // im2col buffers exist
  int32_t cin_l1;    // bytes per input pixel in L1: in_c, or in_c padded to a word
  int32_t k_l1;      // kernel_h * kernel_w * cin_l1
  // Byte offsets into kiln_pulp_l1.
  int32_t off_w, off_quant, off_in, off_out, off_col;
};
constexpr int32_t kJobBytes = (sizeof(Job) + 7) & ~7;

// Input rows a band of `rows` output rows reads (at most).
int32_t InRows(const kiln_conv2d_s8_params_t* p, int32_t rows) {
  const int32_t r = (rows - 1) * p->stride_h + (p->kernel_h - 1) * p->dilation_h + 1;
  return r < p->in_h ? r : p->in_h;
}

// Whether some tap of the layer lies outside the input (needs the zero point).
bool HasPadding(const kiln_conv2d_s8_params_t* p) {
  const int32_t last_y = (p->out_h - 1) * p->stride_h - p->pad_top +
                         (p->kernel_h - 1) * p->dilation_h;
  const int32_t last_x = (p->out_w - 1) * p->stride_w - p->pad_left +
                         (p->kernel_w - 1) * p->dilation_w;
  return p->pad_top > 0 || p->pad_left > 0 || last_y >= p->in_h || last_x >= p->in_w;
}

// Fills plan and, for the tiled path, the L1 layout of job.
void MakePlan(const kiln_conv2d_s8_params_t* p, int32_t cores, kiln_pulp_conv_plan_t* plan,
              Job* job) {
  const int32_t cin_g = p->in_c / p->groups;
  plan->k = p->kernel_h * p->kernel_w * cin_g;
  // Few input channels (the first layer of an RGB model): each pixel's channels
  // are padded to a whole word in L1 (weight 0, input byte = the input zero point,
  // so the extra taps add nothing, see TiledBody), for at most a third more MACs;
  // then kernel rows are read in place instead of copied byte by byte.
  const bool pad_c = p->groups == 1 && p->dilation_w == 1 && p->in_c % 4 != 0 &&
                     RoundUp4(p->in_c) * 3 <= p->in_c * 4;
  const int32_t cin_l1 = pad_c ? RoundUp4(p->in_c) : cin_g;
  const int32_t k_l1 = p->kernel_h * p->kernel_w * cin_l1;
  plan->k_padded = RoundUp4(k_l1);
  // L1 row stride of weights and windows: an odd number of words, so that the
  // rows a 4x2 block reads lie in different TCDM banks.
  plan->row_stride = plan->k_padded + ((plan->k_padded / 4) % 2 == 0 ? 4 : 0);
  plan->oc_tile = 0;
  plan->band_rows = 0;
  // Kernel rows of whole words of channels are read in place from the band.
  plan->direct = p->dilation_w == 1 && cin_l1 % 4 == 0;
  plan->axis = KILN_PULP_AXIS_PIXELS;
  plan->l1_bytes = 0;
  plan->path = KILN_PULP_CONV_GENERIC;
  if (p->groups != 1) return;
  const int32_t kp = plan->row_stride;
  const int32_t need_col = !plan->direct || HasPadding(p);
  const int32_t col = need_col ? cores * 2 * kp : 0;
  const int32_t budget = KILN_PULP_L1_BYTES - kJobBytes;
  const int32_t in_row = p->in_w * cin_l1;
  const int32_t per_ch = kp + (int32_t)sizeof(ChanQuant);  // weights row + constants
  // Output channels a one-row band leaves room for (the rounding slack of the
  // four regions is 12 bytes at most).
  const int32_t avail = budget - col - RoundUp4(InRows(p, 1) * in_row) - 16;
  if (avail < per_ch + p->out_w) return;
  int32_t oc_t = avail / (per_ch + p->out_w);
  if (oc_t >= p->out_c) {
    oc_t = p->out_c;
  } else if (oc_t >= 4) {
    oc_t &= ~3;  // whole 4-channel blocks
  }
  const int32_t fixed = col + oc_t * per_ch;
  auto fits = [&](int32_t rows) {
    return fixed + RoundUp4(InRows(p, rows) * in_row) + RoundUp4(rows * p->out_w * oc_t) <=
           budget;
  };
  if (!fits(1)) return;
  int32_t rows = 1;
  while (rows < p->out_h && fits(rows + 1)) ++rows;
  // Same-sized bands (fewer idle cores in the last one).
  const int32_t bands = (p->out_h + rows - 1) / rows;
  rows = (p->out_h + bands - 1) / bands;
  plan->path = KILN_PULP_CONV_TILED;
  plan->oc_tile = oc_t;
  plan->band_rows = rows;
  Job& j = *job;
  j.need_col = need_col;
  j.cin_l1 = cin_l1;
  j.k_l1 = k_l1;
  int32_t off = kJobBytes;
  j.off_w = off;
  off += oc_t * kp;
  j.off_quant = off;
  off += (int32_t)sizeof(ChanQuant) * oc_t;
  j.off_in = off;
  off += RoundUp4(InRows(p, rows) * in_row);
  j.off_out = off;
  off += RoundUp4(rows * p->out_w * oc_t);
  j.off_col = off;
  off += col;
  plan->l1_bytes = off;
}

// Cost model of the two axes for a band of `pixels` pixels and `oc` channels, in
// units of (pixel x 4-channel block); an im2col copy counts as half a block
// (word copies) or two (byte copies).
kiln_pulp_conv_axis_t ChooseAxis(const Job& j, int32_t pixels, int32_t oc) {
  const int32_t cores = j.cores;
  const int32_t blocks = (oc + 3) / 4;
  const int32_t col2 = j.plan.direct ? 0 : (j.p.in_c % 4 == 0 ? 1 : 4);  // x2
  const int32_t by_pixels = ((pixels + cores - 1) / cores) * (2 * blocks + col2);
  const int32_t by_channels = pixels * (2 * ((blocks + cores - 1) / cores) + col2);
  return by_pixels <= by_channels ? KILN_PULP_AXIS_PIXELS : KILN_PULP_AXIS_CHANNELS;
}

void Copy(int8_t* d, const int8_t* s, int32_t n) {
  if ((((uintptr_t)d | (uintptr_t)s | (uint32_t)n) & 3u) == 0) {
    uint32_t* dw = (uint32_t*)(void*)d;
    const uint32_t* sw = (const uint32_t*)(const void*)s;
    for (int32_t i = 0; i < n / 4; ++i) dw[i] = sw[i];
  } else {
    for (int32_t i = 0; i < n; ++i) d[i] = s[i];
  }
}

void Fill(int8_t* d, int8_t v, int32_t n) {
  for (int32_t i = 0; i < n; ++i) d[i] = v;
}

// Words [b, e) of the word-aligned d set to v in every byte.
void FillWords(int8_t* d, int8_t v, int32_t b, int32_t e) {
  uint32_t* w = (uint32_t*)(void*)d;
  const uint32_t v4 = 0x01010101u * (uint8_t)v;
  for (int32_t i = b; i < e; ++i) w[i] = v4;
}

// The window of output pixel (oy, ox): kernel_h rows of kernel_w * in_c bytes, row
// ky at the result + ky * *stride. With plan.direct, a window inside the input is
// read in place from the input band; otherwise it is copied (im2col) to buf, rows
// back to back (bytes [k, k_padded) of buf are zero).
const int8_t* Window(const Job& j, const int8_t* in_tile, int32_t tile_y0, int32_t oy,
                     int32_t ox, int8_t* buf, int32_t* stride) {
  const kiln_conv2d_s8_params_t& p = j.p;
  const int32_t iy0 = oy * p.stride_h - p.pad_top;
  const int32_t ix0 = ox * p.stride_w - p.pad_left;
  const int32_t cin = j.cin_l1;
  if (j.plan.direct && iy0 >= 0 && iy0 + (p.kernel_h - 1) * p.dilation_h < p.in_h &&
      ix0 >= 0 && ix0 + p.kernel_w <= p.in_w) {
    *stride = p.dilation_h * p.in_w * cin;
    return in_tile + ((iy0 - tile_y0) * p.in_w + ix0) * cin;
  }
  *stride = p.kernel_w * cin;
  const int8_t zp = (int8_t)p.input_zero_point;
  const int32_t span = p.kernel_w * cin;
  int8_t* d = buf;
  for (int32_t ky = 0; ky < p.kernel_h; ++ky, d += span) {
    const int32_t iy = iy0 + ky * p.dilation_h;
    if (iy < 0 || iy >= p.in_h) {
      Fill(d, zp, span);
      continue;
    }
    const int8_t* row = in_tile + (iy - tile_y0) * p.in_w * cin;
    if (p.dilation_w == 1 && ix0 >= 0 && ix0 + p.kernel_w <= p.in_w) {
      Copy(d, row + ix0 * cin, span);
      continue;
    }
    for (int32_t kx = 0; kx < p.kernel_w; ++kx) {
      const int32_t ix = ix0 + kx * p.dilation_w;
      if (ix < 0 || ix >= p.in_w) {
        Fill(d + kx * cin, zp, cin);
      } else {
        Copy(d + kx * cin, row + ix * cin, cin);
      }
    }
  }
  return buf;
}

// The accumulator's start value for channel constants q and a window whose
// bytes sum to sx: the dot product is added to it.
__attribute__((always_inline)) inline int32_t Start(const ChanQuant& q, int32_t sx) {
  return (int32_t)((uint32_t)q.corr - (uint32_t)q.wzp * (uint32_t)sx);
}

// Sum of the window's bytes (rows of seg4 words at stride st).
int32_t WindowSum(const int8_t* x, int32_t st, int32_t rows, int32_t seg4) {
  int32_t sum = 0;
  for (int32_t r = 0; r < rows; ++r) sum += SumBytes(x + r * st, seg4);
  return sum;
}

// The outputs of one channel for two pixels. The constants are read once, before
// the byte stores (which may alias them as far as the compiler knows).
__attribute__((always_inline)) inline void Out2(const ChanQuant& q, int32_t a, int32_t b,
                                                int8_t* pa, int8_t* pb, int32_t zp,
                                                int32_t lo, int32_t hi, uint32_t lo4,
                                                uint32_t hi4) {
  const int32_t rs = q.rs;
  if (__builtin_expect(rs > 0, 1)) {
    const int32_t m = q.m;
    const uint32_t add = (uint32_t)q.add;
    const int32_t va = (int32_t)((uint32_t)kiln_pulp::MulHi(a, m) + add) >> rs;
    const int32_t vb = (int32_t)((uint32_t)kiln_pulp::MulHi(b, m) + add) >> rs;
    const int32_t ya = kiln_pulp::ClampS8(va, lo, hi, lo4, hi4);
    const int32_t yb = kiln_pulp::ClampS8(vb, lo, hi, lo4, hi4);
    *pa = (int8_t)ya;
    *pb = (int8_t)yb;
  } else {
    *pa = (int8_t)Requant(q, a, zp, lo, hi, lo4, hi4);
    *pb = (int8_t)Requant(q, b, zp, lo, hi, lo4, hi4);
  }
}

// Output pixels [qb, qe) of the band x tile channels [cb, ce) (cb a multiple of
// 4) into out_tile (row stride oc_t). The 4-channel blocks are visited starting
// at block `rot`: cores that share the channels start at different weight rows
// instead of asking for the same TCDM bank in the same cycle.
void ComputeRange(const Job& j, const int8_t* in_tile, int32_t tile_y0, int32_t y0,
                  int32_t qb, int32_t qe, int32_t cb, int32_t ce, int32_t rot,
                  int8_t* out_tile, int8_t* col0, int8_t* col1) {
  const int8_t* wl = kiln_pulp_l1 + j.off_w;
  const int32_t ws = j.plan.row_stride;
  const int32_t n4 = j.plan.k_padded / 4;
  const int32_t oc_t = j.plan.oc_tile;
  const bool wzp = j.p.weight_zero_points != NULL;
  const ChanQuant* cq = (const ChanQuant*)(const void*)(kiln_pulp_l1 + j.off_quant);
  const int32_t zp = j.p.output_zero_point;
  const int32_t lo = j.p.act_min;
  const int32_t hi = j.p.act_max;
  const uint32_t lo4 = SplatS8(lo);
  const uint32_t hi4 = SplatS8(hi);
  const int32_t blocks = (ce - cb) / 4;
  const int32_t rest = cb + 4 * blocks;
  // A window is kr rows of seg4 words (one row of n4 words when it is always
  // copied); weight row r of a channel starts at byte r * seg.
  const int32_t kr = j.plan.direct ? j.p.kernel_h : 1;
  const int32_t seg4 = j.plan.direct ? j.p.kernel_w * j.cin_l1 / 4 : n4;
  const int32_t seg = 4 * seg4;
  int32_t oy = y0 + qb / j.p.out_w;
  int32_t ox = qb % j.p.out_w;
  for (int32_t q = qb; q < qe; q += 2) {
    const bool two = q + 1 < qe;
    int32_t sta, stb;
    const int8_t* xa = Window(j, in_tile, tile_y0, oy, ox, col0, &sta);
    if (++ox == j.p.out_w) {
      ox = 0;
      ++oy;
    }
    const int8_t* xb = xa;
    stb = sta;
    if (two) {
      xb = Window(j, in_tile, tile_y0, oy, ox, col1, &stb);
      if (++ox == j.p.out_w) {
        ox = 0;
        ++oy;
      }
    }
    const int32_t sa = wzp ? WindowSum(xa, sta, kr, seg4) : 0;
    const int32_t sb = wzp ? WindowSum(xb, stb, kr, seg4) : 0;
    int8_t* oa = out_tile + q * oc_t;
    int8_t* ob = oa + oc_t;
    int32_t b = rot;
    if (two) {
      for (int32_t t = 0; t < blocks; ++t, ++b) {
        b = b == blocks ? 0 : b;
        const int32_t c = cb + 4 * b;
        const ChanQuant* cqc = cq + c;
        // Written out (no loops over i) so that the accumulators stay in
        // registers.
        int32_t s[4][2];
        if (wzp) {
          s[0][0] = Start(cqc[0], sa);
          s[0][1] = Start(cqc[0], sb);
          s[1][0] = Start(cqc[1], sa);
          s[1][1] = Start(cqc[1], sb);
          s[2][0] = Start(cqc[2], sa);
          s[2][1] = Start(cqc[2], sb);
          s[3][0] = Start(cqc[3], sa);
          s[3][1] = Start(cqc[3], sb);
        } else {
          s[0][0] = s[0][1] = cqc[0].corr;
          s[1][0] = s[1][1] = cqc[1].corr;
          s[2][0] = s[2][1] = cqc[2].corr;
          s[3][0] = s[3][1] = cqc[3].corr;
        }
        const int8_t* wc = wl + c * ws;
        for (int32_t r = 0; r < kr; ++r) {
          Dot4x2(wc + r * seg, ws, xa + r * sta, xb + r * stb, seg4, s);
        }
        Out2(cqc[0], s[0][0], s[0][1], oa + c, ob + c, zp, lo, hi, lo4, hi4);
        Out2(cqc[1], s[1][0], s[1][1], oa + c + 1, ob + c + 1, zp, lo, hi, lo4, hi4);
        Out2(cqc[2], s[2][0], s[2][1], oa + c + 2, ob + c + 2, zp, lo, hi, lo4, hi4);
        Out2(cqc[3], s[3][0], s[3][1], oa + c + 3, ob + c + 3, zp, lo, hi, lo4, hi4);
      }
      for (int32_t c = rest; c < ce; ++c) {
        int32_t s[2] = {Start(cq[c], sa), Start(cq[c], sb)};
        for (int32_t r = 0; r < kr; ++r) {
          Dot1x2(wl + c * ws + r * seg, xa + r * sta, xb + r * stb, seg4, s);
        }
        oa[c] = (int8_t)Requant(cq[c], s[0], zp, lo, hi, lo4, hi4);
        ob[c] = (int8_t)Requant(cq[c], s[1], zp, lo, hi, lo4, hi4);
      }
    } else {
      for (int32_t t = 0; t < blocks; ++t, ++b) {
        b = b == blocks ? 0 : b;
        const int32_t c = cb + 4 * b;
        const ChanQuant* cqc = cq + c;
        int32_t s[4];
        for (int32_t i = 0; i < 4; ++i) s[i] = Start(cqc[i], sa);
        for (int32_t r = 0; r < kr; ++r) {
          Dot4x1(wl + c * ws + r * seg, ws, xa + r * sta, seg4, s);
        }
        for (int32_t i = 0; i < 4; ++i) {
          oa[c + i] = (int8_t)Requant(cqc[i], s[i], zp, lo, hi, lo4, hi4);
        }
      }
      for (int32_t c = rest; c < ce; ++c) {
        int32_t acc = Start(cq[c], sa);
        for (int32_t r = 0; r < kr; ++r) {
          acc = Dot1x1(wl + c * ws + r * seg, xa + r * sta, seg4, acc);
        }
        oa[c] = (int8_t)Requant(cq[c], acc, zp, lo, hi, lo4, hi4);
      }
    }
  }
}

void TiledBody(void* arg) {
  const Job& j = *(const Job*)arg;
  const kiln_conv2d_s8_params_t& p = j.p;
  const uint32_t id = kiln_core_id();
  const int32_t cores = j.cores;
  const int32_t k = j.plan.k;  // a weight row in L2
  const int32_t kl = j.k_l1;   // in L1
  const int32_t cl = j.cin_l1;
  const bool pad_c = cl != p.in_c;
  const int32_t kp = j.plan.k_padded;
  const int32_t ws = j.plan.row_stride;
  const int32_t oc_t = j.plan.oc_tile;
  int8_t* wl = kiln_pulp_l1 + j.off_w;
  ChanQuant* cq = (ChanQuant*)(void*)(kiln_pulp_l1 + j.off_quant);
  int8_t* in_tile = kiln_pulp_l1 + j.off_in;
  int8_t* out_tile = kiln_pulp_l1 + j.off_out;
  int8_t* col0 = kiln_pulp_l1 + j.off_col + (int32_t)id * 2 * ws;
  int8_t* col1 = col0 + ws;
  if (j.need_col) {
    Fill(col0 + kl, 0, kp - kl);
    Fill(col1 + kl, 0, kp - kl);
  }
  const int32_t izp = p.input_zero_point;
  if (pad_c) {
    // The padding bytes of the band's pixels (the DMA writes the others), each
    // core a share; the barrier after the first weight tile orders this before
    // the first band's transfer.
    int32_t fb, fe;
    kiln_pulp_chunk(InRows(&p, j.plan.band_rows) * p.in_w * cl / 4, id, cores, &fb, &fe);
    FillWords(in_tile, (int8_t)izp, fb, fe);
  }
  const int32_t in_img = p.in_h * p.in_w * p.in_c;
  const int32_t out_img = p.out_h * p.out_w * p.out_c;
  for (int32_t c0 = 0; c0 < p.out_c; c0 += oc_t) {
    const int32_t oc = p.out_c - c0 < oc_t ? p.out_c - c0 : oc_t;
    if (id == 0 && pad_c) {
      // Each tap's in_c weights to a word of its own, the rest 0.
      FillWords(wl, 0, 0, oc * ws / 4);
      for (int32_t c = 0; c < oc; ++c) {
        kiln_dma_2d(wl + c * ws, j.weights + (c0 + c) * k, p.in_c,
                    p.kernel_h * p.kernel_w, cl, p.in_c, KILN_DMA_TO_L1);
        kiln_dma_wait();
      }
    } else if (id == 0) {
      kiln_dma_2d(wl, j.weights + c0 * k, k, oc, ws, k, KILN_DMA_TO_L1);
      kiln_dma_wait();
    }
    kiln_barrier();
    // Per-channel constants of the tile, each core its share of the channels.
    int32_t cb, ce;
    kiln_pulp_chunk(oc, id, cores, &cb, &ce);
    for (int32_t c = cb; c < ce; ++c) {
      int8_t* row = wl + c * ws;
      Fill(row + kl, 0, kp - kl);
      const int32_t sw = SumBytes(row, kp / 4);
      const int32_t qi = p.per_channel ? c0 + c : 0;
      const int32_t wz = p.weight_zero_points != NULL ? p.weight_zero_points[qi] : 0;
      const uint32_t b = j.bias != NULL ? (uint32_t)j.bias[c0 + c] : 0u;
      kiln_pulp::MakeChanQuant(p.multipliers[qi], p.shifts[qi], p.output_zero_point, &cq[c]);
      // Over all kl taps: a padding tap (x = izp, w = 0) adds
      // (izp - izp) * (0 - wz) = 0 to the reference's sum.
      cq[c].corr = (int32_t)(b - (uint32_t)izp * (uint32_t)sw +
                             (uint32_t)kl * (uint32_t)izp * (uint32_t)wz);
      cq[c].wzp = wz;
    }
    for (int32_t n = 0; n < p.batch; ++n) {
      for (int32_t y0 = 0; y0 < p.out_h; y0 += j.plan.band_rows) {
        const int32_t rows =
            p.out_h - y0 < j.plan.band_rows ? p.out_h - y0 : j.plan.band_rows;
        int32_t ty0 = y0 * p.stride_h - p.pad_top;
        int32_t ty1 = (y0 + rows - 1) * p.stride_h - p.pad_top +
                      (p.kernel_h - 1) * p.dilation_h + 1;
        ty0 = ty0 < 0 ? 0 : ty0;
        ty1 = ty1 > p.in_h ? p.in_h : ty1;
        if (id == 0 && ty1 > ty0) {
          const int8_t* src = j.input + n * in_img + ty0 * p.in_w * p.in_c;
          if (pad_c) {
            kiln_dma_2d(in_tile, src, p.in_c, (ty1 - ty0) * p.in_w, cl, p.in_c,
                        KILN_DMA_TO_L1);
          } else {
            kiln_dma_to_l1(in_tile, src, (uint32_t)((ty1 - ty0) * p.in_w * p.in_c));
          }
          kiln_dma_wait();
        }
        kiln_barrier();
        const int32_t pixels = rows * p.out_w;
        int32_t qb = 0, qe = pixels;
        int32_t chb = 0, che = oc, rot = 0;
        if (ChooseAxis(j, pixels, oc) == KILN_PULP_AXIS_PIXELS) {
          kiln_pulp_chunk(pixels, id, cores, &qb, &qe);
          rot = (oc / 4) * (int32_t)id / cores;
        } else {
          int32_t bb, be;
          kiln_pulp_chunk((oc + 3) / 4, id, cores, &bb, &be);
          chb = 4 * bb;
          che = 4 * be < oc ? 4 * be : oc;
        }
        if (qb < qe && chb < che) {
          ComputeRange(j, in_tile, ty0, y0, qb, qe, chb, che, rot, out_tile, col0, col1);
        }
        kiln_barrier();
        if (id == 0) {
          kiln_dma_2d(out_tile, j.output + n * out_img + y0 * p.out_w * p.out_c + c0,
                      oc, pixels, oc_t, p.out_c, KILN_DMA_TO_L2);
          kiln_dma_wait();
        }
      }
    }
  }
}

// groups > 1 or too large for L1: each core computes a contiguous run of output
// pixels, all channels, with the reference's arithmetic, reading L2.
void GenericBody(void* arg) {
  const Job& j = *(const Job*)arg;
  const kiln_conv2d_s8_params_t& p = j.p;
  const int32_t cin_g = p.in_c / p.groups;
  const int32_t cout_g = p.out_c / p.groups;
  const int32_t in_zp = p.input_zero_point;
  const int32_t w_stride = p.kernel_h * p.kernel_w * cin_g;
  int32_t b, e;
  kiln_pulp_chunk(p.batch * p.out_h * p.out_w, kiln_core_id(), (uint32_t)j.cores, &b, &e);
  for (int32_t i = b; i < e; ++i) {
    const int32_t n = i / (p.out_h * p.out_w);
    const int32_t oy = (i / p.out_w) % p.out_h;
    const int32_t ox = i % p.out_w;
    const int8_t* in_n = j.input + n * p.in_h * p.in_w * p.in_c;
    const int32_t iy0 = oy * p.stride_h - p.pad_top;
    const int32_t ix0 = ox * p.stride_w - p.pad_left;
    int8_t* out = j.output + i * p.out_c;
    for (int32_t oc = 0; oc < p.out_c; ++oc) {
      const int32_t g = oc / cout_g;
      const int32_t qi = p.per_channel ? oc : 0;
      const int32_t w_zp = p.weight_zero_points != NULL ? p.weight_zero_points[qi] : 0;
      const int8_t* w_oc = j.weights + oc * w_stride;
      uint32_t acc = 0;
      for (int32_t ky = 0; ky < p.kernel_h; ++ky) {
        const int32_t iy = iy0 + ky * p.dilation_h;
        if (iy < 0 || iy >= p.in_h) continue;
        for (int32_t kx = 0; kx < p.kernel_w; ++kx) {
          const int32_t ix = ix0 + kx * p.dilation_w;
          if (ix < 0 || ix >= p.in_w) continue;
          const int8_t* x = in_n + (iy * p.in_w + ix) * p.in_c + g * cin_g;
          const int8_t* w = w_oc + (ky * p.kernel_w + kx) * cin_g;
          for (int32_t ic = 0; ic < cin_g; ++ic) {
            acc += (uint32_t)(((int32_t)x[ic] - in_zp) * ((int32_t)w[ic] - w_zp));
          }
        }
      }
      if (j.bias != NULL) acc += (uint32_t)j.bias[oc];
      out[oc] = kiln_requantize_s8((int32_t)acc, p.multipliers[qi], p.shifts[qi],
                                   p.output_zero_point, p.act_min, p.act_max);
    }
  }
}

}  // namespace

extern "C" void kiln_conv2d_s8_pulp_plan(const kiln_conv2d_s8_params_t* p, int32_t cores,
                                         kiln_pulp_conv_plan_t* plan) {
  Job job;
  MakePlan(p, cores, plan, &job);
  if (plan->path == KILN_PULP_CONV_TILED) {
    job.p = *p;
    job.plan = *plan;
    job.cores = cores;
    plan->axis = ChooseAxis(job, plan->band_rows * p->out_w, plan->oc_tile);
  }
}

extern "C" void kiln_conv2d_s8_pulp(const kiln_conv2d_s8_params_t* p, const int8_t* input,
                                    const int8_t* weights, const int32_t* bias,
                                    int8_t* output) {
  KILN_DCHECK(p->groups > 0 && p->in_c % p->groups == 0 && p->out_c % p->groups == 0);
  static_assert(sizeof(Job) <= 256, "the job must stay small: it is in L1");
  Job* job = (Job*)(void*)kiln_pulp_l1;
  job->p = *p;
  job->input = input;
  job->weights = weights;
  job->bias = bias;
  job->output = output;
  job->cores = (int32_t)kiln_num_cores();
  MakePlan(p, job->cores, &job->plan, job);
  kiln_pulp_fork(job->plan.path == KILN_PULP_CONV_TILED ? TiledBody : GenericBody, job);
}
