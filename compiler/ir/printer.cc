// Prints a Graph as .kir text. The format is documented in docs/ir.md; the parser
// (parser.cc) reads exactly what this writes.
#pragma GCC diagnostic ignored "-Wnonnull"  // GCC 12 false positive: == on empty vectors
#include "compiler/ir/printer.h"

#include <cstring>

#include <fmt/format.h>

namespace kiln::ir {
namespace {

bool IsPlainName(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'))
      return false;
  return true;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string FloatText(float f) {
  if (f == kInf) return "inf";
  if (f == -kInf) return "-inf";
  if (f != f) return "nan";
  return fmt::format("{:.9g}", f);
}

// Collects "name = value" for each field that differs from its default.
struct AttrPrinter {
  std::vector<std::string> parts;
  template <typename T>
  void operator()(const char* name, const T& value, const T& def) {
    if (value == def) return;
    parts.push_back(fmt::format("{} = {}", name, Format(value)));
  }
  static std::string Format(int64_t v) { return std::to_string(v); }
  static std::string Format(float v) { return FloatText(v); }
  static std::string Format(const std::string& v) { return Quote(v); }
  static std::string Format(const std::vector<int64_t>& v) {
    return fmt::format("[{}]", fmt::join(v, ", "));
  }
  static std::string Format(const std::vector<float>& v) {
    std::vector<std::string> s;
    for (float f : v) s.push_back(FloatText(f));
    return fmt::format("[{}]", fmt::join(s, ", "));
  }
};

std::string ConstantText(const Tensor& t, const PrintOptions& opts) {
  int64_t n = t.type.num_elements();
  if (opts.elide_constants_over > 0 && n > opts.elide_constants_over)
    return "dense<...>";
  std::string out = "dense<";
  out.reserve(static_cast<size_t>(n) * 6 + 8);
  for (int64_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    switch (t.type.dtype) {
      case DType::kF32: out += FloatText(t.data_as<float>()[i]); break;
      case DType::kS8: out += std::to_string(t.data_as<int8_t>()[i]); break;
      case DType::kU8: out += std::to_string(t.data_as<uint8_t>()[i]); break;
      case DType::kBool: out += std::to_string(t.data_as<uint8_t>()[i]); break;
      case DType::kS16: out += std::to_string(t.data_as<int16_t>()[i]); break;
      case DType::kS32: out += std::to_string(t.data_as<int32_t>()[i]); break;
      case DType::kS64: out += std::to_string(t.data_as<int64_t>()[i]); break;
    }
  }
  return out + ">";
}

}  // namespace

std::string PrintName(char sigil, const std::string& name) {
  return std::string(1, sigil) + (IsPlainName(name) ? name : Quote(name));
}

std::string PrintGraph(const Graph& g, const PrintOptions& opts) {
  std::string out = fmt::format("graph {}", PrintName('@', g.name));
  if (g.arena_bytes > 0) out += fmt::format(" arena {}", g.arena_bytes);
  out += " {\n";
  auto tname = [&](TensorId id) {
    return id == kNoTensor ? std::string("_") : PrintName('%', g.tensor(id).name);
  };
  for (TensorId id : g.inputs)
    out += fmt::format("  input {}: {}\n", tname(id), g.type(id).ToString());
  for (size_t id = 0; id < g.tensors.size(); ++id) {
    const Tensor& t = g.tensors[id];
    if (!t.is_const) continue;
    out += fmt::format("  const {}: {} = {}\n", tname(static_cast<TensorId>(id)),
                       t.type.ToString(), ConstantText(t, opts));
  }
  for (const Node& n : g.nodes) {
    std::vector<std::string> outs, ins;
    for (TensorId o : n.outputs)
      outs.push_back(fmt::format("{}: {}{}", tname(o), g.type(o).ToString(),
                                 g.tensor(o).offset >= 0
                                     ? fmt::format(" at {}", g.tensor(o).offset)
                                     : std::string()));
    for (TensorId i : n.inputs) ins.push_back(tname(i));
    AttrPrinter ap;
    std::visit(
        [&](auto& a) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(a)>,
                                        std::monostate>)
            const_cast<std::decay_t<decltype(a)>&>(a).Reflect(ap);
        },
        n.attrs);
    out += fmt::format("  {} = {}({})", fmt::join(outs, ", "), OpName(n.op),
                       fmt::join(ins, ", "));
    if (!ap.parts.empty()) out += fmt::format(" {{{}}}", fmt::join(ap.parts, ", "));
    out += fmt::format(" {}", PrintName('@', n.name));
    if (n.scratch_bytes > 0) {
      out += fmt::format(" scratch {}", n.scratch_bytes);
      if (n.scratch_offset >= 0) out += fmt::format(" at {}", n.scratch_offset);
    }
    out += "\n";
  }
  for (TensorId id : g.outputs) out += fmt::format("  output {}\n", tname(id));
  out += "}\n";
  return out;
}

}  // namespace kiln::ir
