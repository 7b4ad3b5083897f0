// I/O layer of the QEMU build of a program (qemu-riscv32, Linux user mode):
// stdout and exit become Linux system calls, so the same program can run on
// both.
#include <stdio.h>

static long linux_syscall3(long n, long a0, long a1, long a2) {
  register long x10 __asm__("a0") = a0;
  register long x11 __asm__("a1") = a1;
  register long x12 __asm__("a2") = a2;
  register long x17 __asm__("a7") = n;
  __asm__ volatile("ecall"
                   : "+r"(x10)
                   : "r"(x11), "r"(x12), "r"(x17)
                   : "memory");
  return x10;
}

enum { kSysWrite = 64, kSysExitGroup = 94 };

static int qemu_put(char c, FILE *file) {
  (void)file;
  linux_syscall3(kSysWrite, 1, (long)&c, 1);
  return (unsigned char)c;
}

static FILE qemu_stdio =
    FDEV_SETUP_STREAM(qemu_put, NULL, NULL, _FDEV_SETUP_WRITE);

FILE *const stdin = &qemu_stdio;
FILE *const stdout = &qemu_stdio;
FILE *const stderr = &qemu_stdio;

void _exit(int code) {
  linux_syscall3(kSysExitGroup, code, 0, 0);
  for (;;) {
  }
}

void kiln_io_putchar(int c) { qemu_put((char)c, NULL); }
