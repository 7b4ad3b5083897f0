// Differential test: picolibc string and conversion routines (memcpy/memmove
// with every alignment, strcmp, strtol, strchr/strstr) and a hand-written
// reverse.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char src[96], dst[96];

static void reverse(char *s) {
  for (size_t i = 0, j = strlen(s); i + 1 < j; i++, j--) {
    char t = s[i];
    s[i] = s[j - 1];
    s[j - 1] = t;
  }
}

int main(void) {
  for (int i = 0; i < 96; i++) src[i] = (char)('A' + i % 26);
  unsigned h = 0;
  for (int so = 0; so < 4; so++)
    for (int d = 0; d < 4; d++)
      for (int n = 0; n < 40; n += 7) {
        memset(dst, '.', sizeof(dst));
        memcpy(dst + d, src + so, (size_t)n);
        for (int i = 0; i < 96; i++) h = h * 33 + (unsigned char)dst[i];
      }
  printf("memcpy hash %08x\n", h);
  memcpy(dst, src, 60);
  memmove(dst + 3, dst, 40);
  dst[50] = 0;
  printf("memmove: %s\n", dst);
  memmove(dst, dst + 5, 30);
  dst[30] = 0;
  printf("memmove back: %s\n", dst);

  const char *words[] = {"apple", "apricot", "banana", "", "apple", "Apple"};
  for (int i = 0; i < 5; i++) {
    int c = strcmp(words[i], words[i + 1]);
    printf("strcmp(%s,%s)=%d ncmp3=%d len=%u\n", words[i], words[i + 1],
           (c > 0) - (c < 0), strncmp(words[i], words[i + 1], 3) != 0,
           (unsigned)strlen(words[i]));
  }
  const char *nums[] = {"12345",   "-987",        "0x1f",       "0777",
                        "  42abc", "-2147483648", "99999999999"};
  for (int i = 0; i < 7; i++) {
    char *end;
    long v = strtol(nums[i], &end, 0);
    printf("strtol(\"%s\")=%ld rest=\"%s\" atoi=%d\n", nums[i], v, end,
           atoi(nums[i]));
  }
  char text[] = "the quick brown fox jumps over the lazy dog";
  printf("strchr=%s strrchr=%s strstr=%s\n", strchr(text, 'q'),
         strrchr(text, 'o'), strstr(text, "lazy"));
  reverse(text);
  printf("reversed: %s\n", text);
  char joined[64] = "kiln";
  strcat(joined, "-");
  const char *tail = "simulator";
  strncat(joined, tail, sizeof(joined) - strlen(joined) - 1);
  printf("joined: %s (%u)\n", joined, (unsigned)strlen(joined));
  return 0;
}
