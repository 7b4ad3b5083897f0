# Finds kiln's external packages (all from Debian 12) and checks their versions, so a
# wrong machine fails at configure time with a message, not with a compile error later.
# Nothing here is vendored: third_party/ says how packages are found and pinned.

# Protobuf must come before ONNX: ONNX's config refers to protobuf::libprotobuf.
find_package(Protobuf 3.12 REQUIRED)
find_package(ONNX 1.12 REQUIRED CONFIG)
find_package(fmt 9 REQUIRED CONFIG)
find_package(CLI11 2.1 REQUIRED CONFIG)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)

if(KILN_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED CONFIG)
  find_package(FileCheck REQUIRED)
  find_package(Lit REQUIRED)
  find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)
  find_package(OnnxRuntimeNode)
endif()

if(KILN_BUILD_SIM)
  find_package(verilator 5.0 CONFIG)
  if(NOT verilator_FOUND)
    message(WARNING "Verilator >= 5 not found: sim/ is not built (run tools/setup.sh)")
    set(KILN_BUILD_SIM OFF CACHE BOOL "" FORCE)
  endif()
endif()
