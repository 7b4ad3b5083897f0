# Small helpers shared by every folder's CMakeLists.

# Warning flags for host code (compiler, tools, tests).
set(KILN_HOST_WARNINGS -Wall -Wextra -Wno-unused-parameter)

# Flags for firmware code (runtime and generated): freestanding C++17, C headers only,
# no exceptions/RTTI/heap, identical float results on every target (design brief §5).
set(KILN_FIRMWARE_FLAGS -Wall -Wextra -Werror -fno-exceptions -fno-rtti
  -fno-threadsafe-statics -ffp-contract=off -fno-fast-math)

# kiln_add_unit_test(NAME SOURCES... LIBS ...): a GoogleTest binary labelled `unit`.
# A no-op when KILN_BUILD_TESTS is OFF.
function(kiln_add_unit_test name)
  if(NOT KILN_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(T "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest_main)
  target_compile_options(${name} PRIVATE ${KILN_HOST_WARNINGS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY
    ${PROJECT_BINARY_DIR}/tests/unit)
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}" TIMEOUT 120)
endfunction()
