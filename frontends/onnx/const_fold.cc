// Import-time folding of constant ONNX nodes (see const_fold.h). Values are
// held as int64 (integer and bool types) or float (f32) and written back with
// their ONNX element type, integers wrapping to their width like the C casts
// ONNX Runtime uses.
#include "frontends/onnx/const_fold.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

namespace kiln::onnx_frontend {
namespace {

using ir::DType;
using ir::Shape;

struct Value {
  DType dtype = DType::kS64;
  Shape shape;
  std::vector<int64_t> i;  // integer and bool types
  std::vector<float> f;    // f32
  bool is_float() const { return dtype == DType::kF32; }
  int64_t size() const { return ir::NumElements(shape); }
};

Value FromData(const TensorData& d) {
  Value v;
  v.dtype = d.type.dtype;
  v.shape = d.type.shape;
  if (v.is_float()) {
    v.f = *ToFloats(d);
  } else {
    v.i = *ToInt64s(d);
  }
  return v;
}

template <typename T>
void Put(std::vector<uint8_t>* bytes, int64_t k, T x) {
  std::memcpy(bytes->data() + k * sizeof(T), &x, sizeof(T));
}

TensorData ToData(const Value& v) {
  TensorData d;
  d.type.dtype = v.dtype;
  d.type.shape = v.shape;
  d.bytes.resize(static_cast<size_t>(d.type.bytes()));
  for (int64_t k = 0; k < v.size(); ++k) {
    switch (v.dtype) {
      case DType::kF32: Put<float>(&d.bytes, k, v.f[k]); break;
      case DType::kS8: Put<int8_t>(&d.bytes, k, static_cast<int8_t>(v.i[k])); break;
      case DType::kU8: Put<uint8_t>(&d.bytes, k, static_cast<uint8_t>(v.i[k])); break;
      case DType::kBool: Put<uint8_t>(&d.bytes, k, v.i[k] != 0); break;
      case DType::kS16: Put<int16_t>(&d.bytes, k, static_cast<int16_t>(v.i[k])); break;
      case DType::kS32: Put<int32_t>(&d.bytes, k, static_cast<int32_t>(v.i[k])); break;
      case DType::kS64: Put<int64_t>(&d.bytes, k, v.i[k]); break;
    }
  }
  return d;
}

Value Ints(Shape shape, std::vector<int64_t> values) {
  Value v;
  v.shape = std::move(shape);
  v.i = std::move(values);
  return v;
}

// Normalizes a value to its dtype's range (integers wrap, bool is 0/1), as
// storing and re-reading it would.
void Wrap(Value* v) {
  if (v->is_float()) return;
  TensorData d = ToData(*v);
  v->i = *ToInt64s(d);
}

struct Ctx {
  const onnx::NodeProto& node;
  int64_t opset;
  const std::vector<FoldInput>& in;

