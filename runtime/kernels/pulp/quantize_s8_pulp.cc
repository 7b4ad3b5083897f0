// PULP float32 -> int8 quantization (kiln/pulp/quantize_s8.h). Parallel axis:
// the flat element range, one contiguous chunk per core, staged through the
// core's L1 slice (floats in, bytes out behind them), so the soft-float
// routines work on L1 data and the L1 stack. Every element goes through
// kiln_quantize_one_s8, the reference's own rounding, so the bits are the
// reference's.
#include "kiln/pulp/quantize_s8.h"

#include "runtime/kernels/pulp/staging.h"

namespace {

using namespace kiln_pulp;

struct Args {
  const kiln_quantize_s8_params_t* p;
  const float* x;
  int8_t* y;
};

void Body(void* arg) {
  const Args a = *static_cast<const Args*>(arg);  // onto the L1 stack
  const kiln_quantize_s8_params_t p = *a.p;
  const uint32_t core = kiln_core_id(), cores = kiln_num_cores();
  int32_t begin, end;
  kiln_pulp_chunk(p.count, core, cores, &begin, &end);
  int8_t* slice = CoreSlice(core, cores);
  // Each element takes 4 bytes in and 1 out; keep the output 4-aligned.
  const int32_t tile = (SliceBytes(cores) / 5) & ~3;
  float* in = reinterpret_cast<float*>(slice);
  int8_t* out = slice + (size_t)tile * sizeof(float);
  for (int32_t e0 = begin; e0 < end; e0 += tile) {
    const int32_t n = Min(tile, end - e0);
    kiln_dma_to_l1(in, a.x + e0, (uint32_t)n * sizeof(float));
    kiln_dma_wait();
    for (int32_t i = 0; i < n; ++i) {
      out[i] = kiln_quantize_one_s8(in[i], p.scale, p.zero_point);
    }
    kiln_dma_to_l2(a.y + e0, out, (uint32_t)n);
    kiln_dma_wait();
  }
}

}  // namespace

extern "C" void kiln_quantize_s8_pulp(const kiln_quantize_s8_params_t* p,
                                      const float* x, int8_t* y) {
  Args a{p, x, y};
  ForkL1(Body, &a);
}
