/* Umbrella header of the float32 reference kernels: generated code and the
 * compiler's constant folding include this one file. */
#ifndef KILN_KERNELS_REF_H_
#define KILN_KERNELS_REF_H_

#include "kiln/ref/add.h"
#include "kiln/ref/avgpool2d.h"
#include "kiln/ref/broadcast.h"
#include "kiln/ref/concat.h"
#include "kiln/ref/conv2d.h"
#include "kiln/ref/depthwise_conv2d.h"
#include "kiln/ref/div.h"
#include "kiln/ref/fully_connected.h"
#include "kiln/ref/global_avgpool.h"
#include "kiln/ref/global_maxpool.h"
#include "kiln/ref/log_softmax.h"
#include "kiln/ref/matmul.h"
#include "kiln/ref/max.h"
#include "kiln/ref/maxpool2d.h"
#include "kiln/ref/min.h"
#include "kiln/ref/mul.h"
#include "kiln/ref/pad.h"
#include "kiln/ref/pow.h"
#include "kiln/ref/prelu.h"
#include "kiln/ref/reduce.h"
#include "kiln/ref/resize.h"
#include "kiln/ref/scale_bias.h"
#include "kiln/ref/slice.h"
#include "kiln/ref/softmax.h"
#include "kiln/ref/sub.h"
#include "kiln/ref/transpose.h"
#include "kiln/ref/unary.h"
#include "kiln/types.h"

#endif /* KILN_KERNELS_REF_H_ */