  bool Has(int k) const {
    return k < static_cast<int>(in.size()) && in[k].present;
  }
  // The constant value of input k (NotFound when it is not constant).
  StatusOr<Value> Get(int k) const {
    if (!Has(k)) return InvalidArgument("input {} is missing", k);
    if (!in[k].value) return NotFound("input {} is not a constant", k);
    return FromData(*in[k].value);
  }
  StatusOr<std::vector<int64_t>> GetInts(int k) const {
    KILN_ASSIGN_OR_RETURN(Value v, Get(k));
    if (v.is_float()) return InvalidArgument("input {} must be an integer tensor", k);
    return v.i;
  }
  const onnx::AttributeProto* Attr(const char* name) const {
    for (const auto& a : node.attribute())
      if (a.name() == name) return &a;
    return nullptr;
  }
  int64_t AttrInt(const char* name, int64_t def) const {
    const auto* a = Attr(name);
    return a ? a->i() : def;
  }
  std::optional<std::vector<int64_t>> AttrInts(const char* name) const {
    const auto* a = Attr(name);
    if (!a) return std::nullopt;
    return std::vector<int64_t>(a->ints().begin(), a->ints().end());
  }
};

StatusOr<int64_t> Axis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return InvalidArgument("axis {} is out of range for rank {}", axis, rank);
  return axis < 0 ? axis + rank : axis;
}

std::vector<int64_t> Strides(const Shape& s) {
  std::vector<int64_t> st(s.size(), 1);
  for (int k = static_cast<int>(s.size()) - 2; k >= 0; --k)
    st[k] = st[k + 1] * s[k + 1];
  return st;
}

// Numpy broadcasting of several shapes.
StatusOr<Shape> Broadcast(const std::vector<Shape>& shapes) {
  size_t r = 0;
  for (const Shape& s : shapes) r = std::max(r, s.size());
  Shape out(r, 1);
  for (const Shape& s : shapes) {
    for (size_t k = 0; k < s.size(); ++k) {
      int64_t& o = out[r - s.size() + k];
      if (s[k] == o || s[k] == 1) continue;
      if (o != 1)
        return InvalidArgument("shapes [{}] do not broadcast",
                               fmt::join(s, ","));
      o = s[k];
    }
  }
  return out;
}

// For each element of `out`, the element of `in` (broadcast to it) it reads.
std::vector<int64_t> BroadcastIndex(const Shape& out, const Shape& in) {
  Shape a(out.size() - in.size(), 1);
  a.insert(a.end(), in.begin(), in.end());
  std::vector<int64_t> st = Strides(a);
  int64_t n = ir::NumElements(out);
  std::vector<int64_t> idx(static_cast<size_t>(n));
  std::vector<int64_t> pos(out.size(), 0);
  for (int64_t e = 0; e < n; ++e) {
    int64_t off = 0;
    for (size_t k = 0; k < out.size(); ++k)
      if (a[k] != 1) off += pos[k] * st[k];
    idx[e] = off;
    for (int k = static_cast<int>(out.size()) - 1; k >= 0; --k) {
      if (++pos[k] < out[k]) break;
      pos[k] = 0;
    }
  }
  return idx;
}

// Gathers `v`'s elements at `idx` into a value of `shape`.
Value Take(const Value& v, const std::vector<int64_t>& idx, Shape shape) {
  Value out;
  out.dtype = v.dtype;
  out.shape = std::move(shape);
  for (int64_t k : idx) {
    if (v.is_float()) {
      out.f.push_back(v.f[k]);
    } else {
      out.i.push_back(v.i[k]);
    }
  }
  return out;
}

using IntOp = std::function<StatusOr<int64_t>(int64_t, int64_t)>;
using FloatOp = std::function<float(float, float)>;

// An elementwise broadcasting binary op; `compare` ops give bool.
StatusOr<Value> Binary(const Value& a, const Value& b, const IntOp& iop,
                       const FloatOp& fop, bool compare) {
  if (a.dtype != b.dtype) return NotFound("operands of different types");
  KILN_ASSIGN_OR_RETURN(Shape shape, Broadcast({a.shape, b.shape}));
  auto ia = BroadcastIndex(shape, a.shape), ib = BroadcastIndex(shape, b.shape);
  Value out;
  out.shape = shape;
  out.dtype = compare ? DType::kBool : a.dtype;
  for (size_t e = 0; e < ia.size(); ++e) {
    if (a.is_float()) {
      float r = fop(a.f[ia[e]], b.f[ib[e]]);
      if (compare) {
        out.i.push_back(r != 0.0f);
      } else {
        out.f.push_back(r);
      }
    } else {
      KILN_ASSIGN_OR_RETURN(int64_t r, iop(a.i[ia[e]], b.i[ib[e]]));
      out.i.push_back(r);
    }
  }
  Wrap(&out);
  return out;
}

StatusOr<Value> FoldBinary(const Ctx& c, const std::string& op) {
  IntOp iop;
  FloatOp fop;
  bool compare = op == "Equal";
  if (op == "Add") {
    iop = [](int64_t x, int64_t y) -> StatusOr<int64_t> {
      return static_cast<int64_t>(static_cast<uint64_t>(x) + static_cast<uint64_t>(y));
    };
    fop = [](float x, float y) { return x + y; };
  } else if (op == "Sub") {
    iop = [](int64_t x, int64_t y) -> StatusOr<int64_t> {
      return static_cast<int64_t>(static_cast<uint64_t>(x) - static_cast<uint64_t>(y));
    };
    fop = [](float x, float y) { return x - y; };
  } else if (op == "Mul") {
    iop = [](int64_t x, int64_t y) -> StatusOr<int64_t> {
      return static_cast<int64_t>(static_cast<uint64_t>(x) * static_cast<uint64_t>(y));
    };
    fop = [](float x, float y) { return x * y; };
  } else if (op == "Div") {
    iop = [](int64_t x, int64_t y) -> StatusOr<int64_t> {
      if (y == 0) return InvalidArgument("integer division by zero");
      if (y == -1) return static_cast<int64_t>(0 - static_cast<uint64_t>(x));
      return x / y;  // truncation, as C and ONNX Runtime
    };
    fop = [](float x, float y) { return x / y; };
  } else if (op == "Max" || op == "Min") {
    bool mx = op == "Max";
    iop = [mx](int64_t x, int64_t y) -> StatusOr<int64_t> {
      return mx ? std::max(x, y) : std::min(x, y);
    };
    fop = [mx](float x, float y) {
      if (std::isnan(x) || std::isnan(y)) return NAN;
      return mx ? std::max(x, y) : std::min(x, y);
    };
  } else if (op == "Equal") {
    iop = [](int64_t x, int64_t y) -> StatusOr<int64_t> { return x == y; };
    fop = [](float x, float y) { return x == y ? 1.0f : 0.0f; };
  } else {
    return NotFound("no folding for {}", op);
  }
  KILN_ASSIGN_OR_RETURN(Value acc, c.Get(0));
  int n = c.node.input_size();
  if (n < 2 && !(op == "Max" || op == "Min"))
    return InvalidArgument("{} needs two inputs", op);
  for (int k = 1; k < n; ++k) {
    KILN_ASSIGN_OR_RETURN(Value b, c.Get(k));
    KILN_ASSIGN_OR_RETURN(acc, Binary(acc, b, iop, fop, compare));
  }
  return acc;
}

StatusOr<Value> FoldUnary(const Ctx& c, const std::string& op) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  if (op == "Identity") return v;
  for (size_t k = 0; k < v.f.size(); ++k)
    v.f[k] = op == "Neg" ? -v.f[k] : std::fabs(v.f[k]);
  for (size_t k = 0; k < v.i.size(); ++k)
    v.i[k] = op == "Neg" ? static_cast<int64_t>(0 - static_cast<uint64_t>(v.i[k]))
                         : (v.i[k] < 0 ? static_cast<int64_t>(0 - static_cast<uint64_t>(v.i[k])) : v.i[k]);
  Wrap(&v);
  return v;
}

