// x86 target: emits reference-kernel calls and runs the model natively through the
// host runner (runtime/platform/host/runner.cc) built by a small generated Makefile,
// so rebuilding after a recompile touches only what changed.
#include "backends/x86/x86_target.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>

#include <fmt/format.h>

#include "compiler/support/files.h"

namespace kiln::backends {
namespace {

std::string ShellQuote(const std::string& s) {
  std::string o = "'";
  for (char c : s) {
    if (c == '\'') o += "'\\''";
    else o += c;
  }
  return o + "'";
}

Status System(const std::string& cmd, const std::string& what) {
  int rc = std::system(cmd.c_str());
  if (rc == -1 || !WIFEXITED(rc))
    return Internal("{}: could not run `{}`", what, cmd);
  if (WEXITSTATUS(rc) != 0)
    return InvalidArgument("{} failed (exit code {})", what, WEXITSTATUS(rc));
  return Status::Ok();
}

Status RunX86(const RunRequest& r) {
  std::string build = r.dir + "/build";
  mkdir(build.c_str(), 0755);
  // Compiler flags of the firmware rules, plus the host runner and timing hooks.
  std::string mk = fmt::format(
      "# Written by `kiln run`: builds the host runner for this model.\n"
      "include ../{0}.mk\n"
      "M := {1}\n"
      "CXX ?= c++\n"
      "FLAGS := -O2 $($(M)_CXXFLAGS) $($(M)_CPPFLAGS) -I../kiln_runtime/runtime/platform/host\n"
      "FLAGS += -DKILN_LAYER_HOOKS_HEADER='\"layer_hooks.h\"' -Wall -Wextra -Werror\n"
      "SRCS := $($(M)_SRCS) $($(M)_DIR)kiln_runtime/runtime/platform/host/runner.cc\n"
      "OBJS := $(patsubst $($(M)_DIR)%.cc,obj/%.o,$(SRCS))\n"
      "runner: $(OBJS)\n\t$(CXX) -o $@ $(OBJS)\n"
      "obj/%.o: $($(M)_DIR)%.cc\n\t@mkdir -p $(dir $@)\n"
      "\t$(CXX) $(FLAGS) -DKILN_MODEL_HEADER='\"{0}.h\"' -DKILN_MODEL={0}_model "
      "-MMD -c $< -o $@\n"
      "-include $(OBJS:.o=.d)\n",
      r.model_prefix, [&] {
        std::string P;
        for (char c : r.model_prefix) P += static_cast<char>(toupper(c));
        return P;
      }());
  KILN_RETURN_IF_ERROR(WriteFileText(build + "/Makefile", mk));
  KILN_RETURN_IF_ERROR(System(
      fmt::format("make -s -C {} -j2 runner{}", ShellQuote(build),
                  r.quiet ? " >/dev/null" : ""),
      fmt::format("building '{}' with the host compiler", r.dir)));
  std::string cmd = ShellQuote(build + "/runner");
  if (r.batch) cmd += " --batch";
  if (!r.dump_dir.empty())
    cmd += fmt::format(" --dump {} --dump-samples {}", ShellQuote(r.dump_dir),
                       r.dump_samples);
  for (size_t i = 0, o = 0; i < r.inputs.size() || o < r.outputs.size();) {
    if (i < r.inputs.size()) cmd += " --in " + ShellQuote(r.inputs[i++]);
    if (o < r.outputs.size()) cmd += " --out " + ShellQuote(r.outputs[o++]);
  }
  if (!r.layer_times_json.empty()) cmd += " --times " + ShellQuote(r.layer_times_json);
  return System(cmd, fmt::format("running '{}'", r.dir));
}

}  // namespace

const Target& X86Target() {
  static const Target t = [] {
    Target x;
    x.name = "x86";
    x.description = "host CPU (x86-64 Linux), reference kernels, native run";
    x.emit.target = "x86";
    x.emit.lower.impl = "ref";
    x.run = RunX86;
    x.runtime_dirs = {"runtime/include/", "runtime/kernels/ref/",
                      "runtime/kernels/math/", "runtime/platform/host/"};
    return x;
  }();
  return t;
}

}  // namespace kiln::backends
