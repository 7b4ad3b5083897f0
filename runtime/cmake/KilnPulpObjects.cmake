# kiln_pulp_objects(<out_var> <dir> <flags> <sources...>): compiles C++ runtime
# sources (PULP kernels, their reference twins, test or bench programs) for
# kiln-sim with riscv64-unknown-elf-g++ and the firmware flags, one object per
# source in <dir>; the objects go to kiln_sim_firmware() as SOURCES (which
# compiles C only: C++ needs -fno-exceptions -fno-rtti, which C rejects).
# Used by runtime/tests/pulp and bench/pulp/kernels.
get_filename_component(KILN_PULP_REPO ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
find_program(KILN_RISCV_GXX_FW riscv64-unknown-elf-g++)
file(GLOB KILN_PULP_DEPS CONFIGURE_DEPENDS
  ${KILN_PULP_REPO}/runtime/include/kiln/*.h
  ${KILN_PULP_REPO}/runtime/include/kiln/ref/*.h
  ${KILN_PULP_REPO}/runtime/include/kiln/pulp/*.h
  ${KILN_PULP_REPO}/runtime/kernels/pulp/*.h
  ${KILN_PULP_REPO}/runtime/kernels/pulp/*.def
  ${KILN_PULP_REPO}/runtime/platform/pulp/*.h
  ${KILN_PULP_REPO}/runtime/tests/pulp/*.h)

function(kiln_pulp_objects out dir flags)
  set(objs)
  foreach(src ${ARGN})
    get_filename_component(name ${src} NAME_WE)
    set(obj ${dir}/${name}.o)
    add_custom_command(OUTPUT ${obj}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
      COMMAND ${KILN_RISCV_GXX_FW} -std=gnu++17 -march=rv32im -mabi=ilp32
        -misa-spec=2.2 --specs=picolibc.specs -O2 -g ${KILN_FIRMWARE_FLAGS} -nostdinc++
        -I${KILN_PULP_REPO}/runtime/include -I${KILN_PULP_REPO} ${flags}
        -c ${src} -o ${obj}
      DEPENDS ${src} ${KILN_PULP_DEPS}
      COMMENT "riscv32 (pulp): ${name}.o"
      COMMAND_EXPAND_LISTS VERBATIM)
    list(APPEND objs ${obj})
  endforeach()
  set(${out} ${objs} PARENT_SCOPE)
endfunction()

