// quantize-int8: post-training int8 quantization with calibration ranges
// (PassOptions::calibration), the pass form of quant::QuantizeGraph. Opt-in:
// the driver enables it for `--quantize int8` after calibrating the graph that
// the passes before it produced (fused activations, NHWC).
#include "compiler/passes/passes.h"
#include "compiler/quant/quantize.h"

namespace kiln::passes {

Status QuantizeInt8(ir::Graph& g, const PassOptions& opts) {
  if (!opts.calibration)
    return InvalidArgument(
        "quantize-int8 needs calibration ranges (kiln-opt: "
        "--calibration-ranges FILE.json)");
  return quant::QuantizeGraph(g, *opts.calibration, opts.quant);
}

}  // namespace kiln::passes
