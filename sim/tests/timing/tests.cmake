# Timing tier: cycle counts measured with mcycle must equal docs/sim.md's table,
# which is for zero-wait memory (--l2-latency 0; the data are in L2).
kiln_sim_elf(timing sim ${CMAKE_CURRENT_LIST_DIR}/timing.S)
kiln_sim_test(sim.timing ${KILN_SIM_BIN} --elf ${KILN_SIM_ELF_DIR}/timing.sim.elf
  --max-cycles 200000 --l2-latency 0)
# CORE-V instructions: the "CORE-V extensions" timing table of docs/sim.md.
kiln_sim_elf(timing_xpulp sim ${CMAKE_CURRENT_LIST_DIR}/timing_xpulp.S)
kiln_sim_test(sim.timing.xpulp ${KILN_SIM_BIN}
  --elf ${KILN_SIM_ELF_DIR}/timing_xpulp.sim.elf --max-cycles 200000 --l2-latency 0)
