// Per-core output and traps on other cores (kiln-sim-8): every core prints one
// line (character by character: picolibc's stdio is not shared between cores),
// then core 3 executes an illegal instruction. check_exit.py expects core 0's
// line as is, the others prefixed "[core k] ", and "trap on core 3".
#include <stdint.h>

#include "kiln_sim.h"
#include "runtime/platform/pulp/cluster.h"

static void say(void *arg) {
  (void)arg;
  uint32_t id = kiln_core_id();
  const char *text = "hello from core ";
  for (const char *p = text; *p; p++) kiln_putchar(*p);
  kiln_putchar((char)('0' + id));
  kiln_putchar('\n');
}

__attribute__((noinline)) static void bad(void *arg) {
  (void)arg;
  if (kiln_core_id() == 3) __asm__ volatile(".word 0");  // illegal instruction
}

int main(void) {
  kiln_fork(say, 0);
  kiln_fork(bad, 0);
  return 0;
}
