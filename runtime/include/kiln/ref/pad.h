/* Float32 reference N-D pad (rank up to KILN_MAX_DIMS) with ONNX's constant,
 * reflect and edge modes. Negative pads crop, as ONNX allows. */
#ifndef KILN_REF_PAD_H_
#define KILN_REF_PAD_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef enum kiln_pad_mode_t {
  KILN_PAD_CONSTANT = 0, /* out-of-range elements are `value` */
  KILN_PAD_REFLECT =
      1, /* mirror without repeating the edge: x[1], x[0] | x[0]... */
  KILN_PAD_EDGE = 2 /* repeat the edge element */
} kiln_pad_mode_t;

typedef struct kiln_pad_params_t {
  int32_t rank;                     /* 1..KILN_MAX_DIMS */
  int32_t in_shape[KILN_MAX_DIMS];  /* input shape */
  int32_t pad_begin[KILN_MAX_DIMS]; /* elements added before (may be < 0) */
  int32_t pad_end[KILN_MAX_DIMS];   /* elements added after (may be < 0) */
  int32_t mode;                     /* kiln_pad_mode_t */
  float value;                      /* constant mode's fill value */
} kiln_pad_params_t;

/* Output shape: in_shape[d] + pad_begin[d] + pad_end[d]. Reflect needs
 * in_shape[d] >= 2 where it pads (ONNX requires pads < in_shape); larger pads
 * keep reflecting. */
void kiln_pad_f32_ref(const kiln_pad_params_t* p, const float* x, float* y);

size_t kiln_pad_f32_ref_scratch_bytes(const kiln_pad_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_PAD_H_ */
