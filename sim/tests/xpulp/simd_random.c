// CORE-V SIMD, dot-product, clip and MAC instructions (emitted by xpulp.h) against a
// C reference model on 1,000 operand sets each: random words mixed with lane values
// at the signedness edges (0x7f/0x80/0xff, 0x7fff/0x8000/0xffff, INT32_MIN/MAX).
#include <stdint.h>
#include <stdio.h>

#include "runtime/platform/pulp/xpulp.h"

enum { kSets = 1000 };

static uint32_t rng_state = 0x2545f491u;
static uint32_t Rand(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

// A random operand: half of the time each byte lane is an edge value.
static uint32_t Operand(void) {
  static const uint8_t kEdges[] = {0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff};
  static const uint32_t kWords[] = {0x80000000u, 0x7fffffffu, 0xffffffffu, 0,
                                    0x80008000u, 0x7fff7fffu, 0xffff0000u};
  uint32_t r = Rand();
  switch (r & 7) {
    case 0:
    case 1: {
      uint32_t v = 0;
      for (int i = 0; i < 4; i++) v |= (uint32_t)kEdges[Rand() % 7] << (8 * i);
      return v;
    }
    case 2:
      return kWords[Rand() % 7];
    default:
      return Rand();
  }
}

// ---------------------------------------------------------------- reference model
enum Op { kAdd, kSub, kMin, kMinu, kMax, kMaxu };

static uint32_t Lane(uint32_t v, int i, int bits) {
  return (v >> (i * bits)) & ((1u << bits) - 1);
}
static int32_t Sext(uint32_t v, int bits) {
  return (int32_t)(v << (32 - bits)) >> (32 - bits);
}

static uint32_t RefLanes(enum Op op, uint32_t a, uint32_t b, int bits, int sc) {
  uint32_t r = 0;
  for (int i = 0; i < 32 / bits; i++) {
    uint32_t x = Lane(a, i, bits), y = Lane(b, sc ? 0 : i, bits), z;
    switch (op) {
      case kAdd: z = x + y; break;
      case kSub: z = x - y; break;
      case kMin: z = Sext(x, bits) < Sext(y, bits) ? x : y; break;
      case kMinu: z = x < y ? x : y; break;
      case kMax: z = Sext(x, bits) > Sext(y, bits) ? x : y; break;
      default: z = x > y ? x : y; break;
    }
    r |= (z & ((1u << bits) - 1)) << (i * bits);
  }
  return r;
}

// Sum of a[i] * b[i]; sa/sb: lanes of a/b are signed.
static uint32_t RefDot(uint32_t a, uint32_t b, int bits, int sa, int sb) {
  uint32_t sum = 0;
  for (int i = 0; i < 32 / bits; i++) {
    int64_t x = sa ? Sext(Lane(a, i, bits), bits) : (int64_t)Lane(a, i, bits);
    int64_t y = sb ? Sext(Lane(b, i, bits), bits) : (int64_t)Lane(b, i, bits);
    sum += (uint32_t)(x * y);
  }
  return sum;
}

static int32_t RefClamp(int32_t a, int32_t lo, int32_t hi) {
  if (a <= lo) return lo;  // lower bound first (decides when hi < lo)
  if (a >= hi) return hi;
  return a;
}
static int32_t ClipHi(int is2) {
  return is2 == 0 ? INT32_MAX : (int32_t)((1u << (is2 - 1)) - 1);
}

// ---------------------------------------------------------------- checking
static int failures;
static void Check(const char *name, int set, uint32_t a, uint32_t b, uint32_t got,
                  uint32_t want) {
  if (got == want) return;
  if (failures++ < 10) {
    printf("FAIL %s set %d: a=%08lx b=%08lx got=%08lx want=%08lx\n", name, set,
           (unsigned long)a, (unsigned long)b, (unsigned long)got, (unsigned long)want);
  }
}

#define CHECK_LANES(fn, op, bits, sc)                                       \
  Check(#fn, s, a, b, xpulp_##fn(a, b), RefLanes(op, a, b, bits, sc))
#define CHECK_ALL_LANES(name, op)   \
  CHECK_LANES(name##_b, op, 8, 0);  \
  CHECK_LANES(name##_h, op, 16, 0); \
  CHECK_LANES(name##_sc_b, op, 8, 1); \
  CHECK_LANES(name##_sc_h, op, 16, 1)
#define CHECK_CLIP(is2)                                                    \
  Check("clip" #is2, s, a, is2, (uint32_t)XPULP_CLIP(a, is2),             \
        (uint32_t)RefClamp((int32_t)a, ~ClipHi(is2), ClipHi(is2)));       \
  Check("clipu" #is2, s, a, is2, (uint32_t)XPULP_CLIPU(a, is2),           \
        (uint32_t)RefClamp((int32_t)a, 0, ClipHi(is2)))

int main(void) {
  int checks = 0;
  for (int s = 0; s < kSets; s++) {
    uint32_t a = Operand(), b = Operand(), c = Operand();
    CHECK_ALL_LANES(add, kAdd);
    CHECK_ALL_LANES(sub, kSub);
    CHECK_ALL_LANES(min, kMin);
    CHECK_ALL_LANES(minu, kMinu);
    CHECK_ALL_LANES(max, kMax);
    CHECK_ALL_LANES(maxu, kMaxu);
    Check("dotup.b", s, a, b, xpulp_dotup_b(a, b), RefDot(a, b, 8, 0, 0));
    Check("dotup.h", s, a, b, xpulp_dotup_h(a, b), RefDot(a, b, 16, 0, 0));
    Check("dotusp.b", s, a, b, xpulp_dotusp_b(a, b), RefDot(a, b, 8, 0, 1));
    Check("dotusp.h", s, a, b, xpulp_dotusp_h(a, b), RefDot(a, b, 16, 0, 1));
    Check("dotsp.b", s, a, b, xpulp_dotsp_b(a, b), RefDot(a, b, 8, 1, 1));
    Check("dotsp.h", s, a, b, xpulp_dotsp_h(a, b), RefDot(a, b, 16, 1, 1));
    Check("sdotup.b", s, a, b, (uint32_t)xpulp_sdotup_b((int32_t)c, a, b),
          c + RefDot(a, b, 8, 0, 0));
    Check("sdotup.h", s, a, b, (uint32_t)xpulp_sdotup_h((int32_t)c, a, b),
          c + RefDot(a, b, 16, 0, 0));
    Check("sdotusp.b", s, a, b, (uint32_t)xpulp_sdotusp_b((int32_t)c, a, b),
          c + RefDot(a, b, 8, 0, 1));
    Check("sdotusp.h", s, a, b, (uint32_t)xpulp_sdotusp_h((int32_t)c, a, b),
          c + RefDot(a, b, 16, 0, 1));
    Check("sdotsp.b", s, a, b, (uint32_t)xpulp_sdotsp_b((int32_t)c, a, b),
          c + RefDot(a, b, 8, 1, 1));
    Check("sdotsp.h", s, a, b, (uint32_t)xpulp_sdotsp_h((int32_t)c, a, b),
          c + RefDot(a, b, 16, 1, 1));
    Check("mac", s, a, b, (uint32_t)xpulp_mac((int32_t)c, (int32_t)a, (int32_t)b),
          c + a * b);
    Check("msu", s, a, b, (uint32_t)xpulp_msu((int32_t)c, (int32_t)a, (int32_t)b),
          c - a * b);
    // clipr/clipur: bounds from small, edge and random (also negative) registers.
    uint32_t hi = (s & 1) ? (b >> (Rand() % 32)) : b;
    Check("clipr", s, a, hi, (uint32_t)xpulp_clipr((int32_t)a, (int32_t)hi),
          (uint32_t)RefClamp((int32_t)a, ~(int32_t)hi, (int32_t)hi));
    Check("clipur", s, a, hi, (uint32_t)xpulp_clipur((int32_t)a, (int32_t)hi),
          (uint32_t)RefClamp((int32_t)a, 0, (int32_t)hi));
    // clip/clipu take a constant width: a few widths, the operand scaled to reach them.
    a = (s & 1) ? (uint32_t)((int32_t)a >> (Rand() % 32)) : a;
    CHECK_CLIP(0);
    CHECK_CLIP(1);
    CHECK_CLIP(2);
    CHECK_CLIP(8);
    CHECK_CLIP(9);
    CHECK_CLIP(16);
    CHECK_CLIP(31);
    checks += 24 + 14 + 2 + 14;
  }
  printf("xpulp simd: %d checks, %d failures\n", checks, failures);
  return failures != 0;
}
