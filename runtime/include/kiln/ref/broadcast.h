/* Parameters shared by the numpy-broadcasting binary kernels (add, sub, mul,
 * div, prelu): one struct, so the compiler fills all of them with one routine.
 */
#ifndef KILN_REF_BROADCAST_H_
#define KILN_REF_BROADCAST_H_

#include "kiln/types.h"

/* Shapes are right-aligned to `rank` by the compiler (numpy rules): an input
 * dimension is either equal to the output's or 1 (broadcast). Unused trailing
 * entries are 0. All tensors are dense row-major; the output is never aliased
 * with a broadcast input. */
typedef struct kiln_broadcast_params_t {
  int32_t rank;                     /* 1..KILN_MAX_DIMS */
  int32_t out_shape[KILN_MAX_DIMS]; /* output shape */
  int32_t a_shape[KILN_MAX_DIMS];   /* first input's shape (1 = broadcast) */
  int32_t b_shape[KILN_MAX_DIMS];   /* second input's shape (1 = broadcast) */
  float act_min;                    /* fused activation clamp, -inf for none */
  float act_max;                    /* fused activation clamp, +inf for none */
} kiln_broadcast_params_t;

#endif /* KILN_REF_BROADCAST_H_ */
