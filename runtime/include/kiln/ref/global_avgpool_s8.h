/* Int8 reference global average pooling, [N][HW][C] -> [N][C], with its own
 * output scale: the 1/HW is folded into the requantization multiplier. */
#ifndef KILN_REF_GLOBAL_AVGPOOL_S8_H_
#define KILN_REF_GLOBAL_AVGPOOL_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_global_avgpool_s8_params_t {
  int32_t batch;             /* N */
  int32_t spatial;           /* H * W (flattened spatial dims) */
  int32_t channels;          /* C */
  int32_t input_zero_point;  /* input zero point */
  int32_t output_zero_point; /* output zero point */
  int32_t multiplier;        /* Q31 of in_scale / (out_scale * spatial) */
  int32_t shift;
  int32_t act_min;           /* fused clamp in the int8 domain */
  int32_t act_max;
} kiln_global_avgpool_s8_params_t;

/* out[n][c] = kiln_requantize_s8(sum_i (x[n][i][c] - input_zp), multiplier,
 * shift, output_zp, act_min, act_max): one rounding. */
void kiln_global_avgpool_s8_ref(const kiln_global_avgpool_s8_params_t* p,
                                const int8_t* input, int8_t* output);

size_t kiln_global_avgpool_s8_ref_scratch_bytes(
    const kiln_global_avgpool_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_GLOBAL_AVGPOOL_S8_H_ */
