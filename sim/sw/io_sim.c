// I/O layer of kiln-sim programs: picolibc's stdio goes to the sim-control
// PUTCHAR register and _exit writes the EXIT register. io_qemu.c is the QEMU
// counterpart.
#include <stdio.h>

#include "kiln_sim.h"

static int sim_put(char c, FILE *file) {
  (void)file;
  kiln_putchar(c);
  return (unsigned char)c;
}

static FILE sim_stdio =
    FDEV_SETUP_STREAM(sim_put, NULL, NULL, _FDEV_SETUP_WRITE);

FILE *const stdin = &sim_stdio;
FILE *const stdout = &sim_stdio;
FILE *const stderr = &sim_stdio;

void _exit(int code) {
  kiln_exit(code);
  for (;;) {
  }
}

// Used by the assembly test framework (sim/tests/isa/test_macros.h).
void kiln_io_putchar(int c) { kiln_putchar((char)c); }
