# Harness command line: errors, --trace and --stats formats.
kiln_sim_test(sim.cli ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_cli.py
  --sim ${KILN_SIM_BIN} --elf ${KILN_SIM_ELF_DIR}/isa_loadstore.sim.elf)
