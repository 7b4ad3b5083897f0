/* Int8 reference table lookup: any elementwise int8 -> int8 function (Sigmoid,
 * Tanh, HardSwish, HardSigmoid, Gelu, ...) through a 256-entry table that the
 * compiler computes on the host (kiln_fill_lut_s8 in kiln/quant_host.h) and
 * emits as a const array, so firmware needs no float math for them. */
#ifndef KILN_REF_LUT_S8_H_
#define KILN_REF_LUT_S8_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef struct kiln_lut_s8_params_t {
  int32_t count; /* number of elements */
} kiln_lut_s8_params_t;

/* y[i] = table[x[i] + 128]; table has 256 entries (input -128 first). The
 * table already holds quantization, activation and clamp. May run in place. */
void kiln_lut_s8_ref(const kiln_lut_s8_params_t* p, const int8_t* x,
                     const int8_t* table, int8_t* y);

size_t kiln_lut_s8_ref_scratch_bytes(const kiln_lut_s8_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_LUT_S8_H_ */