// Shape and Size read only the static type of their input.
StatusOr<Value> FoldShape(const Ctx& c, bool size) {
  if (!c.Has(0)) return InvalidArgument("input 0 is missing");
  if (!c.in[0].type) return NotFound("input 0 has no static shape");
  const Shape& s = c.in[0].type->shape;
  if (size) return Ints({}, {ir::NumElements(s)});
  int64_t r = static_cast<int64_t>(s.size());
  // opset 15: start/end select a range of dims, clamped to [0, rank].
  auto clamp = [r](int64_t v) {
    if (v < 0) v += r;
    return std::clamp<int64_t>(v, 0, r);
  };
  int64_t start = clamp(c.AttrInt("start", 0));
  int64_t end = c.Attr("end") ? clamp(c.AttrInt("end", r)) : r;
  std::vector<int64_t> dims;
  for (int64_t k = start; k < end; ++k) dims.push_back(s[k]);
  int64_t n = static_cast<int64_t>(dims.size());
  return Ints({n}, std::move(dims));
}

StatusOr<Value> FoldGather(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value data, c.Get(0));
  KILN_ASSIGN_OR_RETURN(Value ind, c.Get(1));
  if (ind.is_float()) return InvalidArgument("indices must be integers");
  int64_t r = static_cast<int64_t>(data.shape.size());
  if (r == 0) return InvalidArgument("Gather of a scalar");
  KILN_ASSIGN_OR_RETURN(int64_t axis, Axis(c.AttrInt("axis", 0), r));
  int64_t outer = 1, inner = 1, n = data.shape[axis];
  for (int64_t k = 0; k < axis; ++k) outer *= data.shape[k];
  for (int64_t k = axis + 1; k < r; ++k) inner *= data.shape[k];
  Shape shape(data.shape.begin(), data.shape.begin() + axis);
  shape.insert(shape.end(), ind.shape.begin(), ind.shape.end());
  shape.insert(shape.end(), data.shape.begin() + axis + 1, data.shape.end());
  std::vector<int64_t> idx;
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t j : ind.i) {
      if (j < -n || j >= n)
        return InvalidArgument("index {} is out of range for a dimension of {}",
                               j, n);
      if (j < 0) j += n;
      for (int64_t e = 0; e < inner; ++e) idx.push_back((o * n + j) * inner + e);
    }
  }
  return Take(data, idx, shape);
}

