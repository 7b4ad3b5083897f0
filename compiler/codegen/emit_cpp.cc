// The C++ emitter (see emit_cpp.h). Output is deterministic: it depends only on the
// graph and options, never on addresses, time or hash order.
#include "compiler/codegen/emit_cpp.h"

#include <cstdint>
#include <cstring>
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "compiler/ir/op_rules.h"

namespace kiln::codegen {
namespace {

std::string FloatLiteral(float f) {
  if (f == ir::kInf) return "KILN_INF";
  if (f == -ir::kInf) return "-KILN_INF";
  if (f != f) return "__builtin_nanf(\"\")";
  std::string s = fmt::format("{:.9g}", f);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s + "f";
}

const char* CType(ir::DType t) {
  switch (t) {
    case ir::DType::kF32: return "float";
    case ir::DType::kS8: return "int8_t";
    case ir::DType::kU8: return "uint8_t";
    case ir::DType::kBool: return "uint8_t";
    case ir::DType::kS16: return "int16_t";
    case ir::DType::kS32: return "int32_t";
    case ir::DType::kS64: return "int64_t";
  }
  return "void";
}

const char* KilnDType(ir::DType t) {
  switch (t) {
    case ir::DType::kF32: return "KILN_DTYPE_F32";
    case ir::DType::kS8: return "KILN_DTYPE_S8";
    case ir::DType::kU8: return "KILN_DTYPE_U8";
    case ir::DType::kS32: return "KILN_DTYPE_S32";
    case ir::DType::kS16: return "KILN_DTYPE_S16";
    case ir::DType::kBool: return "KILN_DTYPE_BOOL";
    default: return "KILN_DTYPE_S64";
  }
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string ElementText(const ir::Tensor& t, int64_t i, const uint8_t* data) {
  switch (t.type.dtype) {
    case ir::DType::kF32: {
      float f;
      memcpy(&f, data + 4 * i, 4);
      return FloatLiteral(f);
    }
    case ir::DType::kS8: return std::to_string(reinterpret_cast<const int8_t*>(data)[i]);
    case ir::DType::kU8:
    case ir::DType::kBool: return std::to_string(data[i]);
    case ir::DType::kS16: {
      int16_t v;
      memcpy(&v, data + 2 * i, 2);
      return std::to_string(v);
    }
    case ir::DType::kS32: {
      int32_t v;
      memcpy(&v, data + 4 * i, 4);
      return std::to_string(v);
    }
    case ir::DType::kS64: {
      int64_t v;
      memcpy(&v, data + 8 * i, 8);
      return std::to_string(v) + "LL";
    }
  }
  return "0";
}

class Emitter {
 public:
  Emitter(const ir::Graph& g, const EmitOptions& o) : g_(g), o_(o) {}

  StatusOr<EmitResult> Run() {
    prefix_ = CIdentifier(g_.name);
    for (const ir::Node& n : g_.nodes) {
      auto call = LowerNode(g_, n, o_.lower);
      if (!call.ok()) return call.status();
      if (call->scratch_bytes > 0 &&
          (n.scratch_offset < 0 || n.scratch_bytes < call->scratch_bytes))
        return Internal("{}: kernel {} needs {} bytes of scratch, plan-memory planned {}; "
                        "plan memory with the target's kernel implementation",
                        ir::NodeWhere(n), call->kernel, call->scratch_bytes,
                        n.scratch_offset < 0 ? 0 : n.scratch_bytes);
      calls_.push_back(std::move(call).value());
      Retarget(&calls_.back());
    }
    NameTensors();
    EmitResult r;
    r.files[prefix_ + ".h"] = Header();
    r.files[prefix_ + ".cc"] = Source();
    r.files[prefix_ + "_weights.cc"] = Weights(&r.weight_bytes);
    r.files["CMakeLists.txt"] = CMake();
    r.files[prefix_ + ".mk"] = Makefile();
    for (size_t i = 0; i < g_.nodes.size(); ++i) {
      const ir::Node& n = g_.nodes[i];
      LayerInfo li;
      li.name = n.name;
      li.op = ir::OpName(n.op);
      li.kernel = calls_[i].kind == KernelCall::kKernel ? calls_[i].kernel
                  : calls_[i].kind == KernelCall::kCopy ? "memcpy"
                                                        : "(view)";
      li.macs = calls_[i].macs;
      for (ir::TensorId t : n.inputs) {
        if (t == ir::kNoTensor) continue;
        if (g_.IsConst(t))
          li.weight_bytes += g_.type(t).bytes();
        else
          li.input_shapes.push_back(g_.type(t).shape);
      }
      li.output_shape = g_.type(n.outputs[0]).shape;
      li.output_bytes = g_.type(n.outputs[0]).bytes();
      r.macs += li.macs;
      r.layers.push_back(std::move(li));
    }
    return r;
  }

 private:
  // C names: inputs/outputs keep (sanitized) ONNX names as struct fields; weights
  // get <prefix>_c_<name>.
  void NameTensors() {
    // C/C++ keywords and the emitter's own locals are taken.
    std::set<std::string> used = {
        "alignas", "alignof", "and", "asm", "auto", "bool", "break", "case",
        "catch", "char", "class", "const", "constexpr", "continue", "default",
        "delete", "do", "double", "else", "enum", "explicit", "export", "extern",
        "false", "float", "for", "friend", "goto", "if", "inline", "int", "long",
        "mutable", "namespace", "new", "noexcept", "not", "nullptr", "operator",
        "or", "private", "protected", "public", "register", "return", "short",
        "signed", "sizeof", "static", "struct", "switch", "template", "this",
        "throw", "true", "try", "typedef", "typename", "union", "unsigned",
        "using", "virtual", "void", "volatile", "while", "xor", "NULL", "main",
        "in", "out", "arena", "list", "memcpy", "g_arena"};
    auto unique = [&](std::string base) {
      std::string s = base;
      for (int k = 1; used.count(s); ++k) s = fmt::format("{}_{}", base, k);
      used.insert(s);
      return s;
    };
    names_.assign(g_.tensors.size(), "");
    for (ir::TensorId t : g_.inputs) names_[t] = unique(CIdentifier(g_.tensor(t).name));
    for (ir::TensorId t : g_.outputs)
      if (names_[t].empty()) names_[t] = unique(CIdentifier(g_.tensor(t).name));
    // A constant graph output is copied from its own weight array into the
    // user's buffer before the layers run (a layer may read it there).
    for (ir::TensorId t : g_.outputs)
      if (g_.IsConst(t) && !const_output_names_.count(t))
        const_output_names_[t] =
            unique(prefix_ + "_c_" + CIdentifier(g_.tensor(t).name));
    // Constants actually referenced by a call (possibly through a packed copy).
    for (size_t i = 0; i < calls_.size(); ++i) {
      for (const KernelArg& a : calls_[i].args) {
        if (a.kind != KernelArg::kTensor || !g_.IsConst(a.tensor)) continue;
        bool packed = false;
        for (const PackedConstant& p : calls_[i].packed) packed |= p.source == a.tensor;
        if (packed) {
          std::string n = unique(prefix_ + "_c_" + CIdentifier(g_.tensor(a.tensor).name) +
                                 "_packed");
          packed_names_[{i, a.tensor}] = n;
        } else if (names_[a.tensor].empty()) {
          names_[a.tensor] =
              unique(prefix_ + "_c_" + CIdentifier(g_.tensor(a.tensor).name));
          weight_order_.push_back(a.tensor);
        }
      }
    }
  }

  std::string Banner() const {
    return fmt::format(
        "// Generated by kiln from '{}' for target {}. Do not edit: recompile the\n"
        "// model instead.\n",
        o_.source_name, o_.target);
  }

  std::string Header() const {
    std::string P = Upper(prefix_);
    std::string s = Banner();
    s += fmt::format("#ifndef KILN_MODEL_{0}_H_\n#define KILN_MODEL_{0}_H_\n\n", P);
    s += "#include <stddef.h>\n#include <stdint.h>\n\n#include \"kiln/model.h\"\n\n";
    s += "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
    s += fmt::format("#define {}_ARENA_BYTES {}\n", P, g_.arena_bytes);
    s += fmt::format("#define {}_ARENA_ALIGN 16\n", P);
    s += fmt::format("#define {}_NUM_INPUTS {}\n", P, g_.inputs.size());
    s += fmt::format("#define {}_NUM_OUTPUTS {}\n", P, g_.outputs.size());
    s += fmt::format("#define {}_NUM_LAYERS {}\n\n", P, g_.nodes.size());
    auto io_macros = [&](const char* kind, const std::vector<ir::TensorId>& ids) {
      for (size_t i = 0; i < ids.size(); ++i) {
        const ir::Tensor& t = g_.tensor(ids[i]);
        std::string m = fmt::format("{}_{}_{}", P, kind, Upper(names_[ids[i]]));
        s += fmt::format("/* {} {}: '{}' {} */\n", kind, i, t.name, t.type.ToString());
        s += fmt::format("#define {}_ELEMENTS {}\n", m, t.type.num_elements());
        s += fmt::format("#define {}_BYTES {}\n", m, t.type.bytes());
      }
    };
    io_macros("INPUT", g_.inputs);
    io_macros("OUTPUT", g_.outputs);
    s += "\ntypedef struct {\n";
    for (ir::TensorId t : g_.inputs)
      s += fmt::format("  const {}* {};\n", CType(g_.type(t).dtype), names_[t]);
    s += fmt::format("}} {}_inputs_t;\n\ntypedef struct {{\n", prefix_);
    for (ir::TensorId t : g_.outputs)
      s += fmt::format("  {}* {};\n", CType(g_.type(t).dtype), names_[t]);
    s += fmt::format("}} {}_outputs_t;\n\n", prefix_);
    s += fmt::format(
        "/* Runs the model on a static arena of {0}_ARENA_BYTES: not re-entrant.\n"
        " * Stateless: every run gives the same outputs for the same inputs. */\n"
        "int {1}_run(const {1}_inputs_t* in, {1}_outputs_t* out);\n\n"
        "/* Runs on the caller's arena ({0}_ARENA_BYTES, {0}_ARENA_ALIGN-aligned):\n"
        " * re-entrant per arena. */\n"
        "int {1}_run_with_arena(const {1}_inputs_t* in, {1}_outputs_t* out,\n"
        "    uint8_t* arena);\n\n"
        "/* Sizes, names and shapes of the inputs/outputs, and the layers. */\n"
        "extern const kiln_model_t {1}_model;\n\n",
        P, prefix_);
    s += "#ifdef __cplusplus\n}  /* extern \"C\" */\n#endif\n\n";
    s += fmt::format("#endif  /* KILN_MODEL_{}_H_ */\n", P);
    return s;
  }

  std::string ArgText(size_t call_index, const KernelArg& a) const {
    if (a.kind == KernelArg::kNull) return "NULL";
    if (a.kind == KernelArg::kTable) return fmt::format("kTable{}_{}", call_index, a.table);
    if (a.kind == KernelArg::kScratch) {
      if (calls_[call_index].scratch_bytes == 0) return "NULL";
      return fmt::format("({}*)(arena + {})", CType(a.scratch_dtype),
                         g_.nodes[call_index].scratch_offset);
    }
    auto it = packed_names_.find({call_index, a.tensor});
    if (it != packed_names_.end()) return it->second;
    if (a.as_float)
      return fmt::format("({}float*)({})", a.is_output ? "" : "const ",
                         TensorRef(a.tensor, a.is_output));
    return TensorRef(a.tensor, a.is_output);
  }

  std::string TensorRef(ir::TensorId t, bool out) const {
    const ir::Tensor& x = g_.tensor(t);
    if (!names_[t].empty()) return names_[t];
    return fmt::format("({}{}*)(arena + {})", out ? "" : "const ", CType(x.type.dtype),
                       x.offset);
  }

  std::string ParamsText(const KernelCall& c, size_t i,
                         std::string* aux) const {
    std::string s = fmt::format("static const {} kParams{} = {{\n", c.params_type, i);
    for (const ParamField& f : c.params) {
      std::string v;
      switch (f.kind) {
        case ParamField::kInt: v = std::to_string(f.i); break;
        case ParamField::kInt64:
          // INT64_MIN has no literal: its magnitude does not fit int64_t.
          v = f.i == INT64_MIN ? "(-9223372036854775807LL - 1)"
                               : std::to_string(f.i) + "LL";
          break;
        case ParamField::kFloat: v = FloatLiteral(f.f); break;
        case ParamField::kIntArray:
          v = fmt::format("{{{}}}", fmt::join(f.ints, ", "));
          break;
        case ParamField::kNullPtr: v = "NULL"; break;
        case ParamField::kIntArrayPtr: {
          std::string arr = fmt::format("kParams{}_{}", i, f.name);
          *aux += fmt::format("static const int32_t {}[] = {{{}}};\n", arr,
                              fmt::join(f.ints, ", "));
          v = arr;
          break;
        }
      }
      // An enum field carries its symbolic name: "op = KILN_UNARY_RELU".
      size_t eq = f.name.find(" = ");
      if (eq != std::string::npos)
        s += fmt::format("    /*{}=*/{},\n", f.name.substr(0, eq), f.name.substr(eq + 3));
      else
        s += fmt::format("    /*{}=*/{},\n", f.name, v);
    }
    return s + "};\n";
  }

  std::string Source() const {
    std::string s = Banner();
    s += fmt::format("#include \"{}.h\"\n\n#include <string.h>\n\n", prefix_);
    std::set<std::string> headers;
    for (const KernelCall& c : calls_)
      if (!c.header.empty()) headers.insert(c.header);
    for (const std::string& h : headers) s += fmt::format("#include \"{}\"\n", h);
    s += "\n" + WeightDecls() + "\n";
    s += "namespace {\n\n";
    s += fmt::format("alignas(16) uint8_t g_arena[{}];\n\n",
                     std::max<int64_t>(g_.arena_bytes, 1));
    for (size_t i = 0; i < calls_.size(); ++i) {
      const KernelCall& c = calls_[i];
      if (c.kind != KernelCall::kKernel || c.params_type.empty()) continue;
      std::string aux;
      for (size_t k = 0; k < c.tables.size(); ++k)
        aux += fmt::format("static const {} kTable{}_{}[{}] = {{{}}};\n",
                           CType(c.tables[k].dtype), i, k, c.tables[k].values.size(),
                           fmt::join(c.tables[k].values, ", "));
      std::string p = ParamsText(c, i, &aux);
      s += fmt::format("// Layer {}: '{}'\n", i, g_.nodes[i].name) + aux + p + "\n";
    }
    s += fmt::format("const char* const kLayerNames[] = {{\n");
    for (const ir::Node& n : g_.nodes) s += fmt::format("    \"{}\",\n", CEscape(n.name));
    if (g_.nodes.empty()) s += "    \"\",\n";
    s += "};\n\n";
    s += IoInfo("kInputs", g_.inputs) + IoInfo("kOutputs", g_.outputs);
    s += "}  // namespace\n\n";
    // The straight-line body.
    s += fmt::format(
        "static int {}_run_ptrs(const void* const* in, void* const* out,\n"
        "                       uint8_t* arena) {{\n",
        prefix_);
    for (size_t i = 0; i < g_.inputs.size(); ++i) {
      ir::TensorId t = g_.inputs[i];
      s += fmt::format("  const {0}* {1} = static_cast<const {0}*>(in[{2}]);\n",
                       CType(g_.type(t).dtype), names_[t], i);
    }
    for (size_t i = 0; i < g_.outputs.size(); ++i) {
      ir::TensorId t = g_.outputs[i];
      if (g_.IsGraphInput(t)) continue;
      s += fmt::format("  {0}* {1} = static_cast<{0}*>(out[{2}]);\n",
                       CType(g_.type(t).dtype), names_[t], i);
    }
    s += "  (void)arena;\n";
    for (const auto& [t, name] : const_output_names_)
      s += fmt::format("  memcpy({}, {}, {});\n", names_[t], name, g_.type(t).bytes());
    for (size_t i = 0; i < calls_.size(); ++i) {
      const KernelCall& c = calls_[i];
      const ir::Node& n = g_.nodes[i];
      ir::TensorId out = n.outputs[0];
      s += fmt::format("\n  // {}: {} '{}' -> {}", i, ir::OpName(n.op), n.name,
                       g_.type(out).ToString());
      if (c.macs) s += fmt::format(", {} MACs", c.macs);
      s += "\n";
      s += fmt::format("  KILN_LAYER_BEGIN({});\n", i);
      if (c.kind == KernelCall::kKernel) {
        std::vector<std::string> args;
        if (!c.params_type.empty()) args.push_back(fmt::format("&kParams{}", i));
        for (const KernelArg& a : c.args) {
          if (a.kind == KernelArg::kTensorList) {
            std::vector<std::string> items;
            for (ir::TensorId t : a.list) items.push_back(TensorRef(t, false));
            s += fmt::format("  {{\n    const {}* const list[] = {{{}}};\n",
                             CType(g_.type(a.list[0]).dtype), fmt::join(items, ", "));
            args.push_back("list");
          } else {
            args.push_back(ArgText(i, a));
          }
        }
        bool block = std::any_of(c.args.begin(), c.args.end(), [](const KernelArg& a) {
          return a.kind == KernelArg::kTensorList;
        });
        s += fmt::format("  {}{}({});\n", block ? "  " : "", c.kernel,
                         fmt::join(args, ", "));
        if (block) s += "  }\n";
      } else if (c.kind == KernelCall::kCopy) {
        s += fmt::format("  memcpy({}, {}, {});\n", TensorRef(c.args[1].tensor, true),
                         TensorRef(c.args[0].tensor, false), c.copy_bytes);
      } else {
        s += "  // a view of its input: no code\n";
      }
      s += fmt::format("  KILN_LAYER_END({}, {}, {});\n", i, TensorRef(out, true),
                       g_.type(out).bytes());
    }
    // Outputs that are graph inputs or constants are copied at the end.
    for (size_t i = 0; i < g_.outputs.size(); ++i) {
      ir::TensorId t = g_.outputs[i];
      if (g_.IsGraphInput(t))
        s += fmt::format("  memcpy(out[{}], in[{}], {});\n", i,
                         std::find(g_.inputs.begin(), g_.inputs.end(), t) - g_.inputs.begin(),
                         g_.type(t).bytes());
    }
    s += "  return 0;\n}\n\n";
    // Public entry points.
    std::vector<std::string> ins, outs;
    for (ir::TensorId t : g_.inputs) ins.push_back("in->" + names_[t]);
    for (ir::TensorId t : g_.outputs) outs.push_back("out->" + names_[t]);
    if (ins.empty()) ins.push_back("NULL");
    s += fmt::format(
        "extern \"C\" int {0}_run_with_arena(const {0}_inputs_t* in,\n"
        "                                 {0}_outputs_t* out, uint8_t* arena) {{\n"
        "  const void* const ins[] = {{{1}}};\n"
        "  void* const outs[] = {{{2}}};\n"
        "  return {0}_run_ptrs(ins, outs, arena);\n}}\n\n"
        "extern \"C\" int {0}_run(const {0}_inputs_t* in, {0}_outputs_t* out) {{\n"
        "  return {0}_run_with_arena(in, out, g_arena);\n}}\n\n",
        prefix_, fmt::join(ins, ", "), fmt::join(outs, ", "));
    s += fmt::format(
        "extern \"C\" const kiln_model_t {0}_model = {{\n"
        "    /*name=*/\"{0}\",\n"
        "    /*num_inputs=*/{1},\n    /*inputs=*/kInputs,\n"
        "    /*num_outputs=*/{2},\n    /*outputs=*/kOutputs,\n"
        "    /*arena_bytes=*/{3},\n"
        "    /*num_layers=*/{4},\n    /*layer_names=*/kLayerNames,\n"
        "    /*run_with_arena=*/{0}_run_ptrs,\n}};\n",
        prefix_, g_.inputs.size(), g_.outputs.size(), g_.arena_bytes,
        g_.nodes.size());
    return s;
  }

  static std::string CEscape(const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '"' || c == '\\') o += '\\';
      if (static_cast<unsigned char>(c) < 32) continue;
      o += c;
    }
    return o;
  }

