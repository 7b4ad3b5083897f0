/* xpulp.h: inline functions and asm-text macros emitting the PULP DSP instructions
 * (post-increment loads/stores, hardware loops, packed SIMD, clip, MAC) with GCC's
 * `.insn` / `.word`, so a plain riscv64-unknown-elf-gcc builds PULP kernels.
 *
 * Encodings: CORE-V / CV32E40P v2 (custom-0..3 opcodes; the kiln-sim core) by
 * default; define XPULP_ENCODING_V1 before including for the RI5CY / Xpulpv2 words of
 * PULP-open and GAP8 silicon. Sources: CV32E40P user manual, "CORE-V Instruction Set
 * Extensions" (v2 tables), and the RI5CY user manual / CV32E40P v1.0 manual (v1).
 *
 * Freestanding C (stdint.h only), usable from C and C++ (GNU dialects: statement
 * expressions). Immediate operands (post-increment immediates, clip widths) must be
 * compile-time constants, so those forms are macros; everything else is a function.
 *
 * Semantics (see docs/sim.md): SIMD lanes are 8 bits (_b, 4 lanes) or 16 bits (_h,
 * 2 lanes), lane 0 in the low bits; _sc forms use lane 0 of the second operand in
 * every lane. sdot* add to the accumulator, dot* do not.
 */
#ifndef KILN_RUNTIME_PLATFORM_PULP_XPULP_H_
#define KILN_RUNTIME_PLATFORM_PULP_XPULP_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define XPULP_STR_(x) #x
#define XPULP_STR(x) XPULP_STR_(x)

/* ---------------------------------------------------------------- encodings */
#if defined(XPULP_ENCODING_V1)
/* RI5CY / Xpulpv2: SIMD under OP-V (0x57); clip and mac under OP (0x33); register
 * post-increment loads under custom-0 funct3 111; hardware loops under 0x7B. */
#define XPULP_SIMD_OPC 0x57
#define XPULP_F7_ADD 0x00
#define XPULP_F7_SUB 0x04
#define XPULP_F7_MIN 0x10
#define XPULP_F7_MINU 0x14
#define XPULP_F7_MAX 0x18
#define XPULP_F7_MAXU 0x1C
#define XPULP_F7_DOTUP 0x40
#define XPULP_F7_DOTUSP 0x44
#define XPULP_F7_DOTSP 0x4C
#define XPULP_F7_SDOTUP 0x50
#define XPULP_F7_SDOTUSP 0x54
#define XPULP_F7_SDOTSP 0x5C
#else
/* CORE-V v2: SIMD under custom-3 (0x7B), funct7 = funct5 << 2. */
#define XPULP_SIMD_OPC 0x7B
#define XPULP_F7_ADD 0x00
#define XPULP_F7_SUB 0x04
#define XPULP_F7_MIN 0x10
#define XPULP_F7_MINU 0x14
#define XPULP_F7_MAX 0x18
#define XPULP_F7_MAXU 0x1C
#define XPULP_F7_DOTUP 0x40
#define XPULP_F7_DOTUSP 0x44
#define XPULP_F7_DOTSP 0x48
#define XPULP_F7_SDOTUP 0x4C
#define XPULP_F7_SDOTUSP 0x50
#define XPULP_F7_SDOTSP 0x54
#endif

/* funct3 of the SIMD forms (both versions). */
#define XPULP_F3_H 0
#define XPULP_F3_B 1
#define XPULP_F3_SC_H 4
#define XPULP_F3_SC_B 5

/* ---------------------------------------------------------------- packed SIMD */
#define XPULP_DEF_RR(name, f3, f7)                                                \
  static inline uint32_t xpulp_##name(uint32_t a, uint32_t b) {                  \
    uint32_t r;                                                                   \
    __asm__(".insn r " XPULP_STR(XPULP_SIMD_OPC) ", " XPULP_STR(f3) ", "          \
            XPULP_STR(f7) ", %0, %1, %2"                                          \
            : "=r"(r)                                                             \
            : "r"(a), "r"(b));                                                    \
    return r;                                                                     \
  }
