// .npy parsing and writing (see npy.h). Only what NumPy writes for plain arrays is
// accepted; anything else is a clear error, never a crash.
#include "compiler/support/npy.h"

#include <cstring>
#include <fstream>
#include <iterator>

#include "compiler/support/files.h"

namespace kiln {
namespace {

int64_t BytesOf(const std::string& d) {
  if (d.size() != 2) return 0;
  return d[1] - '0';
}

// Finds `'key': value` in the header dict and returns the text of value.
bool FindField(const std::string& h, const std::string& key, std::string* out) {
  size_t k = h.find("'" + key + "'");
  if (k == std::string::npos) return false;
  size_t colon = h.find(':', k);
  if (colon == std::string::npos) return false;
  size_t v = h.find_first_not_of(' ', colon + 1);
  if (v == std::string::npos) return false;
  size_t end;
  if (h[v] == '(') {
    end = h.find(')', v);
    if (end == std::string::npos) return false;
    ++end;
  } else if (h[v] == '\'') {
    end = h.find('\'', v + 1);
    if (end == std::string::npos) return false;
    ++end;
  } else {
    end = h.find_first_of(",}", v);
  }
  *out = h.substr(v, end - v);
  return true;
}

}  // namespace

int64_t NpyArray::num_elements() const {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}
int64_t NpyArray::element_bytes() const { return BytesOf(dtype); }

StatusOr<NpyArray> ParseNpy(const std::vector<uint8_t>& b,
                            const std::string& src) {
  static const char kMagic[] = "\x93NUMPY";
  if (b.size() < 10 || memcmp(b.data(), kMagic, 6) != 0)
    return InvalidArgument("{}: not a .npy file (bad magic)", src);
  uint8_t major = b[6];
  size_t header_len, header_start;
  if (major == 1) {
    header_len = b[8] | (b[9] << 8);
    header_start = 10;
  } else if (major == 2 || major == 3) {
    if (b.size() < 12) return InvalidArgument("{}: truncated .npy header", src);
    header_len = b[8] | (b[9] << 8) | (b[10] << 16) | (size_t(b[11]) << 24);
    header_start = 12;
  } else {
    return InvalidArgument("{}: unsupported .npy version {}", src, major);
  }
  if (header_start + header_len > b.size())
    return InvalidArgument("{}: truncated .npy header", src);
  std::string h(b.begin() + header_start, b.begin() + header_start + header_len);
  std::string descr, order, shape;
  if (!FindField(h, "descr", &descr) || !FindField(h, "fortran_order", &order) ||
      !FindField(h, "shape", &shape))
    return InvalidArgument("{}: malformed .npy header '{}'", src, h);
  NpyArray a;
  if (descr.size() < 5)
    return InvalidArgument("{}: unsupported dtype {}", src, descr);
  char endian = descr[1];
  a.dtype = descr.substr(2, descr.size() - 3);
  static const char* kKnown[] = {"f4", "i1", "u1", "i4", "i8", "b1", "i2"};
  bool known = false;
  for (const char* k : kKnown) known |= a.dtype == k;
  if (!known || (endian == '>' && BytesOf(a.dtype) > 1))
    return InvalidArgument(
        "{}: unsupported dtype {} (use little-endian float32, int8, uint8, "
        "int32 or int64)",
        src, descr);
  if (order.rfind("True", 0) == 0)
    return InvalidArgument("{}: Fortran-order arrays are not supported; save "
                           "with np.ascontiguousarray",
                           src);
  // shape: "(1, 3, 32, 32)" or "(5,)" or "()".
  std::string dims = shape.substr(1, shape.size() - 2);
  size_t p = 0;
  while (p < dims.size()) {
    size_t q = dims.find(',', p);
    std::string tok = dims.substr(p, q == std::string::npos ? std::string::npos : q - p);
    size_t s = tok.find_first_not_of(' ');
    if (s != std::string::npos) {
      char* end = nullptr;
      long long v = strtoll(tok.c_str() + s, &end, 10);
      if (v < 0 || v > (1LL << 40))
        return InvalidArgument("{}: bad dimension '{}'", src, tok);
      a.shape.push_back(v);
    }
    if (q == std::string::npos) break;
    p = q + 1;
  }
  size_t data_start = header_start + header_len;
  int64_t need = a.num_elements() * a.element_bytes();
  if (static_cast<int64_t>(b.size() - data_start) != need)
    return InvalidArgument("{}: holds {} data bytes, its shape needs {}", src,
                           b.size() - data_start, need);
  a.data.assign(b.begin() + data_start, b.end());
  return a;
}

StatusOr<NpyArray> ReadNpy(const std::string& path) {
  KILN_ASSIGN_OR_RETURN(std::vector<uint8_t> bytes, ReadFileBytes(path));
  return ParseNpy(bytes, path);
}

std::vector<uint8_t> SerializeNpy(const NpyArray& a) {
  std::string shape = "(";
  for (size_t i = 0; i < a.shape.size(); ++i)
    shape += std::to_string(a.shape[i]) + (a.shape.size() == 1 ? "," : (i + 1 < a.shape.size() ? ", " : ""));
  shape += ")";
  char endian = a.element_bytes() == 1 ? '|' : '<';
  std::string h = "{'descr': '" + std::string(1, endian) + a.dtype +
                  "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Pad so that data starts at a multiple of 64 bytes, ending in '\n'.
  size_t total = 10 + h.size() + 1;
  h.append((64 - total % 64) % 64, ' ');
  h += '\n';
  std::vector<uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  out.push_back(static_cast<uint8_t>(h.size() & 0xff));
  out.push_back(static_cast<uint8_t>(h.size() >> 8));
  out.insert(out.end(), h.begin(), h.end());
  out.insert(out.end(), a.data.begin(), a.data.end());
  return out;
}

Status WriteNpy(const std::string& path, const NpyArray& a) {
  return WriteFileBytes(path, SerializeNpy(a));
}

}  // namespace kiln
