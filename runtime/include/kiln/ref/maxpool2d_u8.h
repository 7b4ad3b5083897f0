/* uint8 reference 2-D max pooling, NHWC, for plain uint8 tensors (ONNX MaxPool
 * of a uint8 input): the twin of kiln_maxpool2d_s8_ref, which serves plain int8
 * tensors as well as quantized ones (max needs no requantization). */
#ifndef KILN_REF_MAXPOOL2D_U8_H_
#define KILN_REF_MAXPOOL2D_U8_H_

#include "kiln/ref/maxpool2d_s8.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

/* The same geometry fields; act_min/act_max clamp in [0, 255]. */
typedef kiln_maxpool2d_s8_params_t kiln_maxpool2d_u8_params_t;

/* Max of the in-bounds taps (padding is never selected), starting from 0 (the
 * lowest uint8, as ONNX Runtime) so a window wholly in the padding (ceil mode)
 * gives 0; then the clamp. */
void kiln_maxpool2d_u8_ref(const kiln_maxpool2d_u8_params_t* p,
                           const uint8_t* input, uint8_t* output);

size_t kiln_maxpool2d_u8_ref_scratch_bytes(const kiln_maxpool2d_u8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_MAXPOOL2D_U8_H_ */