  std::string IoInfo(const char* var, const std::vector<ir::TensorId>& ids) const {
    std::string s = fmt::format("const kiln_io_info_t {}[] = {{\n", var);
    for (ir::TensorId t : ids) {
      const ir::TensorType& ty = g_.type(t);
      float scale = ty.quant.empty() ? 0.0f : ty.quant.scale[0];
      int32_t zp = ty.quant.empty() ? 0 : ty.quant.zero_point[0];
      s += fmt::format("    {{\"{}\", {}, {}, {{{}}}, {}, {}, {}}},\n",
                       CEscape(g_.tensor(t).name), KilnDType(ty.dtype), ty.rank(),
                       fmt::join(ty.shape, ", "), ty.bytes(), FloatLiteral(scale), zp);
    }
    if (ids.empty()) s += "    {\"\", 0, 0, {0}, 0, 0.0f, 0},\n";
    return s + "};\n\n";
  }

  std::string WeightDecls() const {
    std::string s = "extern \"C\" {\n";
    for (ir::TensorId t : weight_order_)
      s += fmt::format("extern const {} {}[{}];\n", CType(g_.type(t).dtype), names_[t],
                       g_.type(t).num_elements());
    for (const auto& [t, name] : const_output_names_)
      s += fmt::format("extern const {} {}[{}];\n", CType(g_.type(t).dtype), name,
                       g_.type(t).num_elements());
    for (size_t i = 0; i < calls_.size(); ++i)
      for (const PackedConstant& p : calls_[i].packed)
        s += fmt::format("extern const {} {}[{}];\n", CType(g_.type(p.source).dtype),
                         packed_names_.at({i, p.source}),
                         p.data.size() / ir::DTypeBytes(g_.type(p.source).dtype));
    return s + "}  // extern \"C\"\n";
  }

