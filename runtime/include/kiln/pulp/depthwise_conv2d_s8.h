/* PULP cluster int8 depthwise 2-D convolution: the twin of
 * kiln_depthwise_conv2d_s8_ref (kiln/ref/depthwise_conv2d_s8.h), same
 * signature, params and bits, for the cluster (kiln/pulp/common.h: called by
 * core 0, forks every core). Design: docs/pulp_kernels.md. */
#ifndef KILN_PULP_DEPTHWISE_CONV2D_S8_H_
#define KILN_PULP_DEPTHWISE_CONV2D_S8_H_

#include "kiln/pulp/common.h"
#include "kiln/ref/depthwise_conv2d_s8.h"

KILN_EXTERN_C_BEGIN

void kiln_depthwise_conv2d_s8_pulp(const kiln_depthwise_conv2d_s8_params_t* p,
                                   const int8_t* input, const int8_t* weights,
                                   const int32_t* bias, int8_t* output);

KILN_EXTERN_C_END

#endif /* KILN_PULP_DEPTHWISE_CONV2D_S8_H_ */