StatusOr<Value> FoldCast(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  auto to = DTypeFromOnnx(static_cast<int32_t>(c.AttrInt("to", 0)));
  if (!to.ok()) return NotFound("Cast to a type kiln does not hold");
  Value out;
  out.dtype = *to;
  out.shape = v.shape;
  if (out.is_float()) {
    for (int64_t x : v.i) out.f.push_back(static_cast<float>(x));
    for (float x : v.f) out.f.push_back(x);
  } else {
    for (int64_t x : v.i) out.i.push_back(*to == DType::kBool ? x != 0 : x);
    for (float x : v.f) {
      if (*to == DType::kBool) {
        out.i.push_back(x != 0.0f);
      } else if (std::isnan(x) || std::fabs(x) >= 9.2e18f) {
        return NotFound("Cast of {} to an integer is undefined", x);
      } else {
        out.i.push_back(static_cast<int64_t>(x));  // toward zero
      }
    }
  }
  Wrap(&out);
  return out;
}

StatusOr<Value> FoldConstantOfShape(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> dims, c.GetInts(0));
  for (int64_t d : dims)
    if (d < 0) return InvalidArgument("negative dimension {}", d);
  Value fill;
  fill.dtype = DType::kF32;
  fill.f = {0.0f};
  if (const auto* a = c.Attr("value")) {
    auto t = ReadTensorProto(a->t(), ".");
    if (!t.ok()) return NotFound("value of an element type kiln does not hold");
    if (t->type.num_elements() != 1)
      return InvalidArgument("'value' must hold one element");
    fill = FromData(*t);
  }
  auto n = CheckedShape(dims);
  if (!n.ok()) return n.status();
  Value out = Take(fill, std::vector<int64_t>(ir::NumElements(*n), 0), *n);
  return out;
}

StatusOr<Value> FoldExpand(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  KILN_ASSIGN_OR_RETURN(std::vector<int64_t> dims, c.GetInts(1));
  KILN_ASSIGN_OR_RETURN(Shape shape, Broadcast({v.shape, dims}));
  return Take(v, BroadcastIndex(shape, v.shape), shape);
}

StatusOr<Value> FoldRange(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value start, c.Get(0));
  KILN_ASSIGN_OR_RETURN(Value limit, c.Get(1));
  KILN_ASSIGN_OR_RETURN(Value delta, c.Get(2));
  if (start.size() != 1 || limit.size() != 1 || delta.size() != 1)
    return InvalidArgument("start, limit and delta must be scalars");
  Value out;
  out.dtype = start.dtype;
  constexpr int64_t kMax = int64_t{1} << 24;
  if (start.is_float()) {
    float s = start.f[0], d = delta.f[0];
    if (d == 0.0f) return InvalidArgument("delta is 0");
    double n = std::ceil((static_cast<double>(limit.f[0]) - s) / d);
    if (!(n <= kMax)) return InvalidArgument("Range of more than {} values", kMax);
    for (int64_t k = 0; k < static_cast<int64_t>(std::max(n, 0.0)); ++k)
      out.f.push_back(s + static_cast<float>(k) * d);
    out.shape = {static_cast<int64_t>(out.f.size())};
  } else {
    int64_t s = start.i[0], l = limit.i[0], d = delta.i[0];
    if (d == 0) return InvalidArgument("delta is 0");
    // ceil((l - s) / d) without overflow for the ranges shapes use.
    double n = std::ceil((static_cast<double>(l) - static_cast<double>(s)) /
                         static_cast<double>(d));
    if (!(n <= kMax)) return InvalidArgument("Range of more than {} values", kMax);
    for (int64_t k = 0; k < static_cast<int64_t>(std::max(n, 0.0)); ++k)
      out.i.push_back(s + k * d);
    out.shape = {static_cast<int64_t>(out.i.size())};
  }
  Wrap(&out);
  return out;
}

