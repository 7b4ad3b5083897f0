/* Int8 reference N-D pad (rank up to KILN_MAX_DIMS) with ONNX's constant,
 * reflect and edge modes; constant mode fills with an int8 value, normally the
 * zero point (real 0). */
#ifndef KILN_REF_PAD_S8_H_
#define KILN_REF_PAD_S8_H_

#include "kiln/ref/pad.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_pad_s8_params_t {
  int32_t rank;                     /* 1..KILN_MAX_DIMS */
  int32_t in_shape[KILN_MAX_DIMS];  /* input shape */
  int32_t pad_begin[KILN_MAX_DIMS]; /* elements added before (may be < 0) */
  int32_t pad_end[KILN_MAX_DIMS];   /* elements added after (may be < 0) */
  int32_t mode;                     /* kiln_pad_mode_t (kiln/ref/pad.h) */
  int32_t value; /* constant fill: the zero point, or ONNX's constant_value
                    quantized with the tensor's scale; [-128, 127] */
} kiln_pad_s8_params_t;

/* Same indexing as kiln_pad_f32_ref; the scale is unchanged. */
void kiln_pad_s8_ref(const kiln_pad_s8_params_t* p, const int8_t* x, int8_t* y);

size_t kiln_pad_s8_ref_scratch_bytes(const kiln_pad_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_PAD_S8_H_ */
