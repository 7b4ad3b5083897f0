/* Float32 2-D convolution as a matrix product: each output pixel's window is
 * copied into a row of the scratch buffer (im2col, a few rows at a time), and
 * the rows are multiplied with the weights packed K-major, a block of output
 * pixels by a block of output channels at a time. Same parameters and the same
 * summation order as kiln_conv2d_f32_ref (kiln/ref/conv2d.h); the weights are
 * re-packed by the compiler. */
#ifndef KILN_REF_CONV2D_GEMM_H_
#define KILN_REF_CONV2D_GEMM_H_

#include "kiln/ref/conv2d.h"
#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

/* Output pixels per im2col tile (and per register block of the product). */
#define KILN_CONV2D_GEMM_ROWS 4

/* input   [batch][in_h][in_w][in_c]
 * weights [groups][K][out_c / groups], K = kernel_h * kernel_w * (in_c / groups)
 *         in (ky, kx, ic) order: the OHWI weights of kiln_conv2d_f32_ref with
 *         each group's [cout_g][K] block transposed
 * bias    [out_c] or NULL
 * scratch kiln_conv2d_gemm_f32_ref_scratch_bytes(p) bytes, 4-byte aligned
 *         (NULL when that is 0)
 * output  [batch][out_h][out_w][out_c], must not overlap the input
 * Each output sums x*w over K in (ky, kx, ic) order in float, without FMA, from
 * 0.0f, then + bias, then the clamp: kiln_conv2d_f32_ref's order. Padding taps
 * add 0.0f * w instead of being skipped, which can only change the sign of a
 * zero sum (or give NaN for an infinite weight next to the padding). */
void kiln_conv2d_gemm_f32_ref(const kiln_conv2d_params_t* p, const float* input,
                              const float* weights, const float* bias,
                              float* scratch, float* output);

/* KILN_CONV2D_GEMM_ROWS * K floats; 0 for a 1x1 convolution whose windows
 * never touch the padding (its rows are read from the input in place). */
size_t kiln_conv2d_gemm_f32_ref_scratch_bytes(const kiln_conv2d_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_CONV2D_GEMM_H_ */