StatusOr<Value> FoldWhere(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value cond, c.Get(0));
  KILN_ASSIGN_OR_RETURN(Value x, c.Get(1));
  KILN_ASSIGN_OR_RETURN(Value y, c.Get(2));
  if (cond.is_float() || x.dtype != y.dtype)
    return InvalidArgument("Where needs a bool condition and operands of one type");
  KILN_ASSIGN_OR_RETURN(Shape shape, Broadcast({cond.shape, x.shape, y.shape}));
  auto ic = BroadcastIndex(shape, cond.shape);
  auto ix = BroadcastIndex(shape, x.shape), iy = BroadcastIndex(shape, y.shape);
  Value out;
  out.dtype = x.dtype;
  out.shape = shape;
  for (size_t e = 0; e < ic.size(); ++e) {
    bool t = cond.i[ic[e]] != 0;
    if (x.is_float()) {
      out.f.push_back(t ? x.f[ix[e]] : y.f[iy[e]]);
    } else {
      out.i.push_back(t ? x.i[ix[e]] : y.i[iy[e]]);
    }
  }
  return out;
}

// Axes of Unsqueeze/Squeeze/ReduceX: an input from opset 13, else an attribute.
StatusOr<std::optional<std::vector<int64_t>>> AxesOf(const Ctx& c) {
  if (c.opset >= 13) {
    if (!c.Has(1)) return std::optional<std::vector<int64_t>>();
    KILN_ASSIGN_OR_RETURN(std::vector<int64_t> axes, c.GetInts(1));
    return std::optional<std::vector<int64_t>>(axes);
  }
  return c.AttrInts("axes");
}

StatusOr<Value> FoldUnsqueeze(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  KILN_ASSIGN_OR_RETURN(auto axes, AxesOf(c));
  if (!axes) return InvalidArgument("Unsqueeze needs axes");
  int64_t r = static_cast<int64_t>(v.shape.size() + axes->size());
  std::vector<bool> ones(r, false);
  for (int64_t a : *axes) {
    KILN_ASSIGN_OR_RETURN(int64_t n, Axis(a, r));
    if (ones[n]) return InvalidArgument("axis {} is repeated", a);
    ones[n] = true;
  }
  Shape shape;
  size_t k = 0;
  for (int64_t i = 0; i < r; ++i) shape.push_back(ones[i] ? 1 : v.shape[k++]);
  v.shape = shape;
  return v;
}

StatusOr<Value> FoldSqueeze(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  KILN_ASSIGN_OR_RETURN(auto axes, AxesOf(c));
  int64_t r = static_cast<int64_t>(v.shape.size());
  std::vector<bool> drop(r, false);
  if (!axes) {
    for (int64_t i = 0; i < r; ++i) drop[i] = v.shape[i] == 1;
  } else {
    for (int64_t a : *axes) {
      KILN_ASSIGN_OR_RETURN(int64_t n, Axis(a, r));
      if (v.shape[n] != 1)
        return InvalidArgument("cannot squeeze dimension {} of size {}", n,
                               v.shape[n]);
      drop[n] = true;
    }
  }
  Shape shape;
  for (int64_t i = 0; i < r; ++i)
    if (!drop[i]) shape.push_back(v.shape[i]);
  v.shape = shape;
  return v;
}

StatusOr<Value> FoldConcat(const Ctx& c) {
  std::vector<Value> parts;
  for (int k = 0; k < c.node.input_size(); ++k) {
    KILN_ASSIGN_OR_RETURN(Value v, c.Get(k));
    parts.push_back(std::move(v));
  }
  if (parts.empty()) return InvalidArgument("Concat needs inputs");
  int64_t r = static_cast<int64_t>(parts[0].shape.size());
  KILN_ASSIGN_OR_RETURN(int64_t axis, Axis(c.AttrInt("axis", 0), r));
  Value out;
  out.dtype = parts[0].dtype;
  out.shape = parts[0].shape;
  out.shape[axis] = 0;
  for (const Value& p : parts) {
    if (p.dtype != out.dtype || static_cast<int64_t>(p.shape.size()) != r)
      return InvalidArgument("Concat inputs differ in type or rank");
    for (int64_t k = 0; k < r; ++k)
      if (k != axis && p.shape[k] != parts[0].shape[k])
        return InvalidArgument("Concat inputs differ in dimension {}", k);
    out.shape[axis] += p.shape[axis];
  }
  int64_t outer = 1;
  for (int64_t k = 0; k < axis; ++k) outer *= out.shape[k];
  for (int64_t o = 0; o < outer; ++o) {
    for (const Value& p : parts) {
      int64_t chunk = outer ? p.size() / outer : 0;
      for (int64_t e = 0; e < chunk; ++e) {
        if (p.is_float()) {
          out.f.push_back(p.f[o * chunk + e]);
        } else {
          out.i.push_back(p.i[o * chunk + e]);
        }
      }
    }
  }
  return out;
}

