// A hand-written recursive-descent parser for .kir text. Errors carry line:column.
#include "compiler/ir/parser.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

namespace kiln::ir {
namespace {

class Parser {
 public:
  Parser(std::string_view text, std::string_view source, SourceMap* map)
      : text_(text), source_(source), map_(map) {}

  StatusOr<Graph> Run() {
    Graph g;
    KILN_RETURN_IF_ERROR(Expect("graph"));
    KILN_ASSIGN_OR_RETURN(g.name, Name('@'));
    if (Accept("arena")) {
      KILN_ASSIGN_OR_RETURN(double bytes, Number());
      g.arena_bytes = static_cast<int64_t>(bytes);
    }
    KILN_RETURN_IF_ERROR(Expect("{"));
    while (!Peek("}")) {
      if (AtEnd()) return Error("unexpected end of input, expected '}'");
      KILN_RETURN_IF_ERROR(Statement(g));
    }
    KILN_RETURN_IF_ERROR(Expect("}"));
    SkipSpace();
    if (!AtEnd()) return Error("unexpected text after the graph");
    return g;
  }

 private:
  Status Statement(Graph& g) {
    if (Accept("input")) {
      size_t name_pos = NextTokenPos();
      SourceLocation loc = MapLocation();
      KILN_ASSIGN_OR_RETURN(std::string name, Name('%'));
      KILN_RETURN_IF_ERROR(Expect(":"));
      KILN_ASSIGN_OR_RETURN(TensorType type, Type());
      KILN_ASSIGN_OR_RETURN(TensorId id, Define(g, name, type, name_pos, loc));
      g.inputs.push_back(id);
      return Status::Ok();
    }
    if (Accept("output")) {
      KILN_ASSIGN_OR_RETURN(TensorId id, Use(g));
      if (id == kNoTensor) return Error("a graph output cannot be '_'");
      g.outputs.push_back(id);
      return Status::Ok();
    }
    if (Accept("const")) {
      size_t name_pos = NextTokenPos();
      SourceLocation loc = MapLocation();
      KILN_ASSIGN_OR_RETURN(std::string name, Name('%'));
      KILN_RETURN_IF_ERROR(Expect(":"));
      KILN_ASSIGN_OR_RETURN(TensorType type, Type());
      KILN_RETURN_IF_ERROR(Expect("="));
      KILN_ASSIGN_OR_RETURN(std::vector<uint8_t> data, Dense(type));
      KILN_ASSIGN_OR_RETURN(TensorId id, Define(g, name, type, name_pos, loc));
      g.tensor(id).is_const = true;
      g.tensor(id).data = std::move(data);
      return Status::Ok();
    }
    return NodeStatement(g);
  }

