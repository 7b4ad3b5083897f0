/* PULP cluster int8 fully-connected layer: the twin of
 * kiln_fully_connected_s8_ref (same params, same bits), called by core 0, SPMD
 * on every core of the cluster (kiln/pulp/common.h). It is run as a 1x1
 * convolution over a 1 x batch image (kiln/pulp/conv2d_s8.h): the same L1
 * tiling and 4x2 register blocks, and for batch 1 the CHANNELS axis (each core
 * a run of output features). Design: docs/pulp_kernels.md. */
#ifndef KILN_PULP_FULLY_CONNECTED_S8_H_
#define KILN_PULP_FULLY_CONNECTED_S8_H_

#include "kiln/pulp/common.h"
#include "kiln/ref/fully_connected_s8.h"

KILN_EXTERN_C_BEGIN

void kiln_fully_connected_s8_pulp(const kiln_fully_connected_s8_params_t* p,
                                  const int8_t* input, const int8_t* weights,
                                  const int32_t* bias, int8_t* output);

KILN_EXTERN_C_END

#endif /* KILN_PULP_FULLY_CONNECTED_S8_H_ */
