// PULP 2-D max pooling (kiln/pulp/maxpool2d_s8.h). Tiles of output rows (or of
// channels when there are fewer output rows than cores; staging.h's
// ChooseTiling names the axis) are staged as a padded window patch into the
// core's L1 slice. The padding is -128, which the max never prefers over an
// in-bounds tap and which is the reference's result for a window wholly in
// the padding (ceil mode), so every window reads all its taps with no bounds
// test. Four channels per word: cv.max.b over the taps, then the clamp as
// cv.max.b / cv.min.b with the bounds in every lane.
#include "kiln/pulp/maxpool2d_s8.h"
#include "runtime/kernels/pulp/staging.h"

namespace {

using namespace kiln_pulp;

struct Args {
  const int8_t* input;
  int8_t* output;
  Window w;
  Tiling t;
  int32_t act_min, act_max;
};

int32_t TileBytes(const Window& w, int32_t rows, int32_t cols, int32_t chans) {
  return Align4(w.PatchRows(rows) * w.PatchCols(cols) * chans) +
         Align4(rows * cols * chans);
}

void PoolTile(const Args& a, const Tile& tile, const int8_t* patch,
              int8_t* out) {
  const Window& w = a.w;
  const int32_t cs = tile.chans, pcols = w.PatchCols(tile.cols);
  const int32_t xstep = w.dilation_w * cs, ystep = w.dilation_h * pcols * cs;
  if (cs % 4 == 0) {
    const uint32_t lo = SplatB(a.act_min), hi = SplatB(a.act_max);
    for (int32_t r = 0; r < tile.rows; ++r) {
      for (int32_t q = 0; q < tile.cols; ++q) {
        const int8_t* px =
            patch + ((ptrdiff_t)r * w.stride_h * pcols + q * w.stride_w) * cs;
        uint32_t* o =
            (uint32_t*)(void*)(out + ((ptrdiff_t)r * tile.cols + q) * cs);
        for (int32_t g = 0; g < cs; g += 4) {
          uint32_t m = 0x80808080u;
          const int8_t* row = px + g;
          for (int32_t ky = 0; ky < w.kernel_h; ++ky, row += ystep) {
            const int8_t* t = row;
            for (int32_t kx = 0; kx < w.kernel_w; ++kx, t += xstep) {
              m = MaxB(m, *(const uint32_t*)(const void*)t);
            }
          }
          *o++ = MinB(MaxB(m, lo), hi);
        }
      }
    }
    return;
  }
  for (int32_t r = 0; r < tile.rows; ++r) {
    for (int32_t q = 0; q < tile.cols; ++q) {
      const int8_t* px =
          patch + ((ptrdiff_t)r * w.stride_h * pcols + q * w.stride_w) * cs;
      int8_t* o = out + ((ptrdiff_t)r * tile.cols + q) * cs;
      for (int32_t c = 0; c < cs; ++c) {
        int32_t m = KILN_S8_MIN;
        const int8_t* row = px + c;
        for (int32_t ky = 0; ky < w.kernel_h; ++ky, row += ystep) {
          const int8_t* t = row;
          for (int32_t kx = 0; kx < w.kernel_w; ++kx, t += xstep)
            m = Max(m, *t);
        }
        o[c] = (int8_t)Min(Max(m, a.act_min), a.act_max);
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
    StagePatch(a.w, tile, a.input, tile.chans, KILN_S8_MIN, patch);
    int8_t* out = patch + Align4(a.w.PatchRows(tile.rows) *
                                 a.w.PatchCols(tile.cols) * tile.chans);
    PoolTile(a, tile, patch, out);
    WriteTile(a.w, tile, a.w.channels, tile.c0, tile.chans, out, a.output);
  }
}

}  // namespace

extern "C" void kiln_maxpool2d_s8_pulp(const kiln_maxpool2d_s8_params_t* p,
                                       const int8_t* input, int8_t* output) {
  Args a;
  a.input = input;
  a.output = output;
  a.w = Window{
      p->batch,      p->in_h,       p->in_w,     p->channels, p->out_h,
      p->out_w,      p->kernel_h,   p->kernel_w, p->stride_h, p->stride_w,
      p->dilation_h, p->dilation_w, p->pad_top,  p->pad_left, 1};
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
    kiln_maxpool2d_s8_ref(p, input, output);  // a window larger than L1
    return;
  }
  ForkL1(Body, &a);
}