  std::string WeightArray(const ir::Tensor& t, const std::string& name,
                          const uint8_t* data, size_t bytes) const {
    int64_t n = static_cast<int64_t>(bytes / ir::DTypeBytes(t.type.dtype));
    std::string s = fmt::format("// '{}' {}\n", t.name, t.type.ToString());
    std::string attr = o_.weight_attribute.empty() ? "" : o_.weight_attribute + " ";
    s += fmt::format("{}alignas(16) const {} {}[{}] = {{\n", attr, CType(t.type.dtype),
                     name, n);
    std::string line = "   ";
    for (int64_t i = 0; i < n; ++i) {
      std::string e = " " + ElementText(t, i, data) + ",";
      if (line.size() + e.size() > 80) {
        s += line + "\n";
        line = "   ";
      }
      line += e;
    }
    if (line.size() > 3) s += line + "\n";
    return s + "};\n\n";
  }

  std::string Weights(int64_t* total) const {
    std::string s = Banner();
    s += fmt::format("#include <stdint.h>\n\n#include \"{}.h\"\n\n", prefix_);
    s += WeightDecls() + "\n";
    *total = 0;
    for (ir::TensorId t : weight_order_) {
      const ir::Tensor& x = g_.tensor(t);
      s += WeightArray(x, names_[t], x.data.data(), x.data.size());
      *total += static_cast<int64_t>(x.data.size());
    }
    for (const auto& [t, name] : const_output_names_) {
      const ir::Tensor& x = g_.tensor(t);
      s += WeightArray(x, name, x.data.data(), x.data.size());
      *total += static_cast<int64_t>(x.data.size());
    }
    for (size_t i = 0; i < calls_.size(); ++i)
      for (const PackedConstant& p : calls_[i].packed) {
        s += WeightArray(g_.tensor(p.source), packed_names_.at({i, p.source}),
                         p.data.data(), p.data.size());
        *total += static_cast<int64_t>(p.data.size());
      }
    return s;
  }

