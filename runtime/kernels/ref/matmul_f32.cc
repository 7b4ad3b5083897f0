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
    // Loop order i, k, j with the output row as the accumulators: each output
    // still sums over k ascending (same bits as the i, j, k form) while the
    // inner loop runs contiguously over B's row and the output row.
    for (int32_t i = 0; i < m_n; ++i) {
      for (int32_t j = 0; j < n_n; ++j) y[j] = 0.0f;
      for (int32_t kk = 0; kk < k_n; ++kk) {
        const float a_ik = am[(ptrdiff_t)i * k_n + kk];
        const float* b_row = bm + (ptrdiff_t)kk * n_n;
        for (int32_t j = 0; j < n_n; ++j) y[j] += a_ik * b_row[j];
      }
      for (int32_t j = 0; j < n_n; ++j) {
        float v = y[j];
        if (bias != NULL) v += bias[j];
        y[j] = kiln_internal::ClampAct(v, p->act_min, p->act_max);
      }
      y += n_n;
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
