# Trap tests: illegal instructions, misaligned accesses and bus errors stop kiln-sim
# with exit code 125 and a message naming the cause, PC, instruction and address.
# Each entry: case|cause|pc|address (sym, sym+off or number).
set(trap_cases
  "lw|misaligned load|trap_pc|buf+2"
  "lh|misaligned load|trap_pc|buf+1"
  "lhu|misaligned load|trap_pc|buf+3"
  "sw|misaligned store|trap_pc|buf+1"
  "sh|misaligned store|trap_pc|buf+3"
  "jalr|instruction address misaligned|trap_pc|target+2"
  "branch|instruction address misaligned|trap_pc|trap_pc+6"
  "zero|illegal instruction|trap_pc|trap_pc"
  "ones|illegal instruction|trap_pc|trap_pc"
  "compressed|illegal instruction|trap_pc|trap_pc"
  "csr_unknown|illegal instruction|trap_pc|trap_pc"
  "csr_readonly|illegal instruction|trap_pc|trap_pc"
  "mret|illegal instruction|trap_pc|trap_pc"
  "ecall|ecall|trap_pc|trap_pc"
  "ebreak|ebreak|trap_pc|trap_pc"
  "load_bus|load bus error|trap_pc|0x20000004"
  "store_bus|store bus error|trap_pc|0x00000000"
  "store_after_l1|store bus error|trap_pc|0x10010000"
  "fetch_bus|instruction bus error|0x30000000|0x30000000"
  "cv_lw_pi|misaligned load|trap_pc|buf+2"
  "cv_sw_rr|misaligned store|trap_pc|buf+1"
  "cv_elw|illegal instruction|trap_pc|trap_pc"
  "cv_sci|illegal instruction|trap_pc|trap_pc"
  "cv_hwlp_f4|illegal instruction|trap_pc|trap_pc"
  "custom2|illegal instruction|trap_pc|trap_pc")
foreach(spec IN LISTS trap_cases)
  string(REPLACE "|" ";" entry "${spec}")
  list(GET entry 0 name)
  list(GET entry 1 cause)
  list(GET entry 2 pc)
  list(GET entry 3 addr)
  set(out ${KILN_SIM_ELF_DIR}/trap_${name}.sim.elf)
  kiln_sim_firmware(TARGET sim-test-trap_${name} OUTPUT ${out}
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/traps.S FLAGS -DCASE_${name}
    DEPENDS ${KILN_SIM_TEST_DEPS})
  set(extra)
  if(name STREQUAL "fetch_bus")
    set(extra --instr 0)  # nothing was fetched
  endif()
  kiln_sim_test(sim.trap.${name} ${Python3_EXECUTABLE}
    ${CMAKE_CURRENT_LIST_DIR}/../check_trap.py --sim ${KILN_SIM_BIN} --elf ${out}
    "--cause=${cause}" --pc ${pc} --addr ${addr} ${extra})
endforeach()

# The cycle limit: an endless loop stops with exit code 124.
kiln_sim_elf(trap_loop sim ${CMAKE_CURRENT_LIST_DIR}/loop.S)
kiln_sim_test(sim.trap.cycle_limit ${KILN_SIM_BIN}
  --elf ${KILN_SIM_ELF_DIR}/trap_loop.sim.elf --max-cycles 5000)
set_tests_properties(sim.trap.cycle_limit sim.c8.trap.cycle_limit PROPERTIES
  PASS_REGULAR_EXPRESSION "kiln-sim: cycle limit of 5000 reached")
