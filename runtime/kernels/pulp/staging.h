// Helpers shared by the element-wise, pooling and depthwise PULP kernels (not
// part of the public API): each core's slice of the L1 workspace, staging of a
// padded NHWC window patch into L1 and writing an NHWC output tile back, the
// tile search of window kernels, and the few Xpulp instructions they use, with
// plain C twins for host builds (cluster.h's one-core fallback).
#ifndef KILN_KERNELS_PULP_STAGING_H_
#define KILN_KERNELS_PULP_STAGING_H_

#include <stddef.h>
#include <stdint.h>

#include "kiln/pulp/common.h"
#include "runtime/platform/pulp/cluster.h"
#if defined(__riscv)
#include "runtime/platform/pulp/xpulp.h"
#endif

namespace kiln_pulp {

inline int32_t Align4(int32_t n) { return (n + 3) & ~3; }
inline int32_t CeilDiv(int32_t a, int32_t b) { return (a + b - 1) / b; }
inline int32_t Min(int32_t a, int32_t b) { return a < b ? a : b; }
inline int32_t Max(int32_t a, int32_t b) { return a > b ? a : b; }

// The workspace is `shared` bytes (a multiple of 8) that all cores use, e.g.
// a lookup table built together, then one private slice per core: cores never
// share slice bytes, so no barrier is needed between staging and computing.
inline int32_t SliceBytes(uint32_t cores, int32_t shared = 0) {
  return (int32_t)(((uint32_t)(KILN_PULP_L1_BYTES - shared) / cores) & ~7u);
}
inline int8_t* CoreSlice(uint32_t core, uint32_t cores, int32_t shared = 0) {
  return kiln_pulp_l1 + shared +
         (size_t)core * (size_t)SliceBytes(cores, shared);
}

// Forking with the cores' stacks in L1: kiln_pulp_fork (kiln/pulp/common.h).
// crt0 puts every stack in L2, where a spilled register costs 11 cycles per
// access; the kernels' loops spill (and their arguments, on core 0's stack,
// would be read from L2 in every iteration), so each core runs the forked
// body on its private L1 stack and the body copies its arguments onto it
// first. kiln_pulp_fork enters the body by a jump, so the firmware's
// worst-case stack analysis still sees every call.
inline void ForkL1(kiln_task_fn fn, void* arg) { kiln_pulp_fork(fn, arg); }

// acc + a * b: one cv.mac on the cluster.
inline int32_t Mac(int32_t acc, int32_t a, int32_t b) {
#if defined(__riscv)
  return xpulp_mac(acc, a, b);
#else
  return acc + a * b;
#endif
}

// Signed byte at *p, then p += inc (cv.lb with a register increment).
inline int32_t LoadByteInc(const int8_t*& p, int32_t inc) {
#if defined(__riscv)
  int32_t v;
  XPULP_LOAD_PR(lb, v, p, inc);
  return v;
#else
  const int32_t v = *p;
  p += inc;
  return v;
#endif
}

// Signed halfword at *p, then p += 1 element (cv.lh with an immediate).
inline int32_t LoadHalfInc(const int16_t*& p) {
#if defined(__riscv)
  int32_t v;
  XPULP_LOAD_PI(lh, v, p, 2);
  return v;
#else
  return *p++;
#endif
}

// Four int8 lanes: lane-wise signed max / min (cv.max.b / cv.min.b).
inline uint32_t MaxB(uint32_t a, uint32_t b) {
#if defined(__riscv)
  return (uint32_t)xpulp_max_b(a, b);
#else
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i) {
    const int8_t x = (int8_t)(a >> (8 * i)), y = (int8_t)(b >> (8 * i));
    r |= (uint32_t)(uint8_t)(x > y ? x : y) << (8 * i);
  }
  return r;
#endif
}
inline uint32_t MinB(uint32_t a, uint32_t b) {
#if defined(__riscv)
  return (uint32_t)xpulp_min_b(a, b);
#else
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i) {
    const int8_t x = (int8_t)(a >> (8 * i)), y = (int8_t)(b >> (8 * i));
    r |= (uint32_t)(uint8_t)(x < y ? x : y) << (8 * i);
  }
  return r;
#endif
}
inline uint32_t SplatB(int32_t v) { return 0x01010101u * (uint32_t)(uint8_t)v; }