  Status NodeStatement(Graph& g) {
    SkipSpace();
    SourceLocation where = MapLocation();
    struct Out {
      std::string name;
      TensorType type;
      int64_t offset;
      size_t pos;
      SourceLocation loc;
    };
    std::vector<Out> outs;
    do {
      size_t name_pos = NextTokenPos();
      SourceLocation loc = MapLocation();
      KILN_ASSIGN_OR_RETURN(std::string name, Name('%'));
      KILN_RETURN_IF_ERROR(Expect(":"));
      KILN_ASSIGN_OR_RETURN(TensorType type, Type());
      int64_t offset = -1;
      if (Accept("at")) {
        KILN_ASSIGN_OR_RETURN(double off, Number());
        offset = static_cast<int64_t>(off);
      }
      outs.push_back({std::move(name), std::move(type), offset, name_pos, loc});
    } while (Accept(","));
    KILN_RETURN_IF_ERROR(Expect("="));
    size_t op_pos = NextTokenPos();
    std::string op_text = Ident();
    OpKind op;
    if (!ParseOpName(op_text, &op)) {
      pos_ = op_pos;
      return Error(fmt::format("unknown op '{}'", op_text));
    }
    KILN_RETURN_IF_ERROR(Expect("("));
    std::vector<TensorId> ins;
    if (!Peek(")")) {
      do {
        KILN_ASSIGN_OR_RETURN(TensorId id, Use(g));
        ins.push_back(id);
      } while (Accept(","));
    }
    KILN_RETURN_IF_ERROR(Expect(")"));
    Attrs attrs = DefaultAttrs(op);
    if (Accept("{")) {
      if (!Peek("}")) {
        do {
          KILN_RETURN_IF_ERROR(Attribute(op_text, attrs));
        } while (Accept(","));
      }
      KILN_RETURN_IF_ERROR(Expect("}"));
    }
    KILN_ASSIGN_OR_RETURN(std::string node_name, Name('@'));
    int64_t scratch_bytes = 0, scratch_offset = -1;
    if (Accept("scratch")) {
      KILN_ASSIGN_OR_RETURN(double bytes, Number());
      scratch_bytes = static_cast<int64_t>(bytes);
      if (Accept("at")) {
        KILN_ASSIGN_OR_RETURN(double off, Number());
        scratch_offset = static_cast<int64_t>(off);
      }
    }
    std::vector<TensorId> out_ids;
    for (auto& o : outs) {
      KILN_ASSIGN_OR_RETURN(TensorId id, Define(g, o.name, o.type, o.pos, o.loc));
      g.tensor(id).offset = o.offset;
      out_ids.push_back(id);
    }
    Node& n = g.AddNode(op, node_name, std::move(ins), std::move(out_ids));
    n.attrs = std::move(attrs);
    n.scratch_bytes = scratch_bytes;
    n.scratch_offset = scratch_offset;
    if (map_) map_->nodes.push_back(where);
    return Status::Ok();
  }

  // Finds the attribute field `key` by walking the struct's Reflect().
  struct AttrSetter {
    Parser* p;
    std::string key;
    bool found = false;
    Status status;
    template <typename T>
    void operator()(const char* name, T& field, const T&) {
      if (found || key != name) return;
      found = true;
      status = p->Value(field);
    }
  };

  Status Attribute(const std::string& op, Attrs& attrs) {
    size_t start = NextTokenPos();
    std::string key = Ident();
    if (key.empty()) return Error("expected an attribute name");
    KILN_RETURN_IF_ERROR(Expect("="));
    AttrSetter setter{this, key, false, Status()};
    std::visit(
        [&](auto& a) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(a)>,
                                        std::monostate>)
            a.Reflect(setter);
        },
        attrs);
    if (!setter.found) {
      pos_ = start;
      return Error(fmt::format("op '{}' has no attribute '{}'", op, key));
    }
    return setter.status;
  }

  Status Value(int64_t& v) {
    KILN_ASSIGN_OR_RETURN(double d, Number());
    v = static_cast<int64_t>(d);
    return Status::Ok();
  }
  Status Value(float& v) {
    KILN_ASSIGN_OR_RETURN(double d, Number());
    v = static_cast<float>(d);
    return Status::Ok();
  }
  Status Value(std::string& v) {
    KILN_ASSIGN_OR_RETURN(v, QuotedString());
    return Status::Ok();
  }
  template <typename T>
  Status Value(std::vector<T>& v) {
    v.clear();
    KILN_RETURN_IF_ERROR(Expect("["));
    if (!Peek("]")) {
      do {
        T x{};
        KILN_RETURN_IF_ERROR(Value(x));
        v.push_back(x);
      } while (Accept(","));
    }
    return Expect("]");
  }

