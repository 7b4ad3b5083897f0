/* Integer reference Clip (u8; i8, i16, i32, i64: plain integers, not the
 * quantized s8 kernels): y = min(max(x, min), max), in that order, so min > max
 * gives max everywhere (ONNX's rule). Float Clip is kiln_unary_f32_ref's clip.
 */
#ifndef KILN_REF_CLIP_H_
#define KILN_REF_CLIP_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_clip_params_t {
  int64_t min;   /* lower bound, within the element type's range */
  int64_t max;   /* upper bound, within the element type's range */
  int32_t count; /* number of elements */
} kiln_clip_params_t;

/* x and y dense, count elements; y may alias x. */
void kiln_clip_u8_ref(const kiln_clip_params_t* p, const uint8_t* x,
                      uint8_t* y);
void kiln_clip_i8_ref(const kiln_clip_params_t* p, const int8_t* x, int8_t* y);
void kiln_clip_i16_ref(const kiln_clip_params_t* p, const int16_t* x,
                       int16_t* y);
void kiln_clip_i32_ref(const kiln_clip_params_t* p, const int32_t* x,
                       int32_t* y);
void kiln_clip_i64_ref(const kiln_clip_params_t* p, const int64_t* x,
                       int64_t* y);

size_t kiln_clip_u8_ref_scratch_bytes(const kiln_clip_params_t* p);
size_t kiln_clip_i8_ref_scratch_bytes(const kiln_clip_params_t* p);
size_t kiln_clip_i16_ref_scratch_bytes(const kiln_clip_params_t* p);
size_t kiln_clip_i32_ref_scratch_bytes(const kiln_clip_params_t* p);
size_t kiln_clip_i64_ref_scratch_bytes(const kiln_clip_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_CLIP_H_ */
