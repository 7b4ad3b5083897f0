/* Int8 reference concat along one axis, requantizing each input whose scale or
 * zero point differ from the output's (ONNX QLinearConcat, or QDQ Concat). */
#ifndef KILN_REF_CONCAT_S8_H_
#define KILN_REF_CONCAT_S8_H_

#include "kiln/requant.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_concat_s8_params_t {
  int32_t outer;                    /* product of the dimensions before the axis */
  int32_t num_inputs;               /* number of inputs */
  int32_t output_zero_point;        /* output zero point */
  const int32_t* slice_elems;       /* per input: axis extent * inner */
  const int32_t* input_zero_points; /* per input */
  const int32_t* multipliers;       /* per input: Q31 of in_scale / out_scale */
  const int32_t* shifts;            /* per input */
} kiln_concat_s8_params_t;

/* Per input k: y = kiln_requantize_s8(x - input_zero_points[k],
 * multipliers[k], shifts[k], output_zero_point, -128, 127). An input with the
 * output's scale has multiplier 2^30, shift 1 (kiln_quantize_multiplier(1.0)),
 * which is exact, so it is copied unchanged (when the zero points also match).
 * Inputs are const int8_t* const [num_inputs]. */
void kiln_concat_s8_ref(const kiln_concat_s8_params_t* p,
                        const int8_t* const* inputs, int8_t* output);

size_t kiln_concat_s8_ref_scratch_bytes(const kiln_concat_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_CONCAT_S8_H_ */
