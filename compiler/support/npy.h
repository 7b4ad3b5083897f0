// Reading and writing NumPy .npy files (format versions 1-3, little-endian, C order):
// how users hand inputs to `kiln run`/`kiln validate` and get outputs back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/support/status.h"

namespace kiln {

struct NpyArray {
  std::string dtype;  // numpy descr without byte order: "f4", "i1", "u1", "i4", "i8", "b1"
  std::vector<int64_t> shape;
  std::vector<uint8_t> data;  // little-endian elements, C order
  int64_t num_elements() const;
  int64_t element_bytes() const;
};

StatusOr<NpyArray> ReadNpy(const std::string& path);
StatusOr<NpyArray> ParseNpy(const std::vector<uint8_t>& bytes,
                            const std::string& source);
Status WriteNpy(const std::string& path, const NpyArray& array);
std::vector<uint8_t> SerializeNpy(const NpyArray& array);

}  // namespace kiln
