// The runtime sources embedded in the kiln binary (generated at build time by
// cmake/EmbedFiles.cmake), copied into every output folder so it builds alone.
#pragma once

#include <cstddef>
#include <vector>

namespace kiln::driver {

struct BundledFile {
  const char* path;  // relative to the repo, e.g. "runtime/kernels/ref/conv2d_f32.cc"
  const unsigned char* data;
  size_t size;
};

const std::vector<BundledFile>& RuntimeBundle();

}  // namespace kiln::driver
