/* Float32 reference elementwise pow with numpy broadcasting up to KILN_MAX_DIMS
 * and a fused activation clamp: y = clamp(pow(a, b) with kiln_powf (C99 special
 * cases)). */
#ifndef KILN_REF_POW_H_
#define KILN_REF_POW_H_

#include "kiln/ref/broadcast.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef kiln_broadcast_params_t kiln_pow_params_t;

/* a, b, y dense row-major with the shapes in p (see kiln/ref/broadcast.h). y
 * may alias an input only if that input has the output's full shape. */
void kiln_pow_f32_ref(const kiln_pow_params_t* p, const float* a,
                      const float* b, float* y);

size_t kiln_pow_f32_ref_scratch_bytes(const kiln_pow_params_t* p);

/* Integer and mixed-type variants, kiln_pow_<base>[_<exponent>]_ref (ONNX Pow
 * from opset 12: the output has the base's type; u8, and i8..i64 are plain
 * integers, not the quantized s8 kernels); act_min/act_max are ignored.
 * - float base, integer exponent: kiln_powf(a, (float)b).
 * - integer base, integer exponent: a^b by squaring in the base's modular
 *   arithmetic (numpy's wrap-around); b < 0 gives the truncated real result
 *   (1 for a = 1, +-1 for a = -1, else 0; kiln defines 0^-n = 0).
 * - integer base, float exponent: kiln_powf((float)a, b) truncated toward zero
 *   (ONNX Runtime's cast), NaN -> 0, beyond the type's range saturated;
 *   exact while |a| and the result stay below 2^24. */
void kiln_pow_f32_i32_ref(const kiln_pow_params_t* p, const float* a,
                          const int32_t* b, float* y);
void kiln_pow_f32_i64_ref(const kiln_pow_params_t* p, const float* a,
                          const int64_t* b, float* y);
void kiln_pow_u8_ref(const kiln_pow_params_t* p, const uint8_t* a,
                     const uint8_t* b, uint8_t* y);
void kiln_pow_u8_f32_ref(const kiln_pow_params_t* p, const uint8_t* a,
                         const float* b, uint8_t* y);
void kiln_pow_u8_i32_ref(const kiln_pow_params_t* p, const uint8_t* a,
                         const int32_t* b, uint8_t* y);
void kiln_pow_u8_i64_ref(const kiln_pow_params_t* p, const uint8_t* a,
                         const int64_t* b, uint8_t* y);
void kiln_pow_i8_ref(const kiln_pow_params_t* p, const int8_t* a,
                     const int8_t* b, int8_t* y);
void kiln_pow_i8_f32_ref(const kiln_pow_params_t* p, const int8_t* a,
                         const float* b, int8_t* y);
void kiln_pow_i8_i32_ref(const kiln_pow_params_t* p, const int8_t* a,
                         const int32_t* b, int8_t* y);
void kiln_pow_i8_i64_ref(const kiln_pow_params_t* p, const int8_t* a,
                         const int64_t* b, int8_t* y);
void kiln_pow_i16_ref(const kiln_pow_params_t* p, const int16_t* a,
                      const int16_t* b, int16_t* y);
void kiln_pow_i16_f32_ref(const kiln_pow_params_t* p, const int16_t* a,
                          const float* b, int16_t* y);
void kiln_pow_i16_i32_ref(const kiln_pow_params_t* p, const int16_t* a,
                          const int32_t* b, int16_t* y);
void kiln_pow_i16_i64_ref(const kiln_pow_params_t* p, const int16_t* a,
                          const int64_t* b, int16_t* y);
void kiln_pow_i32_ref(const kiln_pow_params_t* p, const int32_t* a,
                      const int32_t* b, int32_t* y);
void kiln_pow_i32_f32_ref(const kiln_pow_params_t* p, const int32_t* a,
                          const float* b, int32_t* y);
void kiln_pow_i32_i64_ref(const kiln_pow_params_t* p, const int32_t* a,
                          const int64_t* b, int32_t* y);
void kiln_pow_i64_ref(const kiln_pow_params_t* p, const int64_t* a,
                      const int64_t* b, int64_t* y);
void kiln_pow_i64_f32_ref(const kiln_pow_params_t* p, const int64_t* a,
                          const float* b, int64_t* y);
void kiln_pow_i64_i32_ref(const kiln_pow_params_t* p, const int64_t* a,
                          const int32_t* b, int64_t* y);

size_t kiln_pow_f32_i32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_f32_i64_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_u8_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_u8_f32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_u8_i32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_u8_i64_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i8_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i8_f32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i8_i32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i8_i64_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i16_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i16_f32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i16_i32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i16_i64_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i32_f32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i32_i64_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i64_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i64_f32_ref_scratch_bytes(const kiln_pow_params_t* p);
size_t kiln_pow_i64_i32_ref_scratch_bytes(const kiln_pow_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_POW_H_ */