StatusOr<Value> FoldSlice(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  int64_t r = static_cast<int64_t>(v.shape.size());
  std::vector<int64_t> starts, ends, axes, steps;
  if (c.opset < 10) {
    starts = c.AttrInts("starts").value_or(std::vector<int64_t>{});
    ends = c.AttrInts("ends").value_or(std::vector<int64_t>{});
    axes = c.AttrInts("axes").value_or(std::vector<int64_t>{});
  } else {
    KILN_ASSIGN_OR_RETURN(starts, c.GetInts(1));
    KILN_ASSIGN_OR_RETURN(ends, c.GetInts(2));
    if (c.Has(3)) {
      KILN_ASSIGN_OR_RETURN(axes, c.GetInts(3));
    }
    if (c.Has(4)) {
      KILN_ASSIGN_OR_RETURN(steps, c.GetInts(4));
    }
  }
  if (axes.empty())
    for (size_t k = 0; k < starts.size(); ++k) axes.push_back(static_cast<int64_t>(k));
  if (steps.empty()) steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return InvalidArgument("starts, ends, axes and steps differ in length");
  std::vector<int64_t> st(r, 0), step(r, 1), len(v.shape);
  for (size_t k = 0; k < starts.size(); ++k) {
    KILN_ASSIGN_OR_RETURN(int64_t a, Axis(axes[k], r));
    int64_t d = v.shape[a], s = steps[k];
    if (s == 0) return InvalidArgument("a step of 0");
    auto fix = [d, s](int64_t x) {
      if (x < 0) x += d;
      return s > 0 ? std::clamp<int64_t>(x, 0, d) : std::clamp<int64_t>(x, -1, d - 1);
    };
    int64_t b = fix(starts[k]), e = fix(ends[k]);
    int64_t n = s > 0 ? (e - b + s - 1) / s : (b - e - s - 1) / -s;
    st[a] = b;
    step[a] = s;
    len[a] = std::max<int64_t>(n, 0);
  }
  std::vector<int64_t> strides = Strides(v.shape), idx;
  int64_t total = ir::NumElements(len);
  std::vector<int64_t> pos(r, 0);
  for (int64_t e = 0; e < total; ++e) {
    int64_t off = 0;
    for (int64_t k = 0; k < r; ++k) off += (st[k] + pos[k] * step[k]) * strides[k];
    idx.push_back(off);
    for (int64_t k = r - 1; k >= 0; --k) {
      if (++pos[k] < len[k]) break;
      pos[k] = 0;
    }
  }
  return Take(v, idx, len);
}

StatusOr<Value> FoldReshape(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  std::vector<int64_t> dims;
  if (c.opset < 5) {
    dims = c.AttrInts("shape").value_or(std::vector<int64_t>{});
  } else {
    KILN_ASSIGN_OR_RETURN(dims, c.GetInts(1));
  }
  bool allowzero = c.AttrInt("allowzero", 0) != 0;
  int64_t known = 1, infer = -1;
  Shape shape;
  for (size_t k = 0; k < dims.size(); ++k) {
    int64_t d = dims[k];
    if (d == 0 && !allowzero) {
      if (k >= v.shape.size()) return InvalidArgument("0 beyond the input rank");
      d = v.shape[k];
    }
    if (d == -1) {
      if (infer >= 0) return InvalidArgument("more than one -1");
      infer = static_cast<int64_t>(k);
      shape.push_back(1);
      continue;
    }
    if (d < 0) return InvalidArgument("negative dimension {}", d);
    known *= d;
    shape.push_back(d);
  }
  if (infer >= 0) {
    if (known == 0 || v.size() % known) return InvalidArgument("cannot infer -1");
    shape[infer] = v.size() / known;
  }
  if (ir::NumElements(shape) != v.size())
    return InvalidArgument("cannot reshape [{}] to [{}]", fmt::join(v.shape, ","),
                           fmt::join(dims, ","));
  v.shape = shape;
  return v;
}

