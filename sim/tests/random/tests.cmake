# Random-instruction differential tests: gen_random.py writes a program of 10,000
# random RV32IM instructions per seed; kiln-sim and QEMU must end with the same
# registers and scratch memory.
if(NOT KILN_QEMU_RV32)
  return()
endif()
set(KILN_SIM_RANDOM_SEEDS 1 2 3 4 5)
foreach(seed ${KILN_SIM_RANDOM_SEEDS})
  set(asm ${CMAKE_CURRENT_BINARY_DIR}/random/random_${seed}.S)
  add_custom_command(OUTPUT ${asm}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/gen_random.py
      --seed ${seed} --count 10000 -o ${asm}
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/gen_random.py
    COMMENT "gen_random: seed ${seed}"
    VERBATIM)
  foreach(platform sim qemu)
    kiln_sim_elf(random_${seed} ${platform} ${asm}
      ${CMAKE_CURRENT_LIST_DIR}/random_dump.c)
  endforeach()
  kiln_sim_test(sim.random.seed${seed} ${Python3_EXECUTABLE}
    ${CMAKE_CURRENT_LIST_DIR}/../run_diff.py --sim ${KILN_SIM_BIN}
    --qemu ${KILN_QEMU_RV32}
    --sim-elf ${KILN_SIM_ELF_DIR}/random_${seed}.sim.elf
    --qemu-elf ${KILN_SIM_ELF_DIR}/random_${seed}.qemu.elf
    --max-cycles ${KILN_SIM_MAX_CYCLES})
endforeach()
