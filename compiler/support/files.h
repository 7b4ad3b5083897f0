// Whole-file reads and writes with Status errors that name the path.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/support/status.h"

namespace kiln {

StatusOr<std::vector<uint8_t>> ReadFileBytes(const std::string& path);
StatusOr<std::string> ReadFileText(const std::string& path);
Status WriteFileBytes(const std::string& path, const std::vector<uint8_t>& data);
Status WriteFileText(const std::string& path, const std::string& text);

}  // namespace kiln
