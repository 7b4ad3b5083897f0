// Differential test in assembly: Fibonacci numbers, 64-bit via add-with-carry, and
// a Collatz walk, printed in decimal by an assembly routine (DIVU/REMU by 10).
  .text
  .globl main
main:
  addi sp, sp, -32
  sw ra, 28(sp)
  sw s0, 24(sp)
  sw s1, 20(sp)
  sw s2, 16(sp)
  sw s3, 12(sp)
  sw s4, 8(sp)

  // fib(0..47) fits 32 bits; print every 5th.
  li s0, 0            // fib(i)
  li s1, 1            // fib(i+1)
  li s2, 0            // i
1:
  li t0, 5
  remu t0, s2, t0
  bnez t0, 2f
  mv a0, s2
  call print_dec
  li a0, ':'
  call kiln_io_putchar
  mv a0, s0
  call print_dec
  li a0, '\n'
  call kiln_io_putchar
2:
  add t0, s0, s1
  mv s0, s1
  mv s1, t0
  addi s2, s2, 1
  li t0, 47
  blt s2, t0, 1b

  // 64-bit Fibonacci up to fib(90): low word carry via SLTU.
  li s0, 0            // lo(a)
  li s1, 0            // hi(a)
  li s2, 1            // lo(b)
  li s3, 0            // hi(b)
  li s4, 90
3:
  add t0, s0, s2
  sltu t1, t0, s0     // carry
  add t2, s1, s3
  add t2, t2, t1
  mv s0, s2
  mv s1, s3
  mv s2, t0
  mv s3, t2
  addi s4, s4, -1
  bnez s4, 3b
  mv a0, s1
  call print_hex
  mv a0, s0
  call print_hex
  li a0, '\n'
  call kiln_io_putchar

  // Collatz walk from 27: steps and peak.
  li s0, 27
  li s1, 0            // steps
  li s2, 0            // peak
4:
  bgeu s2, s0, 5f
  mv s2, s0
5:
  li t0, 1
  beq s0, t0, 7f
  andi t0, s0, 1
  beqz t0, 6f
  slli t1, s0, 1
  add s0, s0, t1
  addi s0, s0, 1
  addi s1, s1, 1
  j 4b
6:
  srli s0, s0, 1
  addi s1, s1, 1
  j 4b
7:
  mv a0, s1
  call print_dec
  li a0, ' '
  call kiln_io_putchar
  mv a0, s2
  call print_dec
  li a0, '\n'
  call kiln_io_putchar

  li a0, 0
  lw s4, 8(sp)
  lw s3, 12(sp)
  lw s2, 16(sp)
  lw s1, 20(sp)
  lw s0, 24(sp)
  lw ra, 28(sp)
  addi sp, sp, 32
  ret

// print_dec(a0): unsigned decimal.
print_dec:
  addi sp, sp, -32
  sw ra, 28(sp)
  sw s0, 24(sp)
  sw s1, 20(sp)
  mv s0, sp           // digits buffer grows down from sp+16
  addi s1, sp, 16
  li t1, 10
1:
  remu t0, a0, t1
  divu a0, a0, t1
  addi t0, t0, '0'
  addi s1, s1, -1
  sb t0, 0(s1)
  bnez a0, 1b
2:
  lbu a0, 0(s1)
  call kiln_io_putchar
  addi s1, s1, 1
  addi t0, s0, 16
  bltu s1, t0, 2b
  lw s1, 20(sp)
  lw s0, 24(sp)
  lw ra, 28(sp)
  addi sp, sp, 32
  ret

// print_hex(a0): 8 hex digits.
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
