/* Int8 reference nearest-neighbour 2-D resize, NHWC. The source row/column of
 * every output row/column comes from tables the compiler computes on the host
 * (any ONNX coordinate transform and nearest mode), so the kernel is
 * integer-only; scale and zero point are unchanged. */
#ifndef KILN_REF_RESIZE_NEAREST_S8_H_
#define KILN_REF_RESIZE_NEAREST_S8_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_resize_nearest_s8_params_t {
  int32_t batch;         /* N */
  int32_t in_h;          /* input height */
  int32_t in_w;          /* input width */
  int32_t channels;      /* C */
  int32_t out_h;         /* output height */
  int32_t out_w;         /* output width */
  const int32_t* src_y;  /* [out_h] input row of each output row, in range */
  const int32_t* src_x;  /* [out_w] input column of each output column */
} kiln_resize_nearest_s8_params_t;

/* y[n][oy][ox][c] = x[n][src_y[oy]][src_x[ox]][c]. */
void kiln_resize_nearest_s8_ref(const kiln_resize_nearest_s8_params_t* p,
                                const int8_t* x, int8_t* y);

size_t kiln_resize_nearest_s8_ref_scratch_bytes(
    const kiln_resize_nearest_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_RESIZE_NEAREST_S8_H_ */