  std::string CMake() const {
    return fmt::format(
        "# Generated by kiln: the model '{0}' as a static library.\n"
        "# Use: add_subdirectory(<this folder>) and link `{0}` (it brings the kiln\n"
        "# runtime). Build flags follow the firmware rules: no exceptions, RTTI or\n"
        "# heap; -ffp-contract=off so float results match every other target.\n"
        "cmake_minimum_required(VERSION 3.16)\n"
        "if(NOT TARGET kiln_runtime_{1})\n"
        "  file(GLOB _kiln_rt_src CONFIGURE_DEPENDS\n"
        "    ${{CMAKE_CURRENT_LIST_DIR}}/kiln_runtime/runtime/kernels/*/*.cc)\n"
        "  add_library(kiln_runtime_{1} STATIC ${{_kiln_rt_src}})\n"
        "  target_include_directories(kiln_runtime_{1} PUBLIC\n"
        "    ${{CMAKE_CURRENT_LIST_DIR}}/kiln_runtime\n"
        "    ${{CMAKE_CURRENT_LIST_DIR}}/kiln_runtime/runtime/include)\n"
        "  target_compile_features(kiln_runtime_{1} PUBLIC cxx_std_17)\n"
        "  target_compile_options(kiln_runtime_{1} PRIVATE -fno-exceptions -fno-rtti\n"
        "    -ffp-contract=off -fno-fast-math)\n"
        "endif()\n"
        "add_library({0} STATIC ${{CMAKE_CURRENT_LIST_DIR}}/{0}.cc\n"
        "  ${{CMAKE_CURRENT_LIST_DIR}}/{0}_weights.cc)\n"
        "target_include_directories({0} PUBLIC ${{CMAKE_CURRENT_LIST_DIR}})\n"
        "target_link_libraries({0} PUBLIC kiln_runtime_{1})\n"
        "target_compile_options({0} PRIVATE -fno-exceptions -fno-rtti\n"
        "  -ffp-contract=off -fno-fast-math)\n",
        prefix_, o_.lower.impl);
  }

