// Differential test: CRC-32 (bitwise and table-driven), CRC-16/CCITT and
// Adler-32 over generated data.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t crc32_bitwise(const uint8_t *p, size_t n) {
  uint32_t crc = 0xffffffffu;
  while (n--) {
    crc ^= *p++;
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
  }
  return ~crc;
}

static uint32_t table[256];
static void make_table(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
    table[i] = c;
  }
}
static uint32_t crc32_table(const uint8_t *p, size_t n) {
  uint32_t crc = 0xffffffffu;
  while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static uint16_t crc16_ccitt(const uint8_t *p, size_t n) {
  uint16_t crc = 0xffff;
  while (n--) {
    crc ^= (uint16_t)(*p++ << 8);
    for (int k = 0; k < 8; k++)
      crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021)
                           : (uint16_t)(crc << 1);
  }
  return crc;
}

static uint32_t adler32(const uint8_t *p, size_t n) {
  uint32_t a = 1, b = 0;
  while (n--) {
    a = (a + *p++) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

static uint8_t data[4096];

int main(void) {
  const char *check = "123456789";
  make_table();
  printf("crc32(\"%s\") = %08lx %08lx\n", check,
         (unsigned long)crc32_bitwise((const uint8_t *)check, 9),
         (unsigned long)crc32_table((const uint8_t *)check, 9));
  printf("crc16(\"%s\") = %04x\n", check,
         crc16_ccitt((const uint8_t *)check, 9));
  uint32_t x = 1;
  for (size_t i = 0; i < sizeof(data); i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    data[i] = (uint8_t)x;
  }
  for (size_t n = 1; n <= sizeof(data); n *= 4) {
    printf("n=%4u crc32=%08lx/%08lx crc16=%04x adler=%08lx\n", (unsigned)n,
           (unsigned long)crc32_bitwise(data, n),
           (unsigned long)crc32_table(data, n), crc16_ccitt(data, n),
           (unsigned long)adler32(data, n));
  }
  return 0;
}
