/* Float32 reference elementwise unary activations and math ops. Design choice:
 * ONE kernel, kiln_unary_f32_ref, selected by an op enum in its params
 * (unary_f32.cc), not one file per op: the ops share the loop, the fused clamp
 * and the scratch function, and the compiler maps ONNX op types to one enum
 * instead of a dozen entry points. */
#ifndef KILN_REF_UNARY_H_
#define KILN_REF_UNARY_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

/* Each op is followed by the clamp [act_min, act_max] (-inf/+inf for none). */
typedef enum kiln_unary_op_t {
  KILN_UNARY_IDENTITY = 0,     /* y = x (with act_min/max: ONNX Clip, ReLU6) */
  KILN_UNARY_RELU = 1,         /* y = max(x, 0); NaN stays NaN like ORT */
  KILN_UNARY_LEAKY_RELU = 2,   /* y = x >= 0 ? x : alpha * x */
  KILN_UNARY_SIGMOID = 3,      /* y = 1 / (1 + exp(-x)) (kiln_sigmoidf) */
  KILN_UNARY_TANH = 4,         /* kiln_tanhf */
  KILN_UNARY_HARD_SIGMOID = 5, /* y = max(0, min(1, alpha * x + beta)) */
  KILN_UNARY_HARD_SWISH = 6,   /* y = x * max(0, min(1, alpha * x + beta)),
                                  ONNX: alpha = 1/6, beta = 0.5 */
  KILN_UNARY_EXP = 7,          /* kiln_expf */
  KILN_UNARY_LOG = 8,          /* kiln_logf */
  KILN_UNARY_SQRT = 9,         /* kiln_sqrtf */
  KILN_UNARY_NEG = 10,         /* y = -x */
  KILN_UNARY_ABS = 11,         /* y = |x| (clears the sign bit, also of NaN) */
  KILN_UNARY_ERF = 12,         /* kiln_erff */
  KILN_UNARY_CLIP = 13         /* IDENTITY spelled as Clip: the clamp does it */
} kiln_unary_op_t;

typedef struct kiln_unary_params_t {
  int32_t op;    /* kiln_unary_op_t */
  int32_t count; /* number of elements */
  float alpha;   /* leaky_relu slope; hard_sigmoid/hard_swish alpha; else 0 */
  float beta;    /* hard_sigmoid/hard_swish beta; else 0 */
  float act_min; /* clamp after the op (Clip min), -inf for none */
  float act_max; /* clamp after the op (Clip max), +inf for none */
} kiln_unary_params_t;

/* x and y have `count` elements; y may equal x (in place). */
void kiln_unary_f32_ref(const kiln_unary_params_t* p, const float* x, float* y);

size_t kiln_unary_f32_ref_scratch_bytes(const kiln_unary_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_UNARY_H_ */
