// Integer reference broadcasting min (see kiln/ref/min.h): one template
// instance per element type over the typed broadcast iterator (internal_int.h).
#include "kiln/ref/min.h"
#include "runtime/kernels/ref/internal_int.h"

namespace {
struct Op {
  template <typename T>
  T operator()(T a, T b) const {
    return kiln_internal::IntMin(a, b);
  }
};
}  // namespace

#define KILN_MIN_INT(tag, T)                                                   \
  extern "C" void kiln_min_##tag##_ref(const kiln_min_params_t* p, const T* a, \
                                       const T* b, T* y) {                     \
    kiln_internal::BroadcastBinaryTyped(p, a, b, y, Op());                     \
  }                                                                            \
  extern "C" size_t kiln_min_##tag##_ref_scratch_bytes(                        \
      const kiln_min_params_t* p) {                                            \
    (void)p;                                                                   \
    return 0;                                                                  \
  }

KILN_MIN_INT(u8, uint8_t)
KILN_MIN_INT(i8, int8_t)
KILN_MIN_INT(i16, int16_t)
KILN_MIN_INT(i32, int32_t)
KILN_MIN_INT(i64, int64_t)

#undef KILN_MIN_INT
