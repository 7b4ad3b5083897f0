// File helpers (see files.h).
#include "compiler/support/files.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace kiln {

StatusOr<std::vector<uint8_t>> ReadFileBytes(const std::string& path) {
  FILE* f = fopen(path.c_str(), "rb");
  if (!f) return IoError("cannot open '{}': {}", path, strerror(errno));
  std::vector<uint8_t> data;
  uint8_t buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    data.insert(data.end(), buf, buf + n);
  bool err = ferror(f);
  fclose(f);
  if (err) return IoError("cannot read '{}'", path);
  return data;
}

StatusOr<std::string> ReadFileText(const std::string& path) {
  KILN_ASSIGN_OR_RETURN(std::vector<uint8_t> b, ReadFileBytes(path));
  return std::string(b.begin(), b.end());
}

Status WriteFileBytes(const std::string& path,
                      const std::vector<uint8_t>& data) {
  FILE* f = fopen(path.c_str(), "wb");
  if (!f) return IoError("cannot write '{}': {}", path, strerror(errno));
  size_t n = fwrite(data.data(), 1, data.size(), f);
  bool ok = n == data.size() && fclose(f) == 0;
  if (!ok) return IoError("cannot write '{}'", path);
  return Status::Ok();
}

Status WriteFileText(const std::string& path, const std::string& text) {
  return WriteFileBytes(path, std::vector<uint8_t>(text.begin(), text.end()));
}

StatusOr<WorkDir> WorkDir::Make(const std::string& keep,
                                const std::string& purpose) {
  namespace fs = std::filesystem;
  if (!keep.empty()) {
    std::error_code ec;
    fs::create_directories(keep, ec);
    if (ec)
      return IoError("cannot create the folder '{}': {}", keep, ec.message());
    return WorkDir(keep, false);
  }
  std::string pattern =
      (fs::temp_directory_path() / ("kiln-" + purpose + "-XXXXXX")).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data()))
    return IoError("cannot create a temporary folder '{}': {}", pattern,
                   strerror(errno));
  return WorkDir(buf.data(), true);
}

WorkDir::WorkDir(WorkDir&& other) noexcept
    : path_(std::move(other.path_)), temporary_(other.temporary_) {
  other.temporary_ = false;
}

WorkDir::~WorkDir() {
  if (!temporary_) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace kiln
