// Float32 reference concat: memcpy of one slice per input per outer index (see
// kiln/ref/concat.h). __builtin_memcpy, not <string.h>: the bare rv32im
// toolchain has no libc headers; the call it may emit resolves to the target
// libc's memcpy.
#include "kiln/ref/concat.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_concat_f32_ref(const kiln_concat_params_t* p,
                                    const float* const* inputs, float* output) {
  for (int32_t o = 0; o < p->outer; ++o) {
    for (int32_t k = 0; k < p->num_inputs; ++k) {
      const int32_t n = p->slice_elems[k];
      __builtin_memcpy(output, inputs[k] + (ptrdiff_t)o * n,
                       (size_t)n * sizeof(float));
      output += n;
    }
  }
}

extern "C" size_t kiln_concat_f32_ref_scratch_bytes(
    const kiln_concat_params_t* p) {
  (void)p;
  return 0;
}