StatusOr<Value> FoldFlatten(const Ctx& c) {
  KILN_ASSIGN_OR_RETURN(Value v, c.Get(0));
  int64_t r = static_cast<int64_t>(v.shape.size());
  int64_t axis = c.AttrInt("axis", 1);
  if (axis < -r || axis > r) return InvalidArgument("axis {} is out of range", axis);
  if (axis < 0) axis += r;
  int64_t a = 1;
  for (int64_t k = 0; k < axis; ++k) a *= v.shape[k];
  v.shape = {a, a ? v.size() / a : 0};
  return v;
}

using Folder = StatusOr<Value> (*)(const Ctx&);

struct FoldEntry {
  const char* op;
  Folder fn;
};

StatusOr<Value> Shape_(const Ctx& c) { return FoldShape(c, false); }
StatusOr<Value> Size_(const Ctx& c) { return FoldShape(c, true); }
#define KILN_BINARY(name) \
  StatusOr<Value> name##_(const Ctx& c) { return FoldBinary(c, #name); }
KILN_BINARY(Add)
KILN_BINARY(Sub)
KILN_BINARY(Mul)
KILN_BINARY(Div)
KILN_BINARY(Max)
KILN_BINARY(Min)
KILN_BINARY(Equal)
#undef KILN_BINARY
StatusOr<Value> Neg_(const Ctx& c) { return FoldUnary(c, "Neg"); }
StatusOr<Value> Abs_(const Ctx& c) { return FoldUnary(c, "Abs"); }
StatusOr<Value> Identity_(const Ctx& c) { return FoldUnary(c, "Identity"); }

// Every op kiln folds, with the inputs it reads as values.
constexpr FoldEntry kFolders[] = {
    {"Shape", Shape_},
    {"Size", Size_},
    {"Gather", FoldGather},
    {"Cast", FoldCast},
    {"ConstantOfShape", FoldConstantOfShape},
    {"Expand", FoldExpand},
    {"Range", FoldRange},
    {"Equal", Equal_},
    {"Where", FoldWhere},
    {"Unsqueeze", FoldUnsqueeze},
    {"Squeeze", FoldSqueeze},
    {"Concat", FoldConcat},
    {"Slice", FoldSlice},
    {"Reshape", FoldReshape},
    {"Flatten", FoldFlatten},
    {"Add", Add_},
    {"Sub", Sub_},
    {"Mul", Mul_},
    {"Div", Div_},
    {"Max", Max_},
    {"Min", Min_},
    {"Neg", Neg_},
    {"Abs", Abs_},
    {"Identity", Identity_},
};

int32_t OnnxElemType(DType t) {
  switch (t) {
    case DType::kF32: return onnx::TensorProto::FLOAT;
    case DType::kS8: return onnx::TensorProto::INT8;
    case DType::kU8: return onnx::TensorProto::UINT8;
    case DType::kS16: return onnx::TensorProto::INT16;
    case DType::kS32: return onnx::TensorProto::INT32;
    case DType::kS64: return onnx::TensorProto::INT64;
    case DType::kBool: return onnx::TensorProto::BOOL;
  }
  return onnx::TensorProto::UNDEFINED;
}

}  // namespace

bool IsFoldableOp(const std::string& op_type) {
  for (const FoldEntry& e : kFolders)
    if (op_type == e.op) return true;
  return false;
}

StatusOr<std::vector<TensorData>> FoldOnnxNode(
    const onnx::NodeProto& node, int64_t opset,
    const std::vector<FoldInput>& inputs) {
  for (const FoldEntry& e : kFolders) {
    if (node.op_type() != e.op) continue;
    if (node.output_size() != 1)
      return NotFound("{} with {} outputs", node.op_type(), node.output_size());
    Ctx c{node, opset, inputs};
    KILN_ASSIGN_OR_RETURN(Value v, e.fn(c));
    return std::vector<TensorData>{ToData(v)};
  }
  return NotFound("kiln does not fold {}", node.op_type());
}

onnx::TensorProto ToTensorProto(const TensorData& data,
                                const std::string& name) {
  onnx::TensorProto t;
  t.set_name(name);
  t.set_data_type(OnnxElemType(data.type.dtype));
  for (int64_t d : data.type.shape) t.add_dims(d);
  t.set_raw_data(std::string(data.bytes.begin(), data.bytes.end()));
  return t;
}

}  // namespace kiln::onnx_frontend
