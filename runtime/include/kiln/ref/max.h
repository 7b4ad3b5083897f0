/* Float32 reference elementwise max with numpy broadcasting up to KILN_MAX_DIMS
 * and a fused activation clamp: y = clamp(max(a, b); NaN in either input gives
 * NaN, as ONNX Runtime's Max). */
#ifndef KILN_REF_MAX_H_
#define KILN_REF_MAX_H_

#include "kiln/ref/broadcast.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef kiln_broadcast_params_t kiln_max_params_t;

/* a, b, y dense row-major with the shapes in p (see kiln/ref/broadcast.h). y
 * may alias an input only if that input has the output's full shape. */
void kiln_max_f32_ref(const kiln_max_params_t* p, const float* a,
                      const float* b, float* y);

size_t kiln_max_f32_ref_scratch_bytes(const kiln_max_params_t* p);

/* Integer variants (u8; i8, i16, i32, i64: plain two's-complement integers,
 * not the quantized s8 kernels): y = max(a, b).
 * Same shapes and aliasing rule as above; act_min/act_max are ignored. */
void kiln_max_u8_ref(const kiln_max_params_t* p, const uint8_t* a,
                     const uint8_t* b, uint8_t* y);
void kiln_max_i8_ref(const kiln_max_params_t* p, const int8_t* a,
                     const int8_t* b, int8_t* y);
void kiln_max_i16_ref(const kiln_max_params_t* p, const int16_t* a,
                      const int16_t* b, int16_t* y);
void kiln_max_i32_ref(const kiln_max_params_t* p, const int32_t* a,
                      const int32_t* b, int32_t* y);
void kiln_max_i64_ref(const kiln_max_params_t* p, const int64_t* a,
                      const int64_t* b, int64_t* y);

size_t kiln_max_u8_ref_scratch_bytes(const kiln_max_params_t* p);
size_t kiln_max_i8_ref_scratch_bytes(const kiln_max_params_t* p);
size_t kiln_max_i16_ref_scratch_bytes(const kiln_max_params_t* p);
size_t kiln_max_i32_ref_scratch_bytes(const kiln_max_params_t* p);
size_t kiln_max_i64_ref_scratch_bytes(const kiln_max_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_MAX_H_ */
