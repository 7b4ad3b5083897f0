// Int8 reference N-D transpose (see kiln/ref/transpose_s8.h): the bytes move,
// the quantization parameters stay.
#include "kiln/ref/transpose_s8.h"

#include "runtime/kernels/ref/transpose_impl.h"

extern "C" void kiln_transpose_s8_ref(const kiln_transpose_params_t* p,
                                      const int8_t* x, int8_t* y) {
  kiln_internal::Transpose(p, x, y);
}

extern "C" size_t kiln_transpose_s8_ref_scratch_bytes(
    const kiln_transpose_params_t* p) {
  (void)p;
  return 0;
}
