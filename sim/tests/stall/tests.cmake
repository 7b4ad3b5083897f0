# Wait-state tier: the ISA, random and some differential programs again, with
# kiln-sim's --random-stalls withholding grants and delaying responses on both
# memory ports. Results must not change: the core's request/grant/rvalid ports are
# what the [cluster] interconnect will stall. (Timing tests do not apply here.)
# csr is left out: it checks cycle-exact mcycle differences.
set(seed 1)
set(stall_isa ${isa_tests})
list(REMOVE_ITEM stall_isa csr)
foreach(t ${stall_isa})
  kiln_sim_test(sim.stall.isa.${t} ${KILN_SIM_BIN}
    --elf ${KILN_SIM_ELF_DIR}/isa_${t}.sim.elf --max-cycles ${KILN_SIM_MAX_CYCLES}
    --random-stalls ${seed})
  math(EXPR seed "${seed} + 1")
endforeach()
if(KILN_QEMU_RV32)
  foreach(name random_1 random_2 random_3 diff_sort diff_printf_ints diff_asm_memops
      diff_recursion)
    kiln_sim_test(sim.stall.${name} ${Python3_EXECUTABLE}
      ${CMAKE_CURRENT_LIST_DIR}/../run_diff.py --sim ${KILN_SIM_BIN}
      --qemu ${KILN_QEMU_RV32}
      --sim-elf ${KILN_SIM_ELF_DIR}/${name}.sim.elf
      --qemu-elf ${KILN_SIM_ELF_DIR}/${name}.qemu.elf
      --max-cycles ${KILN_SIM_MAX_CYCLES} --sim-arg=--random-stalls=${seed})
    math(EXPR seed "${seed} + 1")
  endforeach()
endif()
