// Differential test in assembly: byte, halfword and word copy loops at different
// offsets, signed/unsigned sub-word loads, and MULH-based checksums; the result
// is printed in hex and returned as the exit code's low bits.
  .data
  .align 4
src:
  .rept 64
  .byte 0x81, 0x7e, 0x00, 0xff
  .endr
dst:
  .space 512
  .text
  .globl main
main:
  addi sp, sp, -16
  sw ra, 12(sp)
  sw s0, 8(sp)
  sw s1, 4(sp)
  // Patch the source so bytes differ.
  la t0, src
  li t1, 0
1:
  add t2, t0, t1
  lbu t3, 0(t2)
  xor t3, t3, t1
  sb t3, 0(t2)
  addi t1, t1, 1
  li t4, 256
  blt t1, t4, 1b

  // Byte copy src -> dst+1 (200 bytes).
  la t0, src
  la t1, dst
  addi t1, t1, 1
  li t2, 200
2:
  lb t3, 0(t0)
  sb t3, 0(t1)
  addi t0, t0, 1
  addi t1, t1, 1
  addi t2, t2, -1
  bnez t2, 2b
  // Halfword copy src+2 -> dst+258 (60 halves).
  la t0, src
  addi t0, t0, 2
  la t1, dst
  addi t1, t1, 258
  li t2, 60
3:
  lh t3, 0(t0)
  sh t3, 0(t1)
  addi t0, t0, 2
  addi t1, t1, 2
  addi t2, t2, -1
  bnez t2, 3b
  // Word copy src+128 -> dst+384 (32 words).
  la t0, src
  addi t0, t0, 128
  la t1, dst
  addi t1, t1, 384
  li t2, 32
4:
  lw t3, 0(t0)
  sw t3, 0(t1)
  addi t0, t0, 4
  addi t1, t1, 4
  addi t2, t2, -1
  bnez t2, 4b

  // Checksum dst with signed and unsigned sub-word loads.
  la t0, dst
  li t2, 512
  li s0, 0x9e3779b9
  li s1, 0
5:
  lb t3, 0(t0)
  lbu t4, 0(t0)
  add s1, s1, t3
  mul t5, s0, t4
  mulhu t6, s0, t5
  xor s0, t5, t6
  addi s0, s0, 1
  addi t0, t0, 1
  addi t2, t2, -1
  bnez t2, 5b
  la t0, dst
  lh t3, 258(t0)
  lhu t4, 260(t0)
  add s1, s1, t3
  add s1, s1, t4

  mv a0, s0
  call print_hex
  li a0, ' '
  call kiln_io_putchar
  mv a0, s1
  call print_hex
  li a0, '\n'
  call kiln_io_putchar
  andi a0, s0, 0x3f
  lw s1, 4(sp)
  lw s0, 8(sp)
  lw ra, 12(sp)
  addi sp, sp, 16
  ret

print_hex:
  addi sp, sp, -16
  sw ra, 12(sp)
  sw s0, 8(sp)
  sw s1, 4(sp)
  mv s0, a0
  li s1, 28
1:
  srl t0, s0, s1
  andi t0, t0, 15
  li t1, 10
  blt t0, t1, 2f
  addi t0, t0, 'a' - 10 - '0'
2:
  addi a0, t0, '0'
  call kiln_io_putchar
  addi s1, s1, -4
  bgez s1, 1b
  lw s1, 4(sp)
  lw s0, 8(sp)
  lw ra, 12(sp)
  addi sp, sp, 16
  ret
