// Whole-file reads and writes with Status errors that name the path.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "compiler/support/status.h"

namespace kiln {

StatusOr<std::vector<uint8_t>> ReadFileBytes(const std::string& path);
StatusOr<std::string> ReadFileText(const std::string& path);
Status WriteFileBytes(const std::string& path,
                      const std::vector<uint8_t>& data);
Status WriteFileText(const std::string& path, const std::string& text);

// The working folder of a command that builds and runs things (`kiln run`,
// `kiln validate`): the folder the user named, created and kept, or else a
// fresh /tmp/kiln-<purpose>-XXXXXX that is removed when this object dies, on
// every return path, so that a failed validation leaves nothing behind.
class WorkDir {
 public:
  static StatusOr<WorkDir> Make(const std::string& keep,
                                const std::string& purpose);
  WorkDir(WorkDir&& other) noexcept;
  WorkDir& operator=(WorkDir&&) = delete;
  WorkDir(const WorkDir&) = delete;
  ~WorkDir();
  const std::string& path() const { return path_; }
  bool temporary() const { return temporary_; }

 private:
  WorkDir(std::string path, bool temporary)
      : path_(std::move(path)), temporary_(temporary) {}
  std::string path_;
  bool temporary_ = false;
};

}  // namespace kiln
