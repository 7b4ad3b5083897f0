/* PULP cluster int8 2-D average pooling: the twin of kiln_avgpool2d_s8_ref
 * (kiln/ref/avgpool2d_s8.h), same signature, params and bits, for the cluster
 * (kiln/pulp/common.h: called by core 0, forks every core). Design:
 * docs/pulp_kernels.md. */
#ifndef KILN_PULP_AVGPOOL2D_S8_H_
#define KILN_PULP_AVGPOOL2D_S8_H_

#include "kiln/pulp/common.h"
#include "kiln/ref/avgpool2d_s8.h"

KILN_EXTERN_C_BEGIN

void kiln_avgpool2d_s8_pulp(const kiln_avgpool2d_s8_params_t* p,
                            const int8_t* input, int8_t* output);

KILN_EXTERN_C_END

#endif /* KILN_PULP_AVGPOOL2D_S8_H_ */