  StatusOr<TensorType> Type() {
    TensorType t;
    size_t start = NextTokenPos();
    std::string dt = Ident();
    auto d = ParseDType(dt);
    if (!d) {
      pos_ = start;
      return Error(fmt::format("unknown element type '{}'", dt));
    }
    t.dtype = *d;
    KILN_RETURN_IF_ERROR(Value(t.shape));
    if (Accept("#")) {
      size_t lpos = NextTokenPos();
      std::string l = Ident();
      auto layout = ParseLayout(l);
      if (!layout) {
        pos_ = lpos;
        return Error(fmt::format("unknown layout '{}'", l));
      }
      t.layout = *layout;
    }
    if (Accept("{")) {
      KILN_RETURN_IF_ERROR(Expect("q"));
      if (Accept("axis")) {
        KILN_RETURN_IF_ERROR(Expect("="));
        KILN_ASSIGN_OR_RETURN(double axis, Number());
        t.quant.axis = static_cast<int32_t>(axis);
      }
      while (!Peek("}")) {
        KILN_ASSIGN_OR_RETURN(double scale, Number());
        KILN_RETURN_IF_ERROR(Expect(":"));
        KILN_ASSIGN_OR_RETURN(double zp, Number());
        t.quant.scale.push_back(static_cast<float>(scale));
        t.quant.zero_point.push_back(static_cast<int32_t>(zp));
      }
      KILN_RETURN_IF_ERROR(Expect("}"));
    }
    return t;
  }

  StatusOr<std::vector<uint8_t>> Dense(const TensorType& type) {
    size_t start = NextTokenPos();
    KILN_RETURN_IF_ERROR(Expect("dense"));
    KILN_RETURN_IF_ERROR(Expect("<"));
    if (Peek("...")) return Error("elided constants cannot be parsed");
    std::vector<uint8_t> bytes;
    int64_t n = type.num_elements();
    int64_t esize = DTypeBytes(type.dtype);
    bytes.reserve(static_cast<size_t>(n * esize));
    int64_t count = 0;
    if (!Peek(">")) {
      do {
        KILN_ASSIGN_OR_RETURN(double v, Number());
        uint8_t buf[8];
        switch (type.dtype) {
          case DType::kF32: { float f = static_cast<float>(v); memcpy(buf, &f, 4); break; }
          case DType::kS8: { int8_t x = static_cast<int8_t>(v); memcpy(buf, &x, 1); break; }
          case DType::kU8:
          case DType::kBool: { uint8_t x = static_cast<uint8_t>(v); memcpy(buf, &x, 1); break; }
          case DType::kS16: { int16_t x = static_cast<int16_t>(v); memcpy(buf, &x, 2); break; }
          case DType::kS32: { int32_t x = static_cast<int32_t>(v); memcpy(buf, &x, 4); break; }
          case DType::kS64: { int64_t x = static_cast<int64_t>(v); memcpy(buf, &x, 8); break; }
        }
        bytes.insert(bytes.end(), buf, buf + esize);
        ++count;
      } while (Accept(","));
    }
    KILN_RETURN_IF_ERROR(Expect(">"));
    if (count != n) {
      pos_ = start;  // point at the literal, not past it
      return Error(fmt::format("constant has {} values, its type {} needs {}",
                               count, type.ToString(), n));
    }
    return bytes;
  }

  // `name_pos`: where the name was, for the error.
  StatusOr<TensorId> Define(Graph& g, const std::string& name,
                            const TensorType& type, size_t name_pos,
                            SourceLocation loc) {
    if (ids_.count(name)) {
      pos_ = name_pos;
      return Error(fmt::format("'%{}' is defined twice", name));
    }
    TensorId id = g.AddTensor(name, type);
    ids_[name] = id;
    if (map_) {
      map_->tensors.resize(g.tensors.size());
      map_->tensors[id] = loc;
    }
    return id;
  }

  StatusOr<TensorId> Use(Graph& g) {
    if (Accept("_")) return kNoTensor;
    size_t start = pos_;
    KILN_ASSIGN_OR_RETURN(std::string name, Name('%'));
    auto it = ids_.find(name);
    if (it == ids_.end()) {
      pos_ = start;
      return Error(fmt::format("'%{}' is used before it is defined", name));
    }
    return it->second;
  }

