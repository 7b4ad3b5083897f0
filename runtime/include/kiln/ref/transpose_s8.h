/* Int8 reference transpose: the permutation of kiln/ref/transpose.h on int8
 * values. Output and input share scale and zero point (the values are only
 * moved), so an int8 model keeps its layout transposes (e.g. NHWC -> NCHW
 * before a Flatten) in int8 instead of dequantizing around them. */
#ifndef KILN_REF_TRANSPOSE_S8_H_
#define KILN_REF_TRANSPOSE_S8_H_

#include "kiln/ref/transpose.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

/* Writes the output in row-major order. x and y must not overlap. */
void kiln_transpose_s8_ref(const kiln_transpose_params_t* p, const int8_t* x,
                           int8_t* y);

size_t kiln_transpose_s8_ref_scratch_bytes(const kiln_transpose_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_TRANSPOSE_S8_H_ */
