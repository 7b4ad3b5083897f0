// Float32 reference 2-D resize, NHWC (see kiln/ref/resize.h). Source
// coordinates and taps are recomputed per output row/column (cheap next to the
// channel loop).
#include "kiln/ref/resize.h"
#include "runtime/kernels/ref/internal.h"

namespace {

// floor for the small magnitudes of resize coordinates (|v| < 2^31).
inline float Floor(float v) {
  const float t = (float)(int32_t)v;
  return (t > v) ? t - 1.0f : t;
}
inline float Ceil(float v) {
  const float t = (float)(int32_t)v;
  return (t < v) ? t + 1.0f : t;
}
// C's roundf: half away from zero.
inline float Round(float v) {
  return (v < 0.0f) ? -Floor(-v + 0.5f) : Floor(v + 0.5f);
}

// One axis of the coordinate transform: the output length, ONNX's scale and,
// for tf_crop_and_resize, the crop box.
struct Axis {
  int32_t in_len, out_len;
  float scale, roi_start, roi_end;
};

float SourceCoord(int32_t coord_mode, int32_t o, const Axis& a) {
  const float of = (float)o;
  switch (coord_mode) {
    case KILN_RESIZE_ASYMMETRIC:
      return of / a.scale;
    case KILN_RESIZE_ALIGN_CORNERS: {
      const float len = (float)a.in_len * a.scale;  // ONNX's resized length
      return (a.out_len == 1 || len == 1.0f)
                 ? 0.0f
                 : of * (float)(a.in_len - 1) / (len - 1.0f);
    }
    case KILN_RESIZE_PYTORCH_HALF_PIXEL:
      return (a.out_len > 1) ? (of + 0.5f) / a.scale - 0.5f : 0.0f;
    case KILN_RESIZE_TF_HALF_PIXEL_FOR_NN:
      return (of + 0.5f) / a.scale;
    case KILN_RESIZE_TF_CROP_AND_RESIZE: {
      // ONNX Runtime's order of operations.
      const float span = (float)(a.in_len - 1);
      return (a.out_len > 1)
                 ? a.roi_start * span + of * (a.roi_end - a.roi_start) * span /
                                            (float)(a.out_len - 1)
                 : 0.5f * (a.roi_start + a.roi_end) * span;
    }
    case KILN_RESIZE_HALF_PIXEL:
    default:
      return (of + 0.5f) / a.scale - 0.5f;
  }
}

int32_t NearestIndex(int32_t nearest_mode, float v, float scale,
                     int32_t in_len) {
  float r;
  switch (nearest_mode) {
    case KILN_RESIZE_SIMPLE:
      r = (scale < 1.0f) ? Ceil(v) : Floor(v);
      break;
    case KILN_RESIZE_FLOOR:
      r = Floor(v);
      break;
    case KILN_RESIZE_CEIL:
      r = Ceil(v);
      break;
    case KILN_RESIZE_ROUND_PREFER_CEIL:
      // Same test as ONNX Runtime: exact .5 above the truncation rounds up.
      r = (v == (float)(int32_t)v + 0.5f) ? Ceil(v) : Round(v);
      break;
    case KILN_RESIZE_ROUND_PREFER_FLOOR:
    default:
      r = (v == (float)(int32_t)v + 0.5f) ? Floor(v) : Round(v);
      break;
  }
  int32_t i = (int32_t)r;
  if (i < 0) i = 0;
  if (i > in_len - 1) i = in_len - 1;
  return i;
}

// The taps of one axis: up to 4 input indices (clamped into the input) and
// their weights. Linear uses the first 2.
struct Taps {
  int32_t i[4];
  float w[4];
};

// Linear: the two neighbours and their weights (ORT's scheme).
Taps LinearTaps(float v, int32_t in_len) {
  const float hi = (float)(in_len - 1);
  v = (v < 0.0f) ? 0.0f : v;
  v = (v > hi) ? hi : v;
  Taps t;
  t.i[0] = (int32_t)v;
  if (t.i[0] > in_len - 1) t.i[0] = in_len - 1;
  t.i[1] = (t.i[0] + 1 < in_len) ? t.i[0] + 1 : in_len - 1;
  float d1 = v - (float)t.i[0];  // distance to i[0] (>= 0)
  float d2 = (float)t.i[1] - v;  // distance to i[1] (>= 0)
  if (t.i[0] == t.i[1]) {
    d1 = 0.5f;
    d2 = 0.5f;
  }
  t.w[0] = d2;  // the nearer neighbour gets the larger weight
  t.w[1] = d1;
  return t;
}

// Keys' cubic convolution kernel with parameter a at distance d in [0, 2].
inline float CubicWeight(float d, float a) {
  if (d <= 1.0f) return ((a + 2.0f) * d - (a + 3.0f)) * d * d + 1.0f;
  return ((a * d - 5.0f * a) * d + 8.0f * a) * d - 4.0f * a;
}

// Cubic: taps floor(v) - 1 .. floor(v) + 2; the source coordinate is not
// clamped (ONNX pads with the border element), only the indices are.
Taps CubicTaps(float v, int32_t in_len, float a, bool exclude_outside) {
  const float f = Floor(v);
  const float t = v - f;
  const int32_t i0 = (int32_t)f - 1;
  Taps taps;
  taps.w[0] = CubicWeight(1.0f + t, a);
  taps.w[1] = CubicWeight(t, a);
  taps.w[2] = CubicWeight(1.0f - t, a);
  taps.w[3] = CubicWeight(2.0f - t, a);
  float sum = 0.0f;
  for (int k = 0; k < 4; ++k) {
    int32_t i = i0 + k;
    if (exclude_outside && (i < 0 || i > in_len - 1)) taps.w[k] = 0.0f;
    sum += taps.w[k];
    taps.i[k] = (i < 0) ? 0 : (i > in_len - 1) ? in_len - 1 : i;
  }
  if (exclude_outside)
    for (int k = 0; k < 4; ++k) taps.w[k] /= sum;
  return taps;
}

bool Outside(float v, int32_t in_len) {
  return v < 0.0f || v > (float)(in_len - 1);
}

}  // namespace