#define XPULP_DEF_ACC(name, f3, f7)                                               \
  static inline int32_t xpulp_##name(int32_t acc, uint32_t a, uint32_t b) {      \
    __asm__(".insn r " XPULP_STR(XPULP_SIMD_OPC) ", " XPULP_STR(f3) ", "          \
            XPULP_STR(f7) ", %0, %1, %2"                                          \
            : "+r"(acc)                                                           \
            : "r"(a), "r"(b));                                                    \
    return acc;                                                                   \
  }
#define XPULP_DEF_LANES(op, F7)             \
  XPULP_DEF_RR(op##_b, XPULP_F3_B, F7)       \
  XPULP_DEF_RR(op##_h, XPULP_F3_H, F7)       \
  XPULP_DEF_RR(op##_sc_b, XPULP_F3_SC_B, F7) \
  XPULP_DEF_RR(op##_sc_h, XPULP_F3_SC_H, F7)

/* xpulp_add_b(a, b) ... xpulp_maxu_sc_h(a, b): lane-wise, wrapping add/sub. */
XPULP_DEF_LANES(add, XPULP_F7_ADD)
XPULP_DEF_LANES(sub, XPULP_F7_SUB)
XPULP_DEF_LANES(min, XPULP_F7_MIN)
XPULP_DEF_LANES(minu, XPULP_F7_MINU)
XPULP_DEF_LANES(max, XPULP_F7_MAX)
XPULP_DEF_LANES(maxu, XPULP_F7_MAXU)

/* Dot products: sum over lanes of a[i] * b[i] (u: unsigned, sp: signed, usp: a
 * unsigned, b signed), wrapping to 32 bits. */
XPULP_DEF_RR(dotup_b, XPULP_F3_B, XPULP_F7_DOTUP)
XPULP_DEF_RR(dotup_h, XPULP_F3_H, XPULP_F7_DOTUP)
XPULP_DEF_RR(dotusp_b, XPULP_F3_B, XPULP_F7_DOTUSP)
XPULP_DEF_RR(dotusp_h, XPULP_F3_H, XPULP_F7_DOTUSP)
XPULP_DEF_RR(dotsp_b, XPULP_F3_B, XPULP_F7_DOTSP)
XPULP_DEF_RR(dotsp_h, XPULP_F3_H, XPULP_F7_DOTSP)
/* Accumulating dot products: acc + dot(a, b). */
XPULP_DEF_ACC(sdotup_b, XPULP_F3_B, XPULP_F7_SDOTUP)
XPULP_DEF_ACC(sdotup_h, XPULP_F3_H, XPULP_F7_SDOTUP)
XPULP_DEF_ACC(sdotusp_b, XPULP_F3_B, XPULP_F7_SDOTUSP)
XPULP_DEF_ACC(sdotusp_h, XPULP_F3_H, XPULP_F7_SDOTUSP)
XPULP_DEF_ACC(sdotsp_b, XPULP_F3_B, XPULP_F7_SDOTSP)
XPULP_DEF_ACC(sdotsp_h, XPULP_F3_H, XPULP_F7_SDOTSP)

/* ---------------------------------------------------------------- MAC, clip */
#if defined(XPULP_ENCODING_V1)
#define XPULP_MAC_INSN(f3m) ".insn r 0x33, " XPULP_STR(f3m) ", 0x21, %0, %1, %2"
#define XPULP_MAC_F3 0
#define XPULP_MSU_F3 1
#define XPULP_CLIPR_INSN(f3) ".insn r 0x33, " XPULP_STR(f3) ", 0x0A, %0, %1, %2"
#define XPULP_CLIPR_F3 5
#define XPULP_CLIPUR_F3 6
/* cv.clip / cv.clipu: funct7 0001010, Is2 in the rs2 field: an I-type immediate. */
#define XPULP_CLIP_INSN(f3, is2) ".insn i 0x33, " XPULP_STR(f3) ", %0, %1, %2"
#define XPULP_CLIP_IMM(is2) ((0x0A << 5) | ((is2) & 31))
#define XPULP_CLIPU_IMM(is2) ((0x0A << 5) | ((is2) & 31))
#define XPULP_CLIP_F3 1
#define XPULP_CLIPU_F3 2
#else
#define XPULP_MAC_INSN(f7) ".insn r 0x2B, 3, " XPULP_STR(f7) ", %0, %1, %2"
#define XPULP_MAC_F3 0x48
#define XPULP_MSU_F3 0x49
#define XPULP_CLIPR_INSN(f7) ".insn r 0x2B, 3, " XPULP_STR(f7) ", %0, %1, %2"
#define XPULP_CLIPR_F3 0x3A
#define XPULP_CLIPUR_F3 0x3B
#define XPULP_CLIP_INSN(f3, is2) ".insn i 0x2B, 3, %0, %1, %2"
#define XPULP_CLIP_IMM(is2) ((0x38 << 5) | ((is2) & 31))
#define XPULP_CLIPU_IMM(is2) ((0x39 << 5) | ((is2) & 31))
#define XPULP_CLIP_F3 3
#define XPULP_CLIPU_F3 3
#endif

/* acc + a * b and acc - a * b (low 32 bits). */
static inline int32_t xpulp_mac(int32_t acc, int32_t a, int32_t b) {
  __asm__(XPULP_MAC_INSN(XPULP_MAC_F3) : "+r"(acc) : "r"(a), "r"(b));
  return acc;
}
static inline int32_t xpulp_msu(int32_t acc, int32_t a, int32_t b) {
  __asm__(XPULP_MAC_INSN(XPULP_MSU_F3) : "+r"(acc) : "r"(a), "r"(b));
  return acc;
}
/* clipr: clamp(a, -(hi + 1), hi); clipur: clamp(a, 0, hi). The lower bound is tested
 * first (it decides when hi < 0). */
static inline int32_t xpulp_clipr(int32_t a, int32_t hi) {
  int32_t r;
  __asm__(XPULP_CLIPR_INSN(XPULP_CLIPR_F3) : "=r"(r) : "r"(a), "r"(hi));
  return r;
}
static inline int32_t xpulp_clipur(int32_t a, int32_t hi) {
  int32_t r;
  __asm__(XPULP_CLIPR_INSN(XPULP_CLIPUR_F3) : "=r"(r) : "r"(a), "r"(hi));
  return r;
}
/* XPULP_CLIP(a, is2): clamp(a, -2^(is2-1), 2^(is2-1) - 1); XPULP_CLIPU: clamp(a, 0,
 * 2^(is2-1) - 1). is2 is a constant 0..31 (0: no clipping on kiln-sim). */
#define XPULP_CLIP(a, is2)                                                  \
  __extension__({                                                           \
    int32_t xpulp_r_;                                                       \
    __asm__(XPULP_CLIP_INSN(XPULP_CLIP_F3, is2)                             \
            : "=r"(xpulp_r_)                                                \
            : "r"((int32_t)(a)), "i"(XPULP_CLIP_IMM(is2)));                 \
    xpulp_r_;                                                               \
  })
#define XPULP_CLIPU(a, is2)                                                 \
  __extension__({                                                           \
    int32_t xpulp_r_;                                                       \
    __asm__(XPULP_CLIP_INSN(XPULP_CLIPU_F3, is2)                            \
            : "=r"(xpulp_r_)                                                \
            : "r"((int32_t)(a)), "i"(XPULP_CLIPU_IMM(is2)));                \
    xpulp_r_;                                                               \
  })

/* ---------------------------------------------------------------- post-increment */
/* funct3 of the loads (both versions): lb 0, lh 1, lw 2, lbu 4, lhu 5; stores: sb 0,
 * sh 1, sw 2. Immediate forms: custom-0 (loads) and custom-1 (stores) in both. */
#define XPULP_LD_F3_lb 0
#define XPULP_LD_F3_lh 1
#define XPULP_LD_F3_lw 2
#define XPULP_LD_F3_lbu 4
#define XPULP_LD_F3_lhu 5
#define XPULP_ST_F3_sb 0
#define XPULP_ST_F3_sh 1
#define XPULP_ST_F3_sw 2

/* XPULP_LOAD_PI(lw, value, ptr, imm): value = *ptr (lb/lh/lw/lbu/lhu), then
 * ptr += imm bytes (a constant, -2048..2047). ptr is an lvalue pointer or integer. */
#define XPULP_LOAD_PI(kind, value, ptr, imm)                                     \
  __asm__ volatile(".insn i 0x0B, " XPULP_STR(XPULP_LD_F3_##kind) ", %0, %1, %3" \
                   : "=r"(value), "+r"(ptr)                                      \
                   : "m"(*(const char(*)[4])(ptr)), "i"(imm))
/* XPULP_STORE_PI(sw, value, ptr, imm): *ptr = value, then ptr += imm. */
#define XPULP_STORE_PI(kind, value, ptr, imm)                                  \
  __asm__ volatile(".insn s 0x2B, " XPULP_STR(XPULP_ST_F3_##kind) ", %1, %2(%0)" \
                   : "+r"(ptr)                                                 \
                   : "r"(value), "i"(imm)                                      \
                   : "memory")

/* Register forms: the increment is a register. */
#if defined(XPULP_ENCODING_V1)
#define XPULP_LDR_F7_lb 0x00
#define XPULP_LDR_F7_lh 0x08
#define XPULP_LDR_F7_lw 0x10
#define XPULP_LDR_F7_lbu 0x20
#define XPULP_LDR_F7_lhu 0x28
#define XPULP_LOAD_PR_INSN(kind) \
  ".insn r 0x0B, 7, " XPULP_STR(XPULP_LDR_F7_##kind) ", %0, %1, %2"
#define XPULP_STR_F3_sb 4
#define XPULP_STR_F3_sh 5
#define XPULP_STR_F3_sw 6
#define XPULP_STORE_PR_INSN(kind) \
  ".insn r 0x2B, " XPULP_STR(XPULP_STR_F3_##kind) ", 0, %2, %0, %1"
#else
#define XPULP_LDR_F7_lb 0x00
#define XPULP_LDR_F7_lh 0x01
#define XPULP_LDR_F7_lw 0x02
#define XPULP_LDR_F7_lbu 0x08
#define XPULP_LDR_F7_lhu 0x09
#define XPULP_LOAD_PR_INSN(kind) \
  ".insn r 0x2B, 3, " XPULP_STR(XPULP_LDR_F7_##kind) ", %0, %1, %2"
#define XPULP_STR_F7_sb 0x10
#define XPULP_STR_F7_sh 0x11
#define XPULP_STR_F7_sw 0x12
#define XPULP_STORE_PR_INSN(kind) \
  ".insn r 0x2B, 3, " XPULP_STR(XPULP_STR_F7_##kind) ", %2, %0, %1"
#endif

/* XPULP_LOAD_PR(lw, value, ptr, inc): value = *ptr, then ptr += inc (a register). */
#define XPULP_LOAD_PR(kind, value, ptr, inc)                           \
  __asm__ volatile(XPULP_LOAD_PR_INSN(kind)                            \
                   : "=&r"(value), "+r"(ptr)                           \
                   : "r"((int32_t)(inc)), "m"(*(const char(*)[4])(ptr)))
/* XPULP_STORE_PR(sw, value, ptr, inc): *ptr = value, then ptr += inc. */
#define XPULP_STORE_PR(kind, value, ptr, inc)       \
  __asm__ volatile(XPULP_STORE_PR_INSN(kind)        \
                   : "+r"(ptr)                      \
                   : "r"(value), "r"((int32_t)(inc)) \
                   : "memory")

/* Word-pointer conveniences for the common case. */
static inline uint32_t xpulp_lw_pi(const uint32_t **p) {
  uint32_t v;
  const uint32_t *q = *p;
  XPULP_LOAD_PI(lw, v, q, 4);
  *p = q;
  return v;
}

/* ---------------------------------------------------------------- asm text */
/* Instruction text for hand-scheduled kernels written as one asm statement (hardware
 * loop bodies): operands are strings such as "%[w0]" or "a0". */
#define XPULP_ASM_LW_PI(rd, rs1, imm) ".insn i 0x0B, 2, " rd ", " rs1 ", " #imm "\n"
#define XPULP_ASM_SDOTSP_B(rd, rs1, rs2)                                          \
  ".insn r " XPULP_STR(XPULP_SIMD_OPC) ", 1, " XPULP_STR(XPULP_F7_SDOTSP) ", " rd \
  ", " rs1 ", " rs2 "\n"

/* ---------------------------------------------------------------- hardware loops */
/* Hardware loops cannot be expressed as C functions (they name code addresses), so
 * these macros give asm text for one asm statement that holds the whole loop:
 *
 *   __asm__ volatile(XPULP_SETUP(0, "%[n]", "1f")   // or XPULP_SETUPI(0, 16, "1f")
 *                    "  <body: at least 3 instructions>\n"
 *                    "1:\n" : ... : [n] "r"(count) : ...);
 *
 * END is a label placed right after the loop's last instruction; the loop starts
 * right after the setup. L is the literal 0 (inner) or 1 (outer). XPULP_SETUPI is one
 * cv.setupi (count 0..4095 constant, body < 32 instructions); XPULP_SETUP takes the
 * count from a register and is cv.count + cv.endi + cv.starti (a label can only be
 * put in a .word, and the register of cv.setup cannot). The count is the number of
 * iterations; 0 runs the body once, as 1. The labels 8 and 9 are used. */
#define XPULP_LOOP_NORELAX_ ".option push\n.option norelax\n"
#define XPULP_LOOP_POP_ ".option pop\n"
#if defined(XPULP_ENCODING_V1)
/* RI5CY: opcode 0x7B, rd = L, funct3 000 lp.starti, 001 lp.endi, 010 lp.count,
 * 100 lp.setup, 101 lp.setupi; immediates are offsets >> 1 and the end address is
 * the loop's last instruction. */
#define XPULP_SETUPI(L, count, end)                                              \
  XPULP_LOOP_NORELAX_                                                            \
  "9:\n.word 0x7B | (5 << 12) | (" #L " << 7) | (((((" end ") - 4) - 9b) >> 1) << 15)" \
  " | ((" #count ") << 20)\n" XPULP_LOOP_POP_
#define XPULP_SETUP(L, reg, end)                                                  \
  XPULP_LOOP_NORELAX_                                                             \
  ".insn i 0x7B, 2, x" #L ", " reg ", 0\n"                                        \
  "9:\n.word 0x7B | (1 << 12) | (" #L " << 7) | (((((" end ") - 4) - 9b) >> 1) << 20)\n" \
  "9:\n.word 0x7B | (0 << 12) | (" #L " << 7) | (((8f - 9b) >> 1) << 20)\n8:\n"  \
  XPULP_LOOP_POP_
#else
/* CORE-V v2: custom-1 (0x2B), funct3 100, rd field = funct4:L (funct4 0000 starti,
 * 0010 endi, 0101 count, 0110 setupi); immediates are offsets >> 2 and the end
 * address is the one after the loop's last instruction. */
#define XPULP_SETUPI(L, count, end)                                              \
  XPULP_LOOP_NORELAX_                                                            \
  "9:\n.word 0x2B | (4 << 12) | ((12 + " #L ") << 7) | ((((" end ") - 9b) >> 2) << 15)" \
  " | ((" #count ") << 20)\n" XPULP_LOOP_POP_
#define XPULP_COUNT_RD_0 "x10"
#define XPULP_COUNT_RD_1 "x11"
#define XPULP_SETUP(L, reg, end)                                                  \
  XPULP_LOOP_NORELAX_                                                             \
  ".insn i 0x2B, 4, " XPULP_COUNT_RD_##L ", " reg ", 0\n"                          \
  "9:\n.word 0x2B | (4 << 12) | ((4 + " #L ") << 7) | ((((" end ") - 9b) >> 2) << 20)\n" \
  "9:\n.word 0x2B | (4 << 12) | (" #L " << 7) | (((8f - 9b) >> 2) << 20)\n8:\n"   \
  XPULP_LOOP_POP_
#endif

#ifdef __cplusplus
}
#endif

#endif /* KILN_RUNTIME_PLATFORM_PULP_XPULP_H_ */
