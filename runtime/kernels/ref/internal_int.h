// Helpers shared by the integer reference kernels (u8, i8, i16, i32, i64; not
// part of the public API): a typed numpy broadcast iterator and ONNX's integer
// arithmetic with every result defined (wrap-around instead of signed overflow,
// no trap on division by zero), since the C++ operators alone are undefined
// there and firmware must not trap on data.
#ifndef KILN_KERNELS_REF_INTERNAL_INT_H_
#define KILN_KERNELS_REF_INTERNAL_INT_H_

#include <stddef.h>
#include <stdint.h>

#include "kiln/ref/broadcast.h"
#include "kiln/types.h"

namespace kiln_internal {

// Per element type: whether it is signed, its range, and the unsigned type of
// at least 32 bits that its modular arithmetic is done in (narrower unsigned
// types would promote to int, where a product can overflow).
template <typename T>
struct IntTraits;
template <>
struct IntTraits<uint8_t> {
  typedef uint32_t Wide;
  static constexpr bool kSigned = false;
  static constexpr uint8_t kMin = 0, kMax = 255;
};
template <>
struct IntTraits<int8_t> {
  typedef uint32_t Wide;
  static constexpr bool kSigned = true;
  static constexpr int8_t kMin = -128, kMax = 127;
};
template <>
struct IntTraits<int16_t> {
  typedef uint32_t Wide;
  static constexpr bool kSigned = true;
  static constexpr int16_t kMin = -32768, kMax = 32767;
};
template <>
struct IntTraits<int32_t> {
  typedef uint32_t Wide;
  static constexpr bool kSigned = true;
  static constexpr int32_t kMin = -2147483647 - 1, kMax = 2147483647;
};
template <>
struct IntTraits<int64_t> {
  typedef uint64_t Wide;
  static constexpr bool kSigned = true;
  static constexpr int64_t kMin = -9223372036854775807LL - 1,
                           kMax = 9223372036854775807LL;
};

// The low bits of a modular result as T (two's complement on every target
// kiln builds for).
template <typename T>
inline T Narrow(typename IntTraits<T>::Wide v) {
  return (T)v;
}
template <typename T>
inline typename IntTraits<T>::Wide Widen(T v) {
  return (typename IntTraits<T>::Wide)v;
}

template <typename T>
inline T WrapAdd(T a, T b) {
  return Narrow<T>(Widen(a) + Widen(b));
}
template <typename T>
inline T WrapSub(T a, T b) {
  return Narrow<T>(Widen(a) - Widen(b));
}
template <typename T>
inline T WrapMul(T a, T b) {
  return Narrow<T>(Widen(a) * Widen(b));
}

// ONNX Runtime's integer Div: C++ division, truncating toward zero (numpy's //
// floors; the two agree on unsigned and same-sign operands). Where C++ is
// undefined kiln defines: x / 0 = 0, and MIN / -1 wraps to MIN.
template <typename T>
inline T TruncDiv(T a, T b) {
  if (b == 0) return 0;
  if (IntTraits<T>::kSigned && a == IntTraits<T>::kMin && b == (T)-1) return a;
  return (T)(a / b);
}

template <typename T>
inline T IntMax(T a, T b) {
  return (a < b) ? b : a;
}
template <typename T>
inline T IntMin(T a, T b) {
  return (b < a) ? b : a;
}

// base^e in T's modular arithmetic (numpy's integer power), by squaring. A
// negative exponent gives the truncated real result: 1 for base 1, +-1 for
// base -1, 0 otherwise, also for base 0, where the real result is infinite
// (numpy refuses negative integer powers and ONNX Runtime casts inf; kiln
// defines 0).
template <typename T>
inline T IntPow(T base, int64_t e) {
  typedef typename IntTraits<T>::Wide W;
  if (e < 0) {
    if (base == (T)1) return 1;
    if (IntTraits<T>::kSigned && base == (T)-1)
      return (e % 2 != 0) ? (T)-1 : (T)1;
    return 0;
  }
  W r = 1;
  W b = Widen(base);
  uint64_t u = (uint64_t)e;
  while (u != 0) {
    if (u & 1u) r = r * b;
    b = b * b;
    u >>= 1;
  }
  return Narrow<T>(r);
}

// A float converted to T truncating toward zero (C++'s conversion) where that
// is defined; NaN gives 0 and values beyond T's range saturate (the C++
// conversion is undefined there).
template <typename T>
inline T FloatToInt(float f) {
  if (f != f) return 0;
  if (f <= (float)IntTraits<T>::kMin) return IntTraits<T>::kMin;
  if (f >= (float)IntTraits<T>::kMax) return IntTraits<T>::kMax;
  return (T)f;
}

// Visits every output element of a numpy-broadcast binary op in row-major
// order: y[i] = op(a[ia], b[ib]) (no activation clamp: integer kernels have
// none). Dimensions where an input has extent 1 get stride 0; the innermost
// dimension is a tight loop, outer ones advance an odometer (the float
// iterator's order, internal.h).
template <typename TA, typename TB, typename TY, typename Op>
inline void BroadcastBinaryTyped(const kiln_broadcast_params_t* p, const TA* a,
                                 const TB* b, TY* y, Op op) {
  const int32_t rank = p->rank;
  KILN_DCHECK(rank >= 1 && rank <= KILN_MAX_DIMS);
  ptrdiff_t sa[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t sb[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t acc_a = 1;
  ptrdiff_t acc_b = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    sa[d] = (p->a_shape[d] == 1) ? 0 : acc_a;
    sb[d] = (p->b_shape[d] == 1) ? 0 : acc_b;
    acc_a *= p->a_shape[d];
    acc_b *= p->b_shape[d];
  }
  ptrdiff_t outer = 1;
  for (int32_t d = 0; d < rank - 1; ++d) outer *= p->out_shape[d];
  const int32_t inner = p->out_shape[rank - 1];
  const ptrdiff_t ia_step = sa[rank - 1];
  const ptrdiff_t ib_step = sb[rank - 1];
  int32_t idx[KILN_MAX_DIMS] = {0, 0, 0, 0, 0, 0};
  ptrdiff_t off_a = 0;
  ptrdiff_t off_b = 0;
  for (ptrdiff_t o = 0; o < outer; ++o) {
    const TA* pa = a + off_a;
    const TB* pb = b + off_b;
    for (int32_t i = 0; i < inner; ++i)
      y[i] = op(pa[i * ia_step], pb[i * ib_step]);
    y += inner;
    for (int32_t d = rank - 2; d >= 0; --d) {
      off_a += sa[d];
      off_b += sb[d];
      if (++idx[d] < p->out_shape[d]) break;
      idx[d] = 0;
      off_a -= sa[d] * p->out_shape[d];
      off_b -= sb[d] * p->out_shape[d];
    }
  }
}

}  // namespace kiln_internal

#endif  // KILN_KERNELS_REF_INTERNAL_INT_H_
