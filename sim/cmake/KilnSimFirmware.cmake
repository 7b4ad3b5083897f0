# kiln_sim_firmware(): cross-compiles a bare-metal RV32IM program for kiln-sim (or
# its QEMU twin) inside the normal build, with sim/sw's crt0, linker script and
# I/O layer. Included by sim/CMakeLists.txt, so any later folder may call it.
#
#   kiln_sim_firmware(TARGET <target> OUTPUT <file.elf> [PLATFORM sim|qemu]
#                     SOURCES <files...> [FLAGS <compiler flags...>]
#                     [DEPENDS <files...>])
#
# The platforms differ only in sim/sw/io_<platform>.c (sim-control registers vs.
# Linux system calls); -DKILN_PLATFORM_SIM or -DKILN_PLATFORM_QEMU is defined.
# <target> (built by default) produces the ELF.

find_program(KILN_RISCV_GCC riscv64-unknown-elf-gcc)

function(kiln_sim_firmware)
  cmake_parse_arguments(F "" "TARGET;OUTPUT;PLATFORM" "SOURCES;FLAGS;DEPENDS" ${ARGN})
  if(NOT F_PLATFORM)
    set(F_PLATFORM sim)
  endif()
  if(NOT KILN_RISCV_GCC)
    message(FATAL_ERROR "kiln_sim_firmware: riscv64-unknown-elf-gcc not found")
  endif()
  # Paths from this file, not from variables: the caller may be in any directory.
  get_filename_component(sw ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../sw ABSOLUTE)
  get_filename_component(repo ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../.. ABSOLUTE)
  # -misa-spec=2.2: Zicsr is part of I, and picolibc's rv32im multilib is selected
  # (rv32im_zicsr would pick an rv64 library).
  set(flags -march=rv32im -mabi=ilp32 -misa-spec=2.2 --specs=picolibc.specs
    -nostartfiles -T ${sw}/link.ld -O2 -g -Wall -Wextra -Werror -I${sw} -I${repo})
  string(TOUPPER ${F_PLATFORM} platform_upper)
  get_filename_component(out_dir ${F_OUTPUT} DIRECTORY)
  get_filename_component(out_name ${F_OUTPUT} NAME)
  add_custom_command(OUTPUT ${F_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${out_dir}
    COMMAND ${KILN_RISCV_GCC} ${flags} ${F_FLAGS}
      -DKILN_PLATFORM_${platform_upper} -o ${F_OUTPUT} ${sw}/crt0.S
      ${F_SOURCES} ${sw}/io_${F_PLATFORM}.c
    DEPENDS ${F_SOURCES} ${F_DEPENDS} ${sw}/crt0.S ${sw}/link.ld ${sw}/kiln_sim.h
      ${sw}/io_${F_PLATFORM}.c
    COMMENT "riscv32: ${out_name}"
    VERBATIM)
  # A custom command's output can only be depended on from its own directory; a
  # target per program makes it buildable (and built by default) from anywhere.
  add_custom_target(${F_TARGET} ALL DEPENDS ${F_OUTPUT})
endfunction()
