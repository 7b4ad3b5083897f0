// Float32 reference 2-D resize, NHWC (see kiln/ref/resize.h). Source
// coordinates are recomputed per output row/column (cheap next to the channel
// loop).
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

float SourceCoord(int32_t coord_mode, int32_t o, float scale, int32_t in_len,
                  int32_t out_len) {
  const float of = (float)o;
  switch (coord_mode) {
    case KILN_RESIZE_ASYMMETRIC:
      return of / scale;
    case KILN_RESIZE_ALIGN_CORNERS: {
      const float len = (float)in_len * scale;  // ONNX's resized length
      return (out_len == 1 || len == 1.0f)
                 ? 0.0f
                 : of * (float)(in_len - 1) / (len - 1.0f);
    }
    case KILN_RESIZE_PYTORCH_HALF_PIXEL:
      return (out_len > 1) ? (of + 0.5f) / scale - 0.5f : 0.0f;
    case KILN_RESIZE_TF_HALF_PIXEL_FOR_NN:
      return (of + 0.5f) / scale;
    case KILN_RESIZE_HALF_PIXEL:
    default:
      return (of + 0.5f) / scale - 0.5f;
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

// Linear taps of one axis: the two neighbours and their weights (ORT's scheme).
struct Taps {
  int32_t i1, i2;
  float w1, w2;  // weight of i1, weight of i2
};

Taps LinearTaps(float v, int32_t in_len) {
  const float hi = (float)(in_len - 1);
  v = (v < 0.0f) ? 0.0f : v;
  v = (v > hi) ? hi : v;
  Taps t;
  t.i1 = (int32_t)v;
  if (t.i1 > in_len - 1) t.i1 = in_len - 1;
  t.i2 = (t.i1 + 1 < in_len) ? t.i1 + 1 : in_len - 1;
  float d1 = v - (float)t.i1;  // distance to i1 (>= 0)
  float d2 = (float)t.i2 - v;  // distance to i2 (>= 0)
  if (t.i1 == t.i2) {
    d1 = 0.5f;
    d2 = 0.5f;
  }
  t.w1 = d2;  // the nearer neighbour gets the larger weight
  t.w2 = d1;
  return t;
}

}  // namespace

extern "C" void kiln_resize_f32_ref(const kiln_resize_params_t* p,
                                    const float* x, float* y) {
  const int32_t c_n = p->channels;
  for (int32_t n = 0; n < p->batch; ++n) {
    const float* xn = x + (ptrdiff_t)n * p->in_h * p->in_w * c_n;
    for (int32_t oy = 0; oy < p->out_h; ++oy) {
      const float sy =
          SourceCoord(p->coord_mode, oy, p->scale_h, p->in_h, p->out_h);
      for (int32_t ox = 0; ox < p->out_w; ++ox) {
        const float sx =
            SourceCoord(p->coord_mode, ox, p->scale_w, p->in_w, p->out_w);
        if (p->mode == KILN_RESIZE_NEAREST) {
          const int32_t iy =
              NearestIndex(p->nearest_mode, sy, p->scale_h, p->in_h);
          const int32_t ix =
              NearestIndex(p->nearest_mode, sx, p->scale_w, p->in_w);
          const float* src = xn + ((ptrdiff_t)iy * p->in_w + ix) * c_n;
          for (int32_t c = 0; c < c_n; ++c) y[c] = src[c];
        } else {
          const Taps ty = LinearTaps(sy, p->in_h);
          const Taps tx = LinearTaps(sx, p->in_w);
          const float* r1 = xn + (ptrdiff_t)ty.i1 * p->in_w * c_n;
          const float* r2 = xn + (ptrdiff_t)ty.i2 * p->in_w * c_n;
          const float w11 = tx.w1 * ty.w1, w21 = tx.w2 * ty.w1;
          const float w12 = tx.w1 * ty.w2, w22 = tx.w2 * ty.w2;
          const ptrdiff_t c1 = (ptrdiff_t)tx.i1 * c_n,
                          c2 = (ptrdiff_t)tx.i2 * c_n;
          for (int32_t c = 0; c < c_n; ++c) {
            y[c] = w11 * r1[c1 + c] + w21 * r1[c2 + c] + w12 * r2[c1 + c] +
                   w22 * r2[c2 + c];
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
