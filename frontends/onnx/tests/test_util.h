// Shared helpers of the frontend tests: import a built model, find IR nodes.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "compiler/ir/printer.h"
#include "frontends/onnx/importer.h"
#include "frontends/onnx/tests/model_builder.h"

namespace kiln::onnx_frontend::testing {

inline StatusOr<ir::Graph> Import(ModelBuilder& b,
                                  ImportReport* report = nullptr,
                                  const ImportOptions& options = {}) {
  return ImportOnnxModel(b.model(), "test.onnx", options, report);
}

// The IR text of a model that must import, with large constants elided.
inline std::string ImportText(ModelBuilder& b, ImportReport* report = nullptr,
                              const ImportOptions& options = {}) {
  auto g = Import(b, report, options);
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  if (!g.ok()) return "";
  ir::PrintOptions po;
  po.elide_constants_over = 16;
  return ir::PrintGraph(*g, po);
}

// The message of an import that must fail.
inline std::string ImportError(ModelBuilder& b,
                               const ImportOptions& options = {}) {
  auto g = Import(b, nullptr, options);
  EXPECT_FALSE(g.ok()) << "import unexpectedly succeeded";
  return g.ok() ? "" : g.status().message();
}

}  // namespace kiln::onnx_frontend::testing
