# ONNX Runtime (npm onnxruntime-node, pinned in third_party/ort/package-lock.json): the
# float oracle. Installed by tools/setup.sh; tests that need it say so when it is absent.
find_program(NODE_EXECUTABLE NAMES node nodejs)
set(ORT_NODE_MODULES ${PROJECT_SOURCE_DIR}/third_party/ort/node_modules)
if(EXISTS ${ORT_NODE_MODULES}/onnxruntime-node/package.json)
  file(READ ${ORT_NODE_MODULES}/onnxruntime-node/package.json _ort_pkg)
  string(JSON OnnxRuntimeNode_VERSION GET "${_ort_pkg}" version)
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OnnxRuntimeNode
  REQUIRED_VARS NODE_EXECUTABLE OnnxRuntimeNode_VERSION
  VERSION_VAR OnnxRuntimeNode_VERSION)
