/* Float32 reference reduction (mean, max, min, sum, prod) over any set of axes
 * of an N-D tensor (rank up to KILN_MAX_DIMS). keepdims does not change the
 * element order, so it is the compiler's business. */
#ifndef KILN_REF_REDUCE_H_
#define KILN_REF_REDUCE_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef enum kiln_reduce_op_t {
  KILN_REDUCE_SUM = 0,
  KILN_REDUCE_MEAN = 1, /* sum / count */
  KILN_REDUCE_MAX = 2,  /* NaN propagates */
  KILN_REDUCE_MIN = 3,  /* NaN propagates */
  KILN_REDUCE_PROD = 4
} kiln_reduce_op_t;

typedef struct kiln_reduce_params_t {
  int32_t rank;                    /* 1..KILN_MAX_DIMS */
  int32_t in_shape[KILN_MAX_DIMS]; /* input shape */
  int32_t axes_mask;               /* bit d set: dimension d is reduced */
  int32_t op;                      /* kiln_reduce_op_t */
} kiln_reduce_params_t;

/* Output: the input shape without the reduced dims, row-major. Each output
 * combines its reduced elements in row-major input order, in float, starting
 * from the first element. An empty axes_mask copies. */
void kiln_reduce_f32_ref(const kiln_reduce_params_t* p, const float* x,
                         float* y);

size_t kiln_reduce_f32_ref_scratch_bytes(const kiln_reduce_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_REDUCE_H_ */
