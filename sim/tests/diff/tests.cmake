# Differential tier: the same program built for kiln-sim and for qemu-riscv32 (they
# differ only in sim/sw/io_*.c) must print the same output and exit code.
if(NOT KILN_QEMU_RV32)
  message(WARNING "qemu-riscv32 not found: sim differential tests are skipped")
  return()
endif()

set(diff_programs sort.c crc.c matmul.c printf_ints.c primes.c strings.c bigmath.c
  hash.c recursion.c bitops.c asm_fib.S asm_memops.S)
foreach(src ${diff_programs})
  get_filename_component(name ${src} NAME_WE)
  set(path ${CMAKE_CURRENT_LIST_DIR}/${src})
  kiln_sim_elf(diff_${name} sim ${path})
  kiln_sim_elf(diff_${name} qemu ${path})
  kiln_sim_test(sim.diff.${name} ${Python3_EXECUTABLE}
    ${CMAKE_CURRENT_LIST_DIR}/../run_diff.py --sim ${KILN_SIM_BIN}
    --qemu ${KILN_QEMU_RV32}
    --sim-elf ${KILN_SIM_ELF_DIR}/diff_${name}.sim.elf
    --qemu-elf ${KILN_SIM_ELF_DIR}/diff_${name}.qemu.elf
    --max-cycles ${KILN_SIM_MAX_CYCLES})
endforeach()
