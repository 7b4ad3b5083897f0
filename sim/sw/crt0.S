// Start-up code of kiln-sim programs: sets gp, sp and tp, runs the C constructors
// and calls main, then exit(). The same file starts the QEMU build of a program.
  .section .text.init, "ax"
  .globl _start
  .type _start, @function
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stack_top
  // picolibc keeps errno etc. in TLS; one hart, so the template itself is the block.
  la tp, __tls_base

  // No .bss clearing: both loaders (kiln-sim and QEMU's) zero-fill it, and
  // buffers that kiln-sim's --load writes before the run must survive start-up.
  call __libc_init_array
  li a0, 0
  li a1, 0
  call main
  call exit
1:
  j 1b
  .size _start, . - _start
