# Cluster tier: fork/join and the barrier, DMA copies checked byte for byte while
# the cores compute, the bank-conflict microbenchmark against an independent model
# of the arbitration, and DMA bus errors. Programs use
# runtime/platform/pulp/cluster.h; each runs on kiln-sim-8 and on kiln-sim (the
# one-core cluster), and under random wait states.
set(cluster_dir ${CMAKE_CURRENT_LIST_DIR})
set(cluster_header ${PROJECT_SOURCE_DIR}/runtime/platform/pulp/cluster.h)
set(cluster_seed 201)
foreach(t fork_barrier dma)
  set(elf ${KILN_SIM_ELF_DIR}/cluster_${t}.sim.elf)
  kiln_sim_firmware(TARGET sim-test-cluster_${t} OUTPUT ${elf}
    SOURCES ${cluster_dir}/${t}.c DEPENDS ${cluster_header})
  # kiln_sim_test adds the sim.c8.cluster.* runs.
  kiln_sim_test(sim.cluster.${t} ${KILN_SIM_BIN} --elf ${elf} --max-cycles 5000000)
  add_test(NAME sim.stall.cluster.${t} COMMAND ${KILN_SIM8_BIN} --elf ${elf}
    --max-cycles 10000000 --random-stalls ${cluster_seed})
  set_tests_properties(sim.stall.cluster.${t} PROPERTIES LABELS sim TIMEOUT 120)
  math(EXPR cluster_seed "${cluster_seed} + 1")
endforeach()

set(elf ${KILN_SIM_ELF_DIR}/cluster_conflicts.sim.elf)
kiln_sim_firmware(TARGET sim-test-cluster_conflicts OUTPUT ${elf}
  SOURCES ${cluster_dir}/conflicts.c ${cluster_dir}/conflicts_asm.S
  DEPENDS ${cluster_header})
kiln_sim_test(sim.cluster.conflicts ${Python3_EXECUTABLE}
  ${cluster_dir}/run_conflicts.py --sim ${KILN_SIM_BIN} --elf ${elf})

# A transfer from outside RAM stops the run with exit code 125.
set(elf ${KILN_SIM_ELF_DIR}/cluster_dma_error.sim.elf)
kiln_sim_firmware(TARGET sim-test-cluster_dma_error OUTPUT ${elf}
  SOURCES ${cluster_dir}/dma_error.c DEPENDS ${cluster_header})
kiln_sim_test(sim.cluster.dma_error ${Python3_EXECUTABLE} ${cluster_dir}/check_exit.py
  --code 125 --stderr "kiln-sim: DMA bus error: a beat to addr=0x10000040 has its source or destination outside RAM"
  -- ${KILN_SIM_BIN} --elf ${elf} --max-cycles 100000)

# The one-core fallback of cluster.h on the host (kernels on the API can be tested
# natively): built freestanding-style with the host compiler, warnings as errors.
add_executable(sim_cluster_host_fallback ${cluster_dir}/host_fallback.cc)
target_include_directories(sim_cluster_host_fallback PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_options(sim_cluster_host_fallback PRIVATE ${KILN_HOST_WARNINGS}
  -fno-exceptions -fno-rtti -Werror)
add_test(NAME sim.cluster.host_fallback COMMAND sim_cluster_host_fallback)
set_tests_properties(sim.cluster.host_fallback PROPERTIES LABELS sim TIMEOUT 60)

# Per-core output prefixes and a trap on a core other than 0 (8 cores only).
set(elf ${KILN_SIM_ELF_DIR}/cluster_per_core.sim.elf)
kiln_sim_firmware(TARGET sim-test-cluster_per_core OUTPUT ${elf}
  SOURCES ${cluster_dir}/per_core.c DEPENDS ${cluster_header})
set(lines "--stdout-line=hello from core 0")
foreach(c 1 2 3 4 5 6 7)
  list(APPEND lines "--stdout-line=[core ${c}] hello from core ${c}")
endforeach()
add_test(NAME sim.cluster.per_core COMMAND ${Python3_EXECUTABLE} ${cluster_dir}/check_exit.py
  --code 125 "--stderr=kiln-sim: trap on core 3: illegal instruction at pc=" ${lines}
  -- ${KILN_SIM8_BIN} --elf ${elf} --max-cycles 200000)
set_tests_properties(sim.cluster.per_core PROPERTIES LABELS sim TIMEOUT 60)