  std::string Makefile() const {
    std::string P = Upper(prefix_);
    return fmt::format(
        "# Generated by kiln: include from your Makefile, then add $({0}_SRCS) to\n"
        "# your sources and $({0}_CPPFLAGS) to CPPFLAGS; compile with $({0}_CXXFLAGS).\n"
        "{0}_DIR := $(dir $(lastword $(MAKEFILE_LIST)))\n"
        "{0}_SRCS := $({0}_DIR){1}.cc $({0}_DIR){1}_weights.cc \\\n"
        "  $(wildcard $({0}_DIR)kiln_runtime/runtime/kernels/*/*.cc)\n"
        "{0}_CPPFLAGS := -I$({0}_DIR) -I$({0}_DIR)kiln_runtime "
        "-I$({0}_DIR)kiln_runtime/runtime/include\n"
        "{0}_CXXFLAGS := -std=c++17 -fno-exceptions -fno-rtti -ffp-contract=off "
        "-fno-fast-math\n",
        P, prefix_);
  }

  // kiln_<base>_ref -> kiln_<base>_<impl> for the bases the target implements.
  void Retarget(KernelCall* c) const {
    const std::string pre = "kiln_", suf = "_ref";
    if (c->kind != KernelCall::kKernel || o_.kernel_impl.empty()) return;
    const std::string& k = c->kernel;
    if (k.size() <= pre.size() + suf.size() || k.compare(0, pre.size(), pre) != 0 ||
        k.compare(k.size() - suf.size(), suf.size(), suf) != 0)
      return;
    std::string base = k.substr(pre.size(), k.size() - pre.size() - suf.size());
    if (!o_.kernel_impl_bases.count(base)) return;
    c->kernel = pre + base + "_" + o_.kernel_impl;
    c->header = "kiln/" + o_.kernel_impl + "/" + base + ".h";
  }

  const ir::Graph& g_;
  const EmitOptions& o_;
  std::string prefix_;
  std::vector<KernelCall> calls_;
  std::vector<std::string> names_;
  std::vector<ir::TensorId> weight_order_;
  std::map<ir::TensorId, std::string> const_output_names_;
  std::map<std::pair<size_t, ir::TensorId>, std::string> packed_names_;
};

}  // namespace

std::string CIdentifier(const std::string& s) {
  std::string o;
  for (char c : s) o += isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (o.empty() || isdigit(static_cast<unsigned char>(o[0]))) o = "t_" + o;
  return o;
}

StatusOr<EmitResult> EmitCpp(const ir::Graph& g, const EmitOptions& opts) {
  return Emitter(g, opts).Run();
}

}  // namespace kiln::codegen
