/* PULP cluster int8 tensor requantization: the twin of kiln_requantize_s8_ref
 * (kiln/ref/requantize_s8.h), same signature, params and bits, for the cluster
 * (kiln/pulp/common.h: called by core 0, forks every core). Design:
 * docs/pulp_kernels.md. */
#ifndef KILN_PULP_REQUANTIZE_S8_H_
#define KILN_PULP_REQUANTIZE_S8_H_

#include "kiln/pulp/common.h"
#include "kiln/ref/requantize_s8.h"

KILN_EXTERN_C_BEGIN

void kiln_requantize_s8_pulp(const kiln_requantize_s8_params_t* p,
                             const int8_t* x, int8_t* y);

KILN_EXTERN_C_END

#endif /* KILN_PULP_REQUANTIZE_S8_H_ */
