/* Float32 reference elementwise div with numpy broadcasting up to KILN_MAX_DIMS
 * and a fused activation clamp: y = clamp(a / b (IEEE: x/0 gives +-inf or
 * NaN)). */
#ifndef KILN_REF_DIV_H_
#define KILN_REF_DIV_H_

#include "kiln/ref/broadcast.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef kiln_broadcast_params_t kiln_div_params_t;

/* a, b, y dense row-major with the shapes in p (see kiln/ref/broadcast.h). y
 * may alias an input only if that input has the output's full shape. */
void kiln_div_f32_ref(const kiln_div_params_t* p, const float* a,
                      const float* b, float* y);

size_t kiln_div_f32_ref_scratch_bytes(const kiln_div_params_t* p);

/* Integer variants (u8; i8, i16, i32, i64: plain two's-complement integers,
 * not the quantized s8 kernels): y = a / b truncated toward zero (ONNX Runtime's C++ division); kiln
 * defines x / 0 = 0 and MIN / -1 = MIN, where C++ is undefined.
 * Same shapes and aliasing rule as above; act_min/act_max are ignored. */
void kiln_div_u8_ref(const kiln_div_params_t* p, const uint8_t* a,
                     const uint8_t* b, uint8_t* y);
void kiln_div_i8_ref(const kiln_div_params_t* p, const int8_t* a,
                     const int8_t* b, int8_t* y);
void kiln_div_i16_ref(const kiln_div_params_t* p, const int16_t* a,
                      const int16_t* b, int16_t* y);
void kiln_div_i32_ref(const kiln_div_params_t* p, const int32_t* a,
                      const int32_t* b, int32_t* y);
void kiln_div_i64_ref(const kiln_div_params_t* p, const int64_t* a,
                      const int64_t* b, int64_t* y);

size_t kiln_div_u8_ref_scratch_bytes(const kiln_div_params_t* p);
size_t kiln_div_i8_ref_scratch_bytes(const kiln_div_params_t* p);
size_t kiln_div_i16_ref_scratch_bytes(const kiln_div_params_t* p);
size_t kiln_div_i32_ref_scratch_bytes(const kiln_div_params_t* p);
size_t kiln_div_i64_ref_scratch_bytes(const kiln_div_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_DIV_H_ */
