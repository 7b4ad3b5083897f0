// Start-up code of kiln-sim programs: sets gp, sp and tp, clears .bss, runs the C
// constructors and calls main, then exit(). The same file starts the QEMU build of a
// program, so it relies on nothing the harness does (e.g. it zeroes .bss itself).
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

  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sw zero, 0(t0)
  addi t0, t0, 4
  j 1b
2:
  call __libc_init_array
  li a0, 0
  li a1, 0
  call main
  call exit
3:
  j 3b
  .size _start, . - _start