extern "C" void kiln_resize_f32_ref(const kiln_resize_params_t* p,
                                    const float* x, float* y) {
  const int32_t c_n = p->channels;
  const Axis ah = {p->in_h, p->out_h, p->scale_h, p->roi_start_h,
                   p->roi_end_h};
  const Axis aw = {p->in_w, p->out_w, p->scale_w, p->roi_start_w,
                   p->roi_end_w};
  const bool crop = p->coord_mode == KILN_RESIZE_TF_CROP_AND_RESIZE;
  const bool excl = p->exclude_outside != 0;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* xn = x + (ptrdiff_t)n * p->in_h * p->in_w * c_n;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const float sy = SourceCoord(p->coord_mode, oy, ah);
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const float sx = SourceCoord(p->coord_mode, ox, aw);
        if (crop && (Outside(sy, p->in_h) || Outside(sx, p->in_w))) {
          for (int32_t c = 0; c < c_n; ++c) y[c] = p->extrapolation_value;
        } else if (p->mode == KILN_RESIZE_NEAREST) {
          const int32_t iy =
              NearestIndex(p->nearest_mode, sy, p->scale_h, p->in_h);
          const int32_t ix =
              NearestIndex(p->nearest_mode, sx, p->scale_w, p->in_w);
          const float* src = xn + ((ptrdiff_t)iy * p->in_w + ix) * c_n;
          for (int32_t c = 0; c < c_n; ++c) y[c] = src[c];
        } else if (p->mode == KILN_RESIZE_LINEAR) {
          const Taps ty = LinearTaps(sy, p->in_h);
          const Taps tx = LinearTaps(sx, p->in_w);
          const float* r1 = xn + (ptrdiff_t)ty.i[0] * p->in_w * c_n;
          const float* r2 = xn + (ptrdiff_t)ty.i[1] * p->in_w * c_n;
          const float w11 = tx.w[0] * ty.w[0], w21 = tx.w[1] * ty.w[0];
          const float w12 = tx.w[0] * ty.w[1], w22 = tx.w[1] * ty.w[1];
          const ptrdiff_t c1 = (ptrdiff_t)tx.i[0] * c_n,
                          c2 = (ptrdiff_t)tx.i[1] * c_n;
          for (int32_t c = 0; c < c_n; ++c) {
            y[c] = w11 * r1[c1 + c] + w21 * r1[c2 + c] + w12 * r2[c1 + c] +
                   w22 * r2[c2 + c];
          }
        } else {
          const Taps ty = CubicTaps(sy, p->in_h, p->cubic_a, excl);
          const Taps tx = CubicTaps(sx, p->in_w, p->cubic_a, excl);
          for (int32_t c = 0; c < c_n; ++c) {
            float acc = 0.0f;
            for (int ky = 0; ky < 4; ++ky) {
              const float* row = xn + (ptrdiff_t)ty.i[ky] * p->in_w * c_n + c;
              float r = 0.0f;
              for (int kx = 0; kx < 4; ++kx)
                r += tx.w[kx] * row[(ptrdiff_t)tx.i[kx] * c_n];
              acc += ty.w[ky] * r;
            }
            y[c] = acc;
          }
        }
        y += c_n;
      }
    }
  }
}

extern "C" size_t kiln_resize_f32_ref_scratch_bytes(
    const kiln_resize_params_t* p) {
  (void)p;
  return 0;
}
