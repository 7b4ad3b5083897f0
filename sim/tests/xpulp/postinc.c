// CORE-V post-increment loads and stores (immediate and register increments, all
// sizes, sign/zero extension, negative increments) and register-register loads and
// stores, through xpulp.h, against plain C on the same buffer.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "runtime/platform/pulp/xpulp.h"

static int failures;
static void Check(int n, uint32_t got, uint32_t want) {
  if (got != want && failures++ < 10) {
    printf("FAIL %d: got=%08lx want=%08lx\n", n, (unsigned long)got, (unsigned long)want);
  }
}

static uint8_t buf[256] __attribute__((aligned(4)));
static uint8_t out[256] __attribute__((aligned(4)));

int main(void) {
  for (int i = 0; i < 256; i++) buf[i] = (uint8_t)(i * 37 + 0x80);

  // Immediate increments, forwards and backwards, every size.
  const uint8_t *p = buf;
  uint32_t v;
  XPULP_LOAD_PI(lb, v, p, 3);
  Check(1, v, (uint32_t)(int32_t)(int8_t)buf[0]);
  Check(2, (uint32_t)(p - buf), 3);
  XPULP_LOAD_PI(lbu, v, p, -1);
  Check(3, v, buf[3]);
  Check(4, (uint32_t)(p - buf), 2);
  XPULP_LOAD_PI(lh, v, p, 6);
  Check(5, v, (uint32_t)(int32_t)(int16_t)(buf[2] | buf[3] << 8));
  XPULP_LOAD_PI(lhu, v, p, -4);
  Check(6, v, (uint32_t)(buf[8] | buf[9] << 8));
  Check(7, (uint32_t)(p - buf), 4);
  XPULP_LOAD_PI(lw, v, p, -2048);
  uint32_t w;
  memcpy(&w, buf + 4, 4);
  Check(8, v, w);
  Check(9, (uint32_t)(p - buf), (uint32_t)(4 - 2048));

  // Register increments, including negative ones, over the whole buffer.
  int32_t sum_pi = 0, sum_ref = 0;
  p = buf + 252;
  for (int i = 0; i < 64; i++) {
    XPULP_LOAD_PR(lw, v, p, -4);
    memcpy(&w, buf + 252 - 4 * i, 4);
    sum_pi += (int32_t)v;
    sum_ref += (int32_t)w;
  }
  Check(10, (uint32_t)sum_pi, (uint32_t)sum_ref);
  Check(11, (uint32_t)(p - buf), (uint32_t)-4);
  p = buf + 1;
  for (int i = 0; i < 40; i++) {
    int32_t inc = (i & 1) ? -3 : 7;
    const uint8_t *before = p;
    XPULP_LOAD_PR(lb, v, p, inc);
    Check(12, v, (uint32_t)(int32_t)(int8_t)*before);
    Check(13, (uint32_t)(p - before), (uint32_t)inc);
    before = p;
    XPULP_LOAD_PR(lbu, v, p, 0);
    Check(14, v, *before);
    if (((uintptr_t)before & 1) == 0) {
      XPULP_LOAD_PR(lh, v, p, 1);
      p -= 1;
      Check(15, v, (uint32_t)(int32_t)(int16_t)(before[0] | before[1] << 8));
    }
  }
  const uint16_t *h = (const uint16_t *)(buf + 100);
  XPULP_LOAD_PR(lhu, v, h, -6);
  Check(16, v, (uint32_t)(buf[100] | buf[101] << 8));
  Check(17, (uint32_t)((const uint8_t *)h - buf), 94);

  // Stores: immediate and register increments, forwards and backwards.
  memset(out, 0, sizeof(out));
  uint8_t *q = out + 128;
  XPULP_STORE_PI(sw, 0x11223344u, q, -4);
  XPULP_STORE_PI(sh, 0x5566u, q, 2);
  XPULP_STORE_PI(sb, 0x77u, q, 1);
  Check(20, (uint32_t)(q - out), 127);
  XPULP_STORE_PR(sb, 0x88u, q, -27);
  XPULP_STORE_PR(sh, 0x99aau, q, (int32_t)8);
  XPULP_STORE_PR(sw, 0xbbccddeeu, q, -100);
  Check(21, (uint32_t)(q - out), 8);
  memcpy(&w, out + 128, 4);
  Check(22, w, 0x11223344u);
  Check(23, (uint32_t)(out[124] | out[125] << 8), 0x5566);
  Check(24, out[126], 0x77);
  Check(25, out[127], 0x88);
  Check(26, (uint32_t)(out[100] | out[101] << 8), 0x99aa);
  memcpy(&w, out + 108, 4);
  Check(27, w, 0xbbccddeeu);

  // Register-register (no increment): cv.lw rD, rs2(rs1) and cv.sw rs2, rs3(rs1),
  // cv.lb / cv.lhu, written as raw CORE-V v2 words.
  const uint8_t *base = buf + 64;
  int32_t off = -12;
  __asm__ volatile(".insn r 0x2B, 3, 0x06, %0, %1, %2" : "=r"(v) : "r"(base), "r"(off));
  memcpy(&w, buf + 52, 4);
  Check(30, v, w);
  off = 5;
  __asm__ volatile(".insn r 0x2B, 3, 0x04, %0, %1, %2" : "=r"(v) : "r"(base), "r"(off));
  Check(31, v, (uint32_t)(int32_t)(int8_t)buf[69]);
  off = 6;
  __asm__ volatile(".insn r 0x2B, 3, 0x0D, %0, %1, %2" : "=r"(v) : "r"(base), "r"(off));
  Check(32, v, (uint32_t)(buf[70] | buf[71] << 8));
  uint8_t *obase = out + 200;
  off = -40;
  __asm__ volatile(".insn r 0x2B, 3, 0x16, %2, %0, %1"
                   : : "r"(obase), "r"(0xcafef00du), "r"(off) : "memory");
  memcpy(&w, out + 160, 4);
  Check(33, w, 0xcafef00du);
  Check(34, (uint32_t)(obase - out), 200);

  printf("xpulp postinc: %d failures\n", failures);
  return failures != 0;
}
