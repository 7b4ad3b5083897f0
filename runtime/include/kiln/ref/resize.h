/* Float32 reference 2-D spatial resize of an NHWC tensor (ONNX Resize on H and
 * W): nearest with ONNX's rounding modes, bilinear or bicubic, under the
 * half_pixel, asymmetric, align_corners, pytorch_half_pixel,
 * tf_half_pixel_for_nn and tf_crop_and_resize coordinate modes. */
#ifndef KILN_REF_RESIZE_H_
#define KILN_REF_RESIZE_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef enum kiln_resize_mode_t {
  KILN_RESIZE_NEAREST = 0,
  KILN_RESIZE_LINEAR = 1,
  KILN_RESIZE_CUBIC = 2
} kiln_resize_mode_t;

typedef enum kiln_resize_coord_t {
  KILN_RESIZE_HALF_PIXEL = 0,    /* (o + 0.5) / scale - 0.5 */
  KILN_RESIZE_ASYMMETRIC = 1,    /* o / scale */
  /* o * (in - 1) / (in * scale - 1), 0 if in * scale == 1: ONNX's reference
   * takes the resized length as in * scale, fractional when `scales` does not
   * divide evenly (ONNX Runtime takes out; they agree when in * scale == out) */
  KILN_RESIZE_ALIGN_CORNERS = 2,
  KILN_RESIZE_PYTORCH_HALF_PIXEL = 3,   /* half_pixel, but 0 if out == 1 */
  KILN_RESIZE_TF_HALF_PIXEL_FOR_NN = 4, /* (o + 0.5) / scale */
  /* roi_start * (in - 1) + o * (roi_end - roi_start) * (in - 1) / (out - 1),
   * (roi_start + roi_end) / 2 * (in - 1) if out == 1; an output whose source
   * lies outside [0, in - 1] on either axis is extrapolation_value */
  KILN_RESIZE_TF_CROP_AND_RESIZE = 5
} kiln_resize_coord_t;

typedef enum kiln_resize_nearest_t {
  KILN_RESIZE_ROUND_PREFER_FLOOR = 0, /* ONNX default */
  KILN_RESIZE_ROUND_PREFER_CEIL = 1,
  KILN_RESIZE_FLOOR = 2,
  KILN_RESIZE_CEIL = 3,
  /* ONNX Resize-10 and Upsample (no nearest_mode): per axis, ceil when the
   * axis shrinks (scale < 1), else floor, as ONNX Runtime does */
  KILN_RESIZE_SIMPLE = 4
} kiln_resize_nearest_t;

typedef struct kiln_resize_params_t {
  int32_t batch;        /* N */
  int32_t in_h;         /* input height */
  int32_t in_w;         /* input width */
  int32_t channels;     /* C */
  int32_t out_h;        /* output height */
  int32_t out_w;        /* output width */
  int32_t mode;         /* kiln_resize_mode_t */
  int32_t coord_mode;   /* kiln_resize_coord_t */
  int32_t nearest_mode; /* kiln_resize_nearest_t (nearest only) */
  float scale_h;        /* ONNX scale: `scales` if given, else out_h / in_h */
  float scale_w;        /* same for width */
  float cubic_a;        /* cubic only: ONNX cubic_coeff_a (-0.75 default) */
  int32_t exclude_outside; /* cubic only: 1 = taps outside the input weigh 0,
                              the others are renormalised to sum 1 */
  float roi_start_h;    /* tf_crop_and_resize only: the crop box, as fractions */
  float roi_end_h;      /* of the input extent (ONNX roi of the H axis) */
  float roi_start_w;    /* same for width */
  float roi_end_w;
  float extrapolation_value; /* tf_crop_and_resize only */
} kiln_resize_params_t;

/* Coordinates are computed in float as ONNX Runtime does. Nearest rounds by
 * nearest_mode, then clamps the index into [0, in - 1]. Linear clamps the
 * source coordinate into [0, in - 1] and blends the two neighbours per axis
 * (ONNX Runtime's weights; equal neighbours at the border get 0.5 each).
 * Cubic blends the 4 taps floor(s) - 1 .. floor(s) + 2 per axis with Keys'
 * cubic convolution weights for `cubic_a` at distances 1 + t, t, 1 - t, 2 - t
 * (t = s - floor(s)); taps outside the input read the border element (or
 * drop out, exclude_outside). Separable: each of the 4 rows is blended along
 * W first, then the rows along H. */
void kiln_resize_f32_ref(const kiln_resize_params_t* p, const float* x,
                         float* y);

size_t kiln_resize_f32_ref_scratch_bytes(const kiln_resize_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_RESIZE_H_ */