// Fills `bytes` (a multiple of 4) at a 4-aligned dst with the byte v.
inline void FillWords(int8_t* dst, int32_t bytes, int32_t v) {
  uint32_t* w = (uint32_t*)(void*)dst;
  const uint32_t word = SplatB(v);
  for (int32_t i = 0; i < bytes / 4; ++i) w[i] = word;
}

// The window geometry of a pooling or depthwise layer, NHWC.
struct Window {
  int32_t batch, in_h, in_w, channels, out_h, out_w;
  int32_t kernel_h, kernel_w, stride_h, stride_w, dilation_h, dilation_w;
  int32_t pad_top, pad_left;
  int32_t ch_mult;  // output channels per input channel (1 for pooling)

  int32_t PatchRows(int32_t rows) const {
    return (rows - 1) * stride_h + (kernel_h - 1) * dilation_h + 1;
  }
  int32_t PatchCols(int32_t cols) const {
    return (cols - 1) * stride_w + (kernel_w - 1) * dilation_w + 1;
  }
};

// A tile: `rows` x `cols` output pixels of `chans` input channels. Work items
// are tiles numbered channel tile first, so consecutive items (one core's
// chunk) share their channel tile and its weights.
struct Tiling {
  int32_t rows, cols, chans;
  int32_t n_y, n_x, n_c;
  int32_t Items(int32_t batch) const { return n_c * batch * n_y * n_x; }
};

struct Tile {
  int32_t n, oy0, ox0, c0;  // first output row / column, first input channel
  int32_t rows, cols, chans;
};

inline Tile TileOf(const Window& w, const Tiling& t, int32_t item) {
  Tile r;
  const int32_t per_c = w.batch * t.n_y * t.n_x;
  const int32_t tc = item / per_c;
  int32_t rest = item % per_c;
  r.n = rest / (t.n_y * t.n_x);
  rest %= t.n_y * t.n_x;
  r.oy0 = (rest / t.n_x) * t.rows;
  r.ox0 = (rest % t.n_x) * t.cols;
  r.c0 = tc * t.chans;
  r.rows = Min(t.rows, w.out_h - r.oy0);
  r.cols = Min(t.cols, w.out_w - r.ox0);
  r.chans = Min(t.chans, w.channels - r.c0);
  return r;
}

// Chooses the tiling of a window kernel. The parallel axis is the one whose
// work divides more evenly over the cores: output rows (tiles of whole rows,
// all channels, so staging is one contiguous 2D transfer; rows per tile such
// that every core gets the same number, else one row per tile) or channels in
// groups of four (no halo rows loaded twice; e.g. 25 rows of 64 channels go
// to 8 cores as 8 channels each, not 4 rows to 6 cores and 1 to the 7th); a
// tie goes to rows. Then tiles shrink (rows, then columns, then channels)
// until bytes(rows, cols, chans) fits `budget`. Returns false when not even
// one pixel of one channel fits.
template <typename BytesFn>
bool ChooseTiling(const Window& w, uint32_t cores, int32_t budget,
                  BytesFn bytes, Tiling* t) {
  const int32_t c = (int32_t)cores;
  const int32_t rows = w.batch * w.out_h, groups = CeilDiv(w.channels, 4);
  t->cols = w.out_w;
  if (rows * CeilDiv(groups, c) >= groups * CeilDiv(rows, c)) {
    const int32_t per_image = CeilDiv(c, w.batch);
    t->chans = w.channels;
    t->rows = w.out_h % per_image == 0 ? w.out_h / per_image : 1;
  } else {
    t->rows = w.out_h;
    t->chans = Min(w.channels, 4 * CeilDiv(groups, c));
  }
  while (bytes(t->rows, t->cols, t->chans) > budget) {
    if (t->rows > 1) {
      t->rows = CeilDiv(t->rows, 2);
    } else if (t->cols > 1) {
      t->cols = CeilDiv(t->cols, 2);
    } else if (t->chans > 4) {
      t->chans = Align4(t->chans / 2);
    } else if (t->chans > 1) {
      t->chans -= 1;
    } else {
      return false;
    }
  }
  t->n_y = CeilDiv(w.out_h, t->rows);
  t->n_x = CeilDiv(w.out_w, t->cols);
  t->n_c = CeilDiv(w.channels, t->chans);
  return true;
}

