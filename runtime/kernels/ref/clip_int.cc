// Integer reference Clip (see kiln/ref/clip.h), one instance per element type.
#include "kiln/ref/clip.h"

namespace {

template <typename T>
void Clip(const kiln_clip_params_t* p, const T* x, T* y) {
  // The compiler keeps the bounds within T's range, so the casts are exact.
  const T lo = (T)p->min;
  const T hi = (T)p->max;
  for (int32_t i = 0; i < p->count; ++i) {
    T v = x[i];
    v = (v < lo) ? lo : v;
    v = (hi < v) ? hi : v;
    y[i] = v;
  }
}

}  // namespace

#define KILN_CLIP_INT(tag, T)                                        \
  extern "C" void kiln_clip_##tag##_ref(const kiln_clip_params_t* p, \
                                        const T* x, T* y) {          \
    Clip(p, x, y);                                                   \
  }                                                                  \
  extern "C" size_t kiln_clip_##tag##_ref_scratch_bytes(             \
      const kiln_clip_params_t* p) {                                 \
    (void)p;                                                         \
    return 0;                                                        \
  }

KILN_CLIP_INT(u8, uint8_t)
KILN_CLIP_INT(i8, int8_t)
KILN_CLIP_INT(i16, int16_t)
KILN_CLIP_INT(i32, int32_t)
KILN_CLIP_INT(i64, int64_t)

#undef KILN_CLIP_INT
