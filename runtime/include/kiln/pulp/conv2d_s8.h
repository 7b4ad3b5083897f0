/* PULP cluster int8 2-D convolution: the twin of kiln_conv2d_s8_ref (same
 * params, same bits), called by core 0, SPMD on every core of the cluster
 * (kiln/pulp/common.h). Design: docs/pulp_kernels.md. */
#ifndef KILN_PULP_CONV2D_S8_H_
#define KILN_PULP_CONV2D_S8_H_

#include "kiln/pulp/common.h"
#include "kiln/ref/conv2d_s8.h"

KILN_EXTERN_C_BEGIN

/* How a layer is run (kiln_conv2d_s8_pulp_plan). */
typedef enum kiln_pulp_conv_path_t {
  /* groups == 1 and a tile fits L1: weights, an input band and an output band
   * staged in L1, 4-channel x 2-pixel register blocks of cv.sdotsp.b. */
  KILN_PULP_CONV_TILED = 0,
  /* groups > 1, or even a 4-channel, 1-row tile does not fit L1: every core
   * computes its output pixels straight from L2 (correct, slow). */
  KILN_PULP_CONV_GENERIC = 1
} kiln_pulp_conv_path_t;

/* The parallel axis of a band of output pixels (chosen per band):
 * - PIXELS: each core takes a contiguous run of the band's output pixels
 *   (row-major, so whole output rows when the band is wide) and all channels
 *   of the weight tile: no work is repeated, every core im2cols only its own
 *   pixels. The default whenever the band has enough pixels to share.
 * - CHANNELS: each core takes a run of 4-channel blocks of the weight tile and
 *   every pixel of the band: for bands with fewer pixels than cores need
 *   (fully-connected layers, batch 1; tiny late feature maps), at the price of
 *   every core im2col-ing every pixel. */
typedef enum kiln_pulp_conv_axis_t {
  KILN_PULP_AXIS_PIXELS = 0,
  KILN_PULP_AXIS_CHANNELS = 1
} kiln_pulp_conv_axis_t;

typedef struct kiln_pulp_conv_plan_t {
  kiln_pulp_conv_path_t path;
  int32_t k;          /* reduction length kernel_h * kernel_w * in_c / groups */
  int32_t k_padded;   /* k rounded up to a word: the dot products' length */
  int32_t row_stride; /* L1 bytes between weight rows / windows (odd words) */
  int32_t oc_tile;    /* output channels per weight tile in L1 */
  int32_t band_rows;  /* output rows per band */
  int32_t direct;     /* 1: kernel rows read in place (no im2col) when inside */
  kiln_pulp_conv_axis_t axis; /* axis of the first band */
  int32_t l1_bytes;   /* L1 workspace used */
} kiln_pulp_conv_plan_t;

/* Same contract as kiln_conv2d_s8_ref: input, weights, bias and output in L2
 * (or anywhere readable by the DMA). Core 0 only; forks the cluster. */
void kiln_conv2d_s8_pulp(const kiln_conv2d_s8_params_t* p, const int8_t* input,
                         const int8_t* weights, const int32_t* bias,
                         int8_t* output);

/* The plan kiln_conv2d_s8_pulp uses for p on `cores` cores (for benches,
 * tests and reports). */
void kiln_conv2d_s8_pulp_plan(const kiln_conv2d_s8_params_t* p, int32_t cores,
                              kiln_pulp_conv_plan_t* plan);

KILN_EXTERN_C_END

#endif /* KILN_PULP_CONV2D_S8_H_ */
