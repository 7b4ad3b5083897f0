# LLVM's FileCheck (Debian: llvm-14-tools), used by the lit pass tests.
find_program(FILECHECK_EXECUTABLE NAMES FileCheck FileCheck-14
  HINTS /usr/lib/llvm-14/bin /usr/lib/llvm-15/bin /usr/lib/llvm-16/bin)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(FileCheck REQUIRED_VARS FILECHECK_EXECUTABLE)
