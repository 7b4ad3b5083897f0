// Integer and mixed-type reference broadcasting pow (see kiln/ref/pow.h): one
// template instance per (base, exponent) type pair over the typed broadcast
// iterator (internal_int.h).
#include "kiln/math.h"
#include "kiln/ref/pow.h"
#include "runtime/kernels/ref/internal_int.h"

namespace {

template <typename T, typename E>
struct Pow {
  // Integer base, integer exponent.
  T operator()(T a, E b) const { return kiln_internal::IntPow(a, (int64_t)b); }
};
template <typename T>
struct Pow<T, float> {
  T operator()(T a, float b) const {
    return kiln_internal::FloatToInt<T>(kiln_powf((float)a, b));
  }
};
template <typename E>
struct Pow<float, E> {
  float operator()(float a, E b) const { return kiln_powf(a, (float)b); }
};

}  // namespace

#define KILN_POW_TYPED(name, T, E)                                          \
  extern "C" void kiln_##name##_ref(const kiln_pow_params_t* p, const T* a, \
                                    const E* b, T* y) {                     \
    kiln_internal::BroadcastBinaryTyped(p, a, b, y, Pow<T, E>());           \
  }                                                                         \
  extern "C" size_t kiln_##name##_ref_scratch_bytes(                        \
      const kiln_pow_params_t* p) {                                         \
    (void)p;                                                                \
    return 0;                                                               \
  }

KILN_POW_TYPED(pow_f32_i32, float, int32_t)
KILN_POW_TYPED(pow_f32_i64, float, int64_t)
KILN_POW_TYPED(pow_u8, uint8_t, uint8_t)
KILN_POW_TYPED(pow_u8_f32, uint8_t, float)
KILN_POW_TYPED(pow_u8_i32, uint8_t, int32_t)
KILN_POW_TYPED(pow_u8_i64, uint8_t, int64_t)
KILN_POW_TYPED(pow_i8, int8_t, int8_t)
KILN_POW_TYPED(pow_i8_f32, int8_t, float)
KILN_POW_TYPED(pow_i8_i32, int8_t, int32_t)
KILN_POW_TYPED(pow_i8_i64, int8_t, int64_t)
KILN_POW_TYPED(pow_i16, int16_t, int16_t)
KILN_POW_TYPED(pow_i16_f32, int16_t, float)
KILN_POW_TYPED(pow_i16_i32, int16_t, int32_t)
KILN_POW_TYPED(pow_i16_i64, int16_t, int64_t)
KILN_POW_TYPED(pow_i32, int32_t, int32_t)
KILN_POW_TYPED(pow_i32_f32, int32_t, float)
KILN_POW_TYPED(pow_i32_i64, int32_t, int64_t)
KILN_POW_TYPED(pow_i64, int64_t, int64_t)
KILN_POW_TYPED(pow_i64_f32, int64_t, float)
KILN_POW_TYPED(pow_i64_i32, int64_t, int32_t)

#undef KILN_POW_TYPED
