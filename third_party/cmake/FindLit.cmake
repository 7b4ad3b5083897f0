# LLVM's lit test runner (Debian ships it inside llvm-14-tools as a script).
find_program(LIT_EXECUTABLE NAMES lit lit.py llvm-lit
  HINTS /usr/lib/llvm-14/build/utils/lit /usr/lib/llvm-15/build/utils/lit)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Lit REQUIRED_VARS LIT_EXECUTABLE)
