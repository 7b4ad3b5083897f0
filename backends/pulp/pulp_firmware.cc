// Firmware totals of a pulp ELF. Sizes come from `size -A`. The worst-case
// stack is computed on the linked program's call graph read from `objdump -d`,
// so it covers the generated code, the kernels and the library routines they
// call (memcpy, libgcc's soft-float) alike: a function's frame is the sum of
// its stack-pointer decrements; a call (jal/jalr to a function's first byte,
// tail calls included) adds the callee's worst case; an indirect call
// (kiln_fork's fn(arg)) may reach any function whose address the code
// materializes. Recursion or a stack pointer set from an unknown value makes
// the bound unknown.
#include "backends/pulp/pulp_firmware.h"

#include <fmt/format.h>

#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace kiln::backends {
namespace {

StatusOr<std::string> Capture(const std::string& cmd) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return Internal("cannot run `{}`", cmd);
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  if (rc != 0) return Internal("`{}` failed (status {})", cmd, rc);
  return out;
}

struct Function {
  int64_t frame = 0;
  bool dynamic = false;         // sp set from an unknown value
  std::set<std::string> calls;  // direct callees
  bool indirect = false;        // calls through a register
};

struct CallGraph {
  std::map<std::string, Function> fns;
  std::set<std::string> address_taken;
};

CallGraph Parse(const std::string& dis) {
  CallGraph g;
  static const std::regex header(R"(^[0-9a-f]+ <([^>]+)>:$)");
  static const std::regex insn(
      R"(^\s*[0-9a-f]+:\s+(\S+)\s*([^#<]*)(?:#\s*[0-9a-f]+\s*)?(?:<([^>]+)>)?)");
  std::istringstream in(dis);
  std::string line;
  Function* cur = nullptr;
  std::map<std::string, int64_t> consts;  // register -> last li value
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, header)) {
      cur = &g.fns[m[1]];
      consts.clear();
      continue;
    }
    if (!cur || !std::regex_search(line, m, insn)) continue;
    std::string op = m[1], args = m[2], target = m[3];
    while (!args.empty() && isspace(static_cast<unsigned char>(args.back())))
      args.pop_back();
    bool to_function = !target.empty() && target.find('+') == std::string::npos;
    if (op == "jal" || op == "j" || op == "call" || op == "tail" ||
        op == "jalr" || op == "jr") {
      if (to_function) {
        cur->calls.insert(target);
      } else if (target.empty() && (op == "jalr") && args != "ra" &&
                 args.rfind("zero", 0) != 0) {
        cur->indirect = true;  // jalr rs (rd = ra): a call through a register
      }
      continue;
    }
    if (to_function) g.address_taken.insert(target);
    if (op == "li") {
      size_t c = args.find(',');
      if (c != std::string::npos)
        consts[args.substr(0, c)] = std::stoll(args.substr(c + 1), nullptr, 0);
      continue;
    }
    if (args.rfind("sp,sp,", 0) == 0) {
      std::string rhs = args.substr(6);
      bool imm = !rhs.empty() &&
                 (isdigit(static_cast<unsigned char>(rhs[0])) || rhs[0] == '-');
      if ((op == "addi" || op == "add") && imm) {  // objdump prints addi as add
        int64_t v = std::stoll(rhs, nullptr, 0);
        if (v < 0) cur->frame -= v;
      } else if (op == "sub" || op == "add") {
        auto it = consts.find(rhs);
        if (it == consts.end()) {
          cur->dynamic = true;
        } else {
          int64_t v = op == "sub" ? it->second : -it->second;
          if (v > 0) cur->frame += v;
        }
      }
    } else if (args.rfind("sp,", 0) == 0 && op != "sw" && op != "sh" &&
               op != "sb") {
      // mv sp, s0 and the like restore a frame; anything else is unknown.
      if (op != "mv" && op != "addi") cur->dynamic = true;
    }
  }
  return g;
}

