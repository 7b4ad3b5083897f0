// Integer reference broadcasting max (see kiln/ref/max.h): one template
// instance per element type over the typed broadcast iterator (internal_int.h).
#include "kiln/ref/max.h"
#include "runtime/kernels/ref/internal_int.h"

namespace {
struct Op {
  template <typename T>
  T operator()(T a, T b) const {
    return kiln_internal::IntMax(a, b);
  }
};
}  // namespace

#define KILN_MAX_INT(tag, T)                                                   \
  extern "C" void kiln_max_##tag##_ref(const kiln_max_params_t* p, const T* a, \
                                       const T* b, T* y) {                     \
    kiln_internal::BroadcastBinaryTyped(p, a, b, y, Op());                     \
  }                                                                            \
  extern "C" size_t kiln_max_##tag##_ref_scratch_bytes(                        \
      const kiln_max_params_t* p) {                                            \
    (void)p;                                                                   \
    return 0;                                                                  \
  }

KILN_MAX_INT(u8, uint8_t)
KILN_MAX_INT(i8, int8_t)
KILN_MAX_INT(i16, int16_t)
KILN_MAX_INT(i32, int32_t)
KILN_MAX_INT(i64, int64_t)

#undef KILN_MAX_INT
