// PULP global average pooling (kiln/pulp/global_avgpool_s8.h): per channel the
// int32 sum of (x - zp) over H*W, then the reference's one requantization.
//
// Parallel axis, by shape: channels (groups of four, one contiguous range of
// groups per core, for every image) when there are at least as many groups as
// cores; otherwise the spatial range (each core sums its rows of every
// channel into its int32 partials in the shared part of L1, a barrier, then
// each core finishes its share of the channels from all partials). Staging:
// blocks of pixels, the core's channels only, by one 2D transfer each; four
// channels per word, each lane summed by a cv.sdotsp.b with a one-hot mask.
#include "kiln/pulp/global_avgpool_s8.h"
#include "runtime/kernels/pulp/staging.h"

namespace {

using namespace kiln_pulp;

// Channels per pass of a core (a multiple of 4): 5 bytes each of the 7 KiB
// slice of an 8-core cluster leaves room for 2 KiB of pixels.
constexpr int32_t kMaxChans = 1024;

struct Args {
  const kiln_global_avgpool_s8_params_t* p;
  const int8_t* input;
  int8_t* output;
};

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

// sums[0..cs) += the raw sums over pixels [s0, s1) of channels [c0, c0 + cc) of
// image `in` (C channels), staged through buf (budget bytes); cs = Align4(cc).
void SumPixels(const int8_t* in, int32_t channels, int32_t c0, int32_t cc,
               int32_t s0, int32_t s1, int8_t* buf, int32_t budget,
               int32_t* sums) {
  const int32_t cs = Align4(cc);
  const int32_t block = Max(1, budget / cs);
  for (int32_t s = s0; s < s1; s += block) {
    const int32_t n = Min(block, s1 - s);
    kiln_dma_2d(buf, in + (ptrdiff_t)s * channels + c0, (uint32_t)cc,
                (uint32_t)n, (uint32_t)cs, (uint32_t)channels, KILN_DMA_TO_L1);
    kiln_dma_wait();
    // Lanes past cc hold stale bytes; their sums are never used.
    for (int32_t g = 0; g < cs; g += 4) {
      int32_t a0 = sums[g], a1 = sums[g + 1], a2 = sums[g + 2],
              a3 = sums[g + 3];
      const int8_t* t = buf + g;
      for (int32_t i = 0; i < n; ++i, t += cs) {
        const uint32_t x = *(const uint32_t*)(const void*)t;
        KILN_SUM_LANES(a0, a1, a2, a3, x);
      }
      sums[g] = a0;
      sums[g + 1] = a1;
      sums[g + 2] = a2;
      sums[g + 3] = a3;
    }
  }
}

void Body(void* arg) {
  const Args a = *static_cast<const Args*>(arg);  // onto the L1 stack
  const kiln_global_avgpool_s8_params_t p = *a.p;
  const uint32_t core = kiln_core_id(), cores = kiln_num_cores();
  const int32_t groups = CeilDiv(p.channels, 4);
  const int32_t corr = p.spatial * p.input_zero_point;
  const bool by_channels = groups >= (int32_t)cores;
  // Spatial split: partials[core][Align4(C)] int32 shared by all cores.
  const int32_t cs_all = Align4(p.channels);
  const int32_t shared =
      by_channels ? 0 : (int32_t)((cores * cs_all * 4 + 7) & ~7u);
  int32_t* partials = (int32_t*)(void*)kiln_pulp_l1;
  int8_t* slice = CoreSlice(core, cores, shared);
  const int32_t slice_bytes = SliceBytes(cores, shared);
  for (int32_t n = 0; n < p.batch; ++n) {
    const int8_t* in = a.input + (ptrdiff_t)n * p.spatial * p.channels;
    int8_t* out = a.output + (ptrdiff_t)n * p.channels;
    if (by_channels) {
      int32_t g0, g1;
      kiln_pulp_chunk(groups, core, cores, &g0, &g1);
      if (g0 == g1) continue;
      // At most kMaxChans channels at a time, so sums and results leave room
      // for pixels in the slice.
      for (int32_t c0 = 4 * g0; c0 < Min(4 * g1, p.channels); c0 += kMaxChans) {
        const int32_t cc = Min(Min(4 * g1, p.channels) - c0, kMaxChans);
        const int32_t cs = Align4(cc);
        int32_t* sums = (int32_t*)(void*)slice;
        int8_t* res = slice + 4 * cs;
        int8_t* buf = res + cs;
        for (int32_t c = 0; c < cs; ++c) sums[c] = 0;
        SumPixels(in, p.channels, c0, cc, 0, p.spatial, buf,
                  slice_bytes - 5 * cs, sums);
        for (int32_t c = 0; c < cc; ++c) {
          res[c] =
              kiln_requantize_s8(sums[c] - corr, p.multiplier, p.shift,
                                 p.output_zero_point, p.act_min, p.act_max);
        }
        kiln_dma_to_l2(out + c0, res, (uint32_t)cc);
        kiln_dma_wait();
      }
      continue;
    }
    int32_t s0, s1;
    kiln_pulp_chunk(p.spatial, core, cores, &s0, &s1);
    int32_t* mine = partials + core * cs_all;
    for (int32_t c = 0; c < cs_all; ++c) mine[c] = 0;
    if (s1 > s0) {
      SumPixels(in, p.channels, 0, p.channels, s0, s1, slice, slice_bytes,
                mine);
    }
    kiln_barrier();
    int32_t c0, c1;
    kiln_pulp_chunk(p.channels, core, cores, &c0, &c1);
    int8_t* res = slice;
    for (int32_t c = c0; c < c1; ++c) {
      int32_t sum = 0;
      for (uint32_t k = 0; k < cores; ++k) sum += partials[k * cs_all + c];
      res[c - c0] =
          kiln_requantize_s8(sum - corr, p.multiplier, p.shift,
                             p.output_zero_point, p.act_min, p.act_max);
    }
    if (c1 > c0) {
      kiln_dma_to_l2(out + c0, res, (uint32_t)(c1 - c0));
      kiln_dma_wait();
    }
    kiln_barrier();  // the partials are reused by the next image
  }
}

}  // namespace

extern "C" void kiln_global_avgpool_s8_pulp(
    const kiln_global_avgpool_s8_params_t* p, const int8_t* input,
    int8_t* output) {
  Args a{p, input, output};
  ForkL1(Body, &a);
}
