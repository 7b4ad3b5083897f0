/* Float32 reference 2-D spatial resize of an NHWC tensor (ONNX Resize on H and
 * W): nearest with ONNX's rounding modes, or bilinear, under the half_pixel,
 * asymmetric, align_corners, pytorch_half_pixel and tf_half_pixel_for_nn
 * coordinate modes. */
#ifndef KILN_REF_RESIZE_H_
#define KILN_REF_RESIZE_H_

#include "kiln/types.h"

KILN_EXTERN_C_BEGIN

typedef enum kiln_resize_mode_t {
  KILN_RESIZE_NEAREST = 0,
  KILN_RESIZE_LINEAR = 1
} kiln_resize_mode_t;

typedef enum kiln_resize_coord_t {
  KILN_RESIZE_HALF_PIXEL = 0,    /* (o + 0.5) / scale - 0.5 */
  KILN_RESIZE_ASYMMETRIC = 1,    /* o / scale */
  /* o * (in - 1) / (in * scale - 1), 0 if in * scale == 1: ONNX's reference
   * takes the resized length as in * scale, fractional when `scales` does not
   * divide evenly (ONNX Runtime takes out; they agree when in * scale == out) */
  KILN_RESIZE_ALIGN_CORNERS = 2,
  KILN_RESIZE_PYTORCH_HALF_PIXEL = 3,  /* half_pixel, but 0 if out == 1 */
  KILN_RESIZE_TF_HALF_PIXEL_FOR_NN = 4 /* (o + 0.5) / scale */
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
} kiln_resize_params_t;

/* Coordinates are computed in float as ONNX Runtime does. Nearest rounds by
 * nearest_mode, then clamps the index into [0, in - 1]. Linear clamps the
 * source coordinate into [0, in - 1] and blends the two neighbours per axis
 * (ONNX Runtime's weights; equal neighbours at the border get 0.5 each). */
void kiln_resize_f32_ref(const kiln_resize_params_t* p, const float* x,
                         float* y);

size_t kiln_resize_f32_ref_scratch_bytes(const kiln_resize_params_t* p);

KILN_EXTERN_C_END

#endif /* KILN_REF_RESIZE_H_ */
