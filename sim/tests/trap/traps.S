// Trap tests: each case is selected with -DCASE_<name> and faults at `trap_pc`.
// sim/tests/trap/CMakeLists.txt lists the cause and address each must report.
#include "sim/tests/support/test_macros.h"
  .data
  .align 4
buf:
  .word 0x11111111, 0x22222222
  .text
  .globl main, trap_pc, target
main:
  la a0, buf
  li a1, 0x5a
#if defined(CASE_lw)
trap_pc: lw a2, 2(a0)
#elif defined(CASE_lh)
trap_pc: lh a2, 1(a0)
#elif defined(CASE_lhu)
trap_pc: lhu a2, 3(a0)
#elif defined(CASE_sw)
trap_pc: sw a1, 1(a0)
#elif defined(CASE_sh)
trap_pc: sh a1, 3(a0)
#elif defined(CASE_jalr)
  la a3, target
  addi a3, a3, 2
trap_pc: jalr ra, 0(a3)
#elif defined(CASE_branch)
  .option push
  .option norvc
trap_pc: beq x0, x0, . + 6
  .option pop
#elif defined(CASE_cv_lw_pi)
  addi a0, a0, 2
trap_pc: .insn i 0x0B, 2, a2, a0, 4       // cv.lw a2, (a0), 4 at buf+2
#elif defined(CASE_cv_sw_rr)
  li a3, 1
trap_pc: .insn r 0x2B, 3, 0x16, a3, a0, a1  // cv.sw a1, a3(a0) at buf+1
#elif defined(CASE_cv_elw)
trap_pc: .insn i 0x0B, 3, a2, a0, 0       // cv.elw: not implemented
#elif defined(CASE_cv_sci)
trap_pc: .insn r 0x7B, 7, 0x54, a2, a0, a1  // cv.sdotsp.sci.b: not implemented
#elif defined(CASE_cv_hwlp_f4)
trap_pc: .insn i 0x2B, 4, x16, x0, 0      // hardware-loop funct4 1000
#elif defined(CASE_custom2)
trap_pc: .word 0x0000005b
#elif defined(CASE_zero)
trap_pc: .word 0
#elif defined(CASE_ones)
trap_pc: .word 0xffffffff
#elif defined(CASE_compressed)
trap_pc: .word 0x00014501         // c.li a0, 0 followed by c.nop: no C extension
#elif defined(CASE_csr_unknown)
trap_pc: csrr a2, 0x7c0
#elif defined(CASE_csr_readonly)
trap_pc: csrw mhartid, a1
#elif defined(CASE_mret)
trap_pc: mret
#elif defined(CASE_ecall)
trap_pc: ecall
#elif defined(CASE_ebreak)
trap_pc: ebreak
#elif defined(CASE_load_bus)
  li a3, 0x20000000
trap_pc: lw a2, 4(a3)
#elif defined(CASE_store_bus)
trap_pc: sw a1, 0(zero)
#elif defined(CASE_store_after_l1)
  li a3, 0x10010000              // first byte after the 64 KiB L1
trap_pc: sb a1, 0(a3)
#elif defined(CASE_fetch_bus)
  li a3, 0x30000000
trap_pc: jr a3
#endif
  nop
target:
  nop
  li a0, 0
  ret
