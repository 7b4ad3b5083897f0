// Float32 reference N-D transpose (see kiln/ref/transpose.h).
#include "kiln/ref/transpose.h"
#include "runtime/kernels/ref/transpose_impl.h"

extern "C" void kiln_transpose_f32_ref(const kiln_transpose_params_t* p,
                                       const float* x, float* y) {
  kiln_internal::Transpose(p, x, y);
}

extern "C" size_t kiln_transpose_f32_ref_scratch_bytes(
    const kiln_transpose_params_t* p) {
  (void)p;
  return 0;
}