  // ---- lexing ----
  // Skips blanks and comments; the position of the next token.
  size_t NextTokenPos() {
    SkipSpace();
    return pos_;
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  void SkipSpace() {
    while (!AtEnd()) {
      char c = text_[pos_];
      if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '/') {
        while (!AtEnd() && text_[pos_] != '\n') ++pos_;
      } else if (isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else {
        break;
      }
    }
  }
  bool Peek(std::string_view tok) {
    SkipSpace();
    return text_.substr(pos_, tok.size()) == tok;
  }
  bool Accept(std::string_view tok) {
    if (!Peek(tok)) return false;
    // A keyword must not be the prefix of a longer identifier.
    bool word = isalpha(static_cast<unsigned char>(tok[0])) || tok == "_";
    size_t end = pos_ + tok.size();
    if (word && end < text_.size() &&
        (isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '_'))
      return false;
    pos_ = end;
    return true;
  }
  Status Expect(std::string_view tok) {
    if (Accept(tok)) return Status::Ok();
    return Error(fmt::format("expected '{}'", tok));
  }
  std::string Ident() {
    SkipSpace();
    size_t start = pos_;
    while (!AtEnd() && (isalnum(static_cast<unsigned char>(text_[pos_])) ||
                        text_[pos_] == '_' || text_[pos_] == '.'))
      ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }
  StatusOr<std::string> QuotedString() {
    SkipSpace();
    if (AtEnd() || text_[pos_] != '"') return Error("expected a string");
    ++pos_;
    std::string out;
    while (!AtEnd() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      out += text_[pos_++];
    }
    if (AtEnd()) return Error("unterminated string");
    ++pos_;
    return out;
  }
  StatusOr<std::string> Name(char sigil) {
    SkipSpace();
    if (AtEnd() || text_[pos_] != sigil)
      return Error(fmt::format("expected a name starting with '{}'", sigil));
    ++pos_;
    if (!AtEnd() && text_[pos_] == '"') return QuotedString();
    std::string s = Ident();
    if (s.empty()) return Error("expected a name");
    return s;
  }
  StatusOr<double> Number() {
    SkipSpace();
    bool neg = false;
    size_t start = pos_;
    if (!AtEnd() && (text_[pos_] == '-' || text_[pos_] == '+')) {
      neg = text_[pos_] == '-';
      ++pos_;
    }
    if (text_.substr(pos_, 3) == "inf") {
      pos_ += 3;
      return neg ? -HUGE_VAL : HUGE_VAL;
    }
    if (text_.substr(pos_, 3) == "nan") {
      pos_ += 3;
      return std::nan("");
    }
    pos_ = start;
    std::string buf;
    while (!AtEnd() && (isdigit(static_cast<unsigned char>(text_[pos_])) ||
                        strchr("+-.eE", text_[pos_])))
      buf += text_[pos_++];
    char* end = nullptr;
    double v = strtod(buf.c_str(), &end);
    if (buf.empty() || *end != '\0') {
      pos_ = start;
      return Error("expected a number");
    }
    return v;
  }

  // Line and column of pos_. Incremental from the last query (the parser only
  // moves forward between queries), so recording every location stays linear.
  SourceLocation Location() const {
    if (pos_ < loc_pos_) {
      loc_pos_ = 0;
      loc_ = {1, 1};
    }
    for (; loc_pos_ < pos_ && loc_pos_ < text_.size(); ++loc_pos_) {
      if (text_[loc_pos_] == '\n') {
        ++loc_.line;
        loc_.col = 1;
      } else {
        ++loc_.col;
      }
    }
    return loc_;
  }

  // Location() when recording a SourceMap, else nothing (saves the work).
  SourceLocation MapLocation() const {
    return map_ ? Location() : SourceLocation();
  }

  Status Error(const std::string& msg) const {
    SourceLocation loc = Location();
    return InvalidArgument("{}:{}:{}: {}", source_, loc.line, loc.col, msg);
  }

  std::string_view text_;
  std::string_view source_;
  size_t pos_ = 0;
  SourceMap* map_ = nullptr;
  mutable size_t loc_pos_ = 0;
  mutable SourceLocation loc_{1, 1};
  std::unordered_map<std::string, TensorId> ids_;
};

}  // namespace

StatusOr<Graph> ParseGraph(std::string_view text, std::string_view source_name,
                           SourceMap* locations) {
  if (locations) *locations = SourceMap();
  return Parser(text, source_name, locations).Run();
}

}  // namespace kiln::ir
