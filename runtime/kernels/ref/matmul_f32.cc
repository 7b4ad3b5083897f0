// Float32 reference batched, broadcasting matmul (see kiln/ref/matmul.h): an
// odometer over the batch dimensions picks each A and B matrix, then a naive
// triple loop.
#include "kiln/ref/matmul.h"
#include "runtime/kernels/ref/internal.h"

extern "C" void kiln_matmul_f32_ref(const kiln_matmul_params_t* p,
                                    const float* a, const float* b,
                                    const float* bias, float* y) {
  KILN_DCHECK(p->batch_dims >= 0 &&
              p->batch_dims <= KILN_MATMUL_MAX_BATCH_DIMS);
  ptrdiff_t batches = 1;
  for (int32_t d = 0; d < p->batch_dims; ++d) batches *= p->batch_shape[d];
  int32_t idx[KILN_MATMUL_MAX_BATCH_DIMS] = {0, 0, 0, 0};
  ptrdiff_t off_a = 0;
  ptrdiff_t off_b = 0;
  const int32_t m_n = p->m, k_n = p->k, n_n = p->n;
  for (ptrdiff_t bt = 0; bt < batches; ++bt) {
    const float* am = a + off_a;
    const float* bm = b + off_b;
    for (int32_t i = 0; i < m_n; ++i) {
      for (int32_t j = 0; j < n_n; ++j) {
        float acc = 0.0f;
        for (int32_t kk = 0; kk < k_n; ++kk) {
          acc += am[(ptrdiff_t)i * k_n + kk] * bm[(ptrdiff_t)kk * n_n + j];
        }
        if (bias != NULL) acc += bias[j];
        *y++ = kiln_internal::ClampAct(acc, p->act_min, p->act_max);
      }
    }
    for (int32_t d = p->batch_dims - 1; d >= 0; --d) {
      off_a += p->a_batch_stride[d];
      off_b += p->b_batch_stride[d];
      if (++idx[d] < p->batch_shape[d]) break;
      idx[d] = 0;
      off_a -= (ptrdiff_t)p->a_batch_stride[d] * p->batch_shape[d];
      off_b -= (ptrdiff_t)p->b_batch_stride[d] * p->batch_shape[d];
    }
  }
}

extern "C" size_t kiln_matmul_f32_ref_scratch_bytes(
    const kiln_matmul_params_t* p) {
  (void)p;
  return 0;
}
