# --load/--dump: round trip of a buffer through a transforming program.
kiln_sim_elf(loaddump sim ${CMAKE_CURRENT_LIST_DIR}/transform.c)
kiln_sim_test(sim.loaddump ${Python3_EXECUTABLE}
  ${CMAKE_CURRENT_LIST_DIR}/run_loaddump.py --sim ${KILN_SIM_BIN}
  --elf ${KILN_SIM_ELF_DIR}/loaddump.sim.elf)
