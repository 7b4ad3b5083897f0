// PULP tensor requantization (kiln/pulp/requantize_s8.h). Parallel axis: the
// flat element range, one contiguous chunk per core, staged through the core's
// L1 slice. An int8 input has only 256 values, so for large tensors the cores
// first build the 256-entry table of kiln_requantize_s8 together (each a
// share, then a barrier) and every element is one table load: the same
// routine computed every entry, so the bits are the reference's. In place is
// legal: a core reads its chunk before it writes it and chunks are disjoint.
#include "kiln/pulp/requantize_s8.h"
#include "runtime/kernels/pulp/staging.h"

namespace {

using namespace kiln_pulp;

// Below this many elements the table costs more than it saves.
constexpr int32_t kTableMinCount = 1024;
constexpr int32_t kTableBytes = 256;

struct Args {
  const kiln_requantize_s8_params_t* p;
  const int8_t* x;
  int8_t* y;
};

inline int8_t Requant(const kiln_requantize_s8_params_t& p, int32_t x) {
  return kiln_requantize_s8(x - p.input_zero_point, p.multiplier, p.shift,
                            p.output_zero_point, p.act_min, p.act_max);
}

void Body(void* arg) {
  const Args a = *static_cast<const Args*>(arg);  // onto the L1 stack
  const kiln_requantize_s8_params_t p = *a.p;
  const uint32_t core = kiln_core_id(), cores = kiln_num_cores();
  const bool table = p.count >= kTableMinCount;
  const int32_t shared = table ? kTableBytes : 0;
  int8_t* lut = kiln_pulp_l1;  // lut[x + 128]
  if (table) {
    int32_t b, e;
    kiln_pulp_chunk(256, core, cores, &b, &e);
    for (int32_t i = b; i < e; ++i) lut[i] = Requant(p, i - 128);
    kiln_barrier();
  }
  int32_t begin, end;
  kiln_pulp_chunk(p.count, core, cores, &begin, &end);
  int8_t* buf = CoreSlice(core, cores, shared);
  const int32_t tile = SliceBytes(cores, shared);
  for (int32_t e0 = begin; e0 < end; e0 += tile) {
    const int32_t n = Min(tile, end - e0);
    kiln_dma_to_l1(buf, a.x + e0, (uint32_t)n);
    kiln_dma_wait();
    if (table) {
      const int8_t* t = lut + 128;
      for (int32_t i = 0; i < n; ++i) buf[i] = t[buf[i]];
    } else {
      for (int32_t i = 0; i < n; ++i) buf[i] = Requant(p, buf[i]);
    }
    kiln_dma_to_l2(a.y + e0, buf, (uint32_t)n);
    kiln_dma_wait();
  }
}

}  // namespace

extern "C" void kiln_requantize_s8_pulp(const kiln_requantize_s8_params_t* p,
                                        const int8_t* x, int8_t* y) {
  Args a{p, x, y};
  ForkL1(Body, &a);
}
