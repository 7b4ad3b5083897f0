/* PULP cluster float32 -> int8 quantization: the twin of kiln_quantize_s8_ref
 * (kiln/ref/quantize_s8.h), same signature, params and bits, for the cluster
 * (kiln/pulp/common.h: called by core 0, forks every core). The graph inputs of
 * an int8 model are float, and without an FPU each element costs a soft-float
 * division: spread over the cores this stops being the largest layer. */
#ifndef KILN_PULP_QUANTIZE_S8_H_
#define KILN_PULP_QUANTIZE_S8_H_

#include "kiln/pulp/common.h"
#include "kiln/ref/quantize_s8.h"

KILN_EXTERN_C_BEGIN

void kiln_quantize_s8_pulp(const kiln_quantize_s8_params_t* p, const float* x,
                           int8_t* y);

KILN_EXTERN_C_END

#endif /* KILN_PULP_QUANTIZE_S8_H_ */