// Stages the input window of `tile` into dst as [PatchRows][PatchCols][cstride]
// bytes (cstride >= tile.chans), with `pad` wherever the window leaves the
// image (padding and ceil-mode overhang), by blocking DMA. dst is 4-aligned.
inline void StagePatch(const Window& w, const Tile& tile, const int8_t* input,
                       int32_t cstride, int32_t pad, int8_t* dst) {
  const int32_t prows = w.PatchRows(tile.rows), pcols = w.PatchCols(tile.cols);
  const int32_t iy0 = tile.oy0 * w.stride_h - w.pad_top;
  const int32_t ix0 = tile.ox0 * w.stride_w - w.pad_left;
  const int32_t vy0 = Max(iy0, 0), vy1 = Min(iy0 + prows, w.in_h);
  const int32_t vx0 = Max(ix0, 0), vx1 = Min(ix0 + pcols, w.in_w);
  if (vy0 != iy0 || vy1 != iy0 + prows || vx0 != ix0 || vx1 != ix0 + pcols ||
      cstride != tile.chans) {
    FillWords(dst, Align4(prows * pcols * cstride), pad);
  }
  if (vy1 <= vy0 || vx1 <= vx0) return;
  const int32_t c = w.channels;
  const int8_t* src =
      input + (((ptrdiff_t)tile.n * w.in_h + vy0) * w.in_w + vx0) * c + tile.c0;
  int8_t* d = dst + ((ptrdiff_t)(vy0 - iy0) * pcols + (vx0 - ix0)) * cstride;
  if (tile.chans == c && cstride == c) {
    // Whole pixels: one 2D transfer, a row of the patch per DMA row.
    kiln_dma_2d(d, src, (uint32_t)((vx1 - vx0) * c), (uint32_t)(vy1 - vy0),
                (uint32_t)(pcols * c), (uint32_t)(w.in_w * c), KILN_DMA_TO_L1);
  } else {
    // A channel slice: one 2D transfer per patch row, a pixel per DMA row.
    for (int32_t y = vy0; y < vy1; ++y) {
      kiln_dma_2d(d, src, (uint32_t)tile.chans, (uint32_t)(vx1 - vx0),
                  (uint32_t)cstride, (uint32_t)c, KILN_DMA_TO_L1);
      d += pcols * cstride;
      src += (ptrdiff_t)w.in_w * c;
    }
  }
  kiln_dma_wait();
}

// Writes an output tile held as [rows][cols][ostride] bytes of `occ` output
// channels back to the NHWC output (out_c channels, first channel oc0).
inline void WriteTile(const Window& w, const Tile& tile, int32_t out_c,
                      int32_t oc0, int32_t occ, const int8_t* src,
                      int8_t* output) {
  int8_t* d =
      output +
      (((ptrdiff_t)tile.n * w.out_h + tile.oy0) * w.out_w + tile.ox0) * out_c +
      oc0;
  if (occ == out_c) {
    kiln_dma_2d((void*)src, d, (uint32_t)(tile.cols * out_c),
                (uint32_t)tile.rows, (uint32_t)(tile.cols * out_c),
                (uint32_t)(w.out_w * out_c), KILN_DMA_TO_L2);
  } else {
    for (int32_t r = 0; r < tile.rows; ++r) {
      kiln_dma_2d((void*)src, d, (uint32_t)occ, (uint32_t)tile.cols,
                  (uint32_t)occ, (uint32_t)out_c, KILN_DMA_TO_L2);
      src += tile.cols * occ;
      d += (ptrdiff_t)w.out_w * out_c;
    }
  }
  kiln_dma_wait();
}

// In-bounds taps of the window starting at input coordinate i0 along a
// dimension of `size` (k taps, dilation d).
inline int32_t TapsInside(int32_t i0, int32_t k, int32_t d, int32_t size) {
  int32_t n = 0;
  for (int32_t t = 0; t < k; ++t) {
    const int32_t i = i0 + t * d;
    n += (i >= 0 && i < size) ? 1 : 0;
  }
  return n;
}

}  // namespace kiln_pulp

#endif  // KILN_KERNELS_PULP_STAGING_H_