// Worst-case stack from `fn`; -1 when unbounded.
int64_t Worst(const CallGraph& g, const std::string& fn,
              std::map<std::string, int64_t>& memo,
              std::set<std::string>& active, int64_t indirect_worst) {
  if (auto it = memo.find(fn); it != memo.end()) return it->second;
  auto f = g.fns.find(fn);
  if (f == g.fns.end()) return 0;  // an absolute symbol, not code
  if (active.count(fn) || f->second.dynamic) return -1;
  active.insert(fn);
  int64_t deepest = 0;
  bool bounded = true;
  for (const std::string& c : f->second.calls) {
    int64_t w = Worst(g, c, memo, active, indirect_worst);
    if (w < 0) bounded = false;
    deepest = std::max(deepest, w);
  }
  if (f->second.indirect) {
    if (indirect_worst < 0) bounded = false;
    deepest = std::max(deepest, indirect_worst);
  }
  active.erase(fn);
  int64_t r = bounded ? f->second.frame + deepest : -1;
  memo[fn] = r;
  return r;
}

}  // namespace

StatusOr<nlohmann::json> FirmwareStats(const std::string& elf,
                                       const std::string& root, int cores) {
  KILN_ASSIGN_OR_RETURN(
      std::string sizes,
      Capture(fmt::format("riscv64-unknown-elf-size -A '{}'", elf)));
  std::map<std::string, int64_t> sec;
  {
    std::istringstream in(sizes);
    std::string name;
    int64_t size;
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      if (ls >> name >> size && name[0] == '.') sec[name] = size;
    }
  }
  auto S = [&](const char* n) { return sec.count(n) ? sec[n] : int64_t{0}; };
  int64_t flash =
      S(".text") + S(".rodata") + S(".init_array") + S(".data") + S(".tdata");
  int64_t ram_data = S(".data") + S(".tdata") + S(".tbss") + S(".bss");

  KILN_ASSIGN_OR_RETURN(std::string dis,
                        Capture(fmt::format("riscv64-unknown-elf-objdump -d "
                                            "--no-show-raw-insn '{}'",
                                            elf)));
  CallGraph g = Parse(dis);
  // Forked functions: any function whose address the code materializes.
  std::map<std::string, int64_t> memo;
  std::set<std::string> active;
  int64_t worker = 0;
  bool worker_bounded = true;
  for (const std::string& fn : g.address_taken) {
    if (!g.fns.count(fn)) continue;
    std::map<std::string, int64_t> m2;
    std::set<std::string> a2;
    int64_t w = Worst(g, fn, m2, a2, -1);
    if (w < 0) {
      worker_bounded = false;
    } else {
      worker = std::max(worker, w);
    }
  }
  // The root may be a file-local (mangled) symbol: match it by its C name.
  std::string root_sym;
  for (const auto& [name, fn] : g.fns)
    if (name == root ||
        (name.find(root) != std::string::npos && name.rfind("_Z", 0) == 0))
      root_sym = name;
  if (root_sym.empty()) return Internal("'{}' has no function '{}'", elf, root);
  int64_t core0 =
      Worst(g, root_sym, memo, active, worker_bounded ? worker : -1);
  nlohmann::json j;
  j["elf"] = elf;
  nlohmann::json alloc;  // the sections of the image, not the debug information
  for (const auto& [name, size] : sec)
    if (name.rfind(".debug", 0) != 0) alloc[name] = size;
  j["sections"] = alloc;
  j["flash_bytes"] = flash;
  j["l1_bytes"] = S(".l1");
  nlohmann::json st = {{"root", root}, {"cores", cores}};
  st["core0_bytes"] =
      core0 >= 0 ? nlohmann::json(core0) : nlohmann::json(nullptr);
  st["worker_bytes"] =
      worker_bounded ? nlohmann::json(worker) : nlohmann::json(nullptr);
  j["stack"] = st;
  if (core0 >= 0 && worker_bounded)
    j["ram_total_bytes"] = ram_data + core0 + (cores - 1) * worker;
  else
    j["ram_total_bytes"] = nullptr;
  j["ram_static_bytes"] = ram_data;
  return j;
}

}  // namespace kiln::backends
