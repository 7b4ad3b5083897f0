// Never exits: kiln-sim must stop it at --max-cycles.
  .text
  .globl main
main:
1:
  j 1b
