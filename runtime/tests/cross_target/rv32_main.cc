// Bare-metal entry point of the rv32im probe under qemu-riscv32 (Linux user
// mode): prints "<name> <hash>" lines through the write syscall and exits. No
// libc exists for this toolchain, so memcpy/memset are provided here for the
// compiler's calls. Linked with --no-relax: nothing sets up gp, so no
// gp-relative addressing.
#include <stddef.h>

#include "runtime/tests/cross_target/probe.h"

namespace {

long Syscall(long n, long a, long b, long c) {
  register long a0 asm("a0") = a;
  register long a1 asm("a1") = b;
  register long a2 asm("a2") = c;
  register long a7 asm("a7") = n;
  asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
  return a0;
}

void Emit(void*, const char* name, uint32_t hash) {
  char line[64];
  int n = 0;
  while (name[n] != 0 && n < 40) {
    line[n] = name[n];
    ++n;
  }
  line[n++] = ' ';
  for (int i = 7; i >= 0; --i)
    line[n++] = "0123456789abcdef"[(hash >> (4 * i)) & 0xf];
  line[n++] = '\n';
  Syscall(64, 1, (long)line, n);  // write(1, line, n)
}

}  // namespace

extern "C" void* memcpy(void* d, const void* s, size_t n) {
  char* dc = static_cast<char*>(d);
  const char* sc = static_cast<const char*>(s);
  for (size_t i = 0; i < n; ++i) dc[i] = sc[i];
  return d;
}

extern "C" void* memset(void* d, int v, size_t n) {
  char* dc = static_cast<char*>(d);
  for (size_t i = 0; i < n; ++i) dc[i] = static_cast<char>(v);
  return d;
}

extern "C" void _start() {
  kiln_probe_run(Emit, nullptr);
  Syscall(93, 0, 0, 0);  // exit(0)
  for (;;) {
  }
}
