# CORE-V (Xpulp) tier: SIMD/dot/clip/MAC against a C reference model on 1,000 random
# operand sets each, post-increment and register-register loads/stores, hardware
# loops (nesting, short bodies, counts 0 and 1), the same three again under random
# wait states, and the instruction words of runtime/platform/pulp/xpulp.h (v1 and
# v2) against the manuals' encoding tables.
set(xpulp_dir ${CMAKE_CURRENT_LIST_DIR})
set(xpulp_header ${PROJECT_SOURCE_DIR}/runtime/platform/pulp/xpulp.h)
set(xpulp_seed 101)
foreach(t simd_random postinc hwloop)
  if(EXISTS ${xpulp_dir}/${t}.c)
    set(src ${xpulp_dir}/${t}.c)
  else()
    set(src ${xpulp_dir}/${t}.S)
  endif()
  kiln_sim_firmware(TARGET sim-test-xpulp_${t}.sim
    OUTPUT ${KILN_SIM_ELF_DIR}/xpulp_${t}.sim.elf
    SOURCES ${src} ${KILN_SIM_TEST_SUPPORT} DEPENDS ${KILN_SIM_TEST_DEPS} ${xpulp_header})
  kiln_sim_test(sim.xpulp.${t} ${KILN_SIM_BIN}
    --elf ${KILN_SIM_ELF_DIR}/xpulp_${t}.sim.elf --max-cycles ${KILN_SIM_MAX_CYCLES})
  kiln_sim_test(sim.stall.xpulp.${t} ${KILN_SIM_BIN}
    --elf ${KILN_SIM_ELF_DIR}/xpulp_${t}.sim.elf --max-cycles ${KILN_SIM_MAX_CYCLES}
    --random-stalls ${xpulp_seed})
  math(EXPR xpulp_seed "${xpulp_seed} + 1")
endforeach()

find_program(KILN_RISCV_OBJDUMP riscv64-unknown-elf-objdump)
if(KILN_RISCV_OBJDUMP)
  kiln_sim_test(sim.xpulp.encodings ${Python3_EXECUTABLE}
    ${xpulp_dir}/check_encodings.py --cc ${KILN_RISCV_GCC}
    --objdump ${KILN_RISCV_OBJDUMP} --repo ${PROJECT_SOURCE_DIR})
endif()
