// KernelScratchBytes (see kernel_scratch.h): one entry per line of
// ref_kernels.def, with the params struct's sizeof to check the layout.
#include "compiler/codegen/kernel_scratch.h"

#include <map>

#include "compiler/codegen/params_blob.h"
#include "kiln/kernels_ref.h"

namespace kiln::codegen {
namespace {

struct Entry {
  size_t params_bytes;
  size_t (*scratch)(const void* params);
};

const std::map<std::string, Entry>& Table() {
  static const std::map<std::string, Entry> t = {
#define KILN_REF_KERNEL(base, params_t)                               \
  {"kiln_" #base "_ref",                                              \
   {sizeof(params_t), [](const void* p) {                             \
      return kiln_##base##_ref_scratch_bytes(static_cast<const params_t*>(p)); \
    }}},
#include "compiler/codegen/ref_kernels.def"
#undef KILN_REF_KERNEL
  };
  return t;
}

}  // namespace

StatusOr<int64_t> KernelScratchBytes(const KernelCall& call) {
  std::string name = call.kernel;
  auto it = Table().find(name);
  if (it == Table().end()) {
    // kiln_<base>_<impl> → kiln_<base>_ref.
    size_t us = name.rfind('_');
    if (us != std::string::npos) it = Table().find(name.substr(0, us) + "_ref");
  }
  if (it == Table().end())
    return Internal("kernel {} has no scratch-size entry; add its reference kernel to "
                    "compiler/codegen/ref_kernels.def",
                    call.kernel);
  ParamsBlob blob;
  LayOutParams(call, &blob);
  if (blob.bytes.size() != it->second.params_bytes)
    return Internal("lowering of {} gives {} bytes of params, its struct has {}",
                    call.kernel, blob.bytes.size(), it->second.params_bytes);
  return static_cast<int64_t>(it->second.scratch(blob.bytes.data()));
}

bool HasRefKernel(const std::string& name) { return Table().count(name) > 0; }

std::vector<std::string> ScratchSizedKernels() {
  std::vector<std::string> v;
  for (const auto& [name, e] : Table()) v.push_back(name);
  return v;
}

}  // namespace kiln::codegen
