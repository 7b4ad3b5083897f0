// Sample inputs from .npy files for `kiln compile --calibration` and
// `kiln validate --data`: a folder of .npy files (each one sample or a batch),
// one .npy batch, or for a multi-input model `<input>.npy` per input or a
// folder per input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ir/graph.h"
#include "compiler/support/npy.h"
#include "compiler/support/status.h"

namespace kiln::driver {

// One float graph input: its name and shape (one sample).
struct InputSpec {
  std::string name;
  ir::Shape shape;
};
std::vector<InputSpec> GraphInputs(const ir::Graph& g);

// `count` samples; per_input[i] holds count * NumElements(inputs[i].shape)
// floats, samples one after another.
struct SampleSet {
  int64_t count = 0;
  std::vector<std::vector<float>> per_input;
};

// Reads `path` (file or folder) for `inputs`. `flag` names the option in errors
// ("--calibration"). Errors: missing path, no .npy files, a file whose shape is
// neither one sample nor a batch of them, non-float data, inputs with different
// sample counts.
StatusOr<SampleSet> LoadSamples(const std::string& path,
                                const std::vector<InputSpec>& inputs,
                                const std::string& flag);

// Sample k of input i as an eval buffer.
std::vector<uint8_t> SampleBytes(const SampleSet& s, const std::vector<InputSpec>& in,
                                 size_t input, int64_t k);

// Input i of all samples as one .npy batch shaped [count, ...sample shape].
NpyArray BatchArray(const SampleSet& s, const std::vector<InputSpec>& in, size_t input);

}  // namespace kiln::driver
