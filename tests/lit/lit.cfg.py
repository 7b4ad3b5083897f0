# lit configuration of kiln's IR text tests: each .kir file here runs its RUN lines
# (kiln-opt + FileCheck). Paths come from the build's lit.site.cfg.py, found via
# `--param kiln_site_config=...` (what ctest passes), $KILN_LIT_SITE_CFG, or
# build/tests/lit/ under the source root.
import os

import lit.formats

config.name = "kiln"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".kir"]
config.excludes = ["Inputs", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)

site = lit_config.params.get("kiln_site_config") or os.environ.get(
    "KILN_LIT_SITE_CFG")
if not site:
    site = os.path.join(os.path.dirname(__file__), "..", "..", "build", "tests",
                        "lit", "lit.site.cfg.py")
if not os.path.exists(site):
    lit_config.fatal("no lit.site.cfg.py (build kiln first, or pass "
                     "--param kiln_site_config=BUILD/tests/lit/lit.site.cfg.py)")
exec(open(site).read())

# Test outputs (%t) go to the build tree, never the source tree.
config.test_exec_root = config.kiln_test_exec_root
config.substitutions.append(("%kiln-opt", config.kiln_opt))
config.substitutions.append(("%FileCheck", config.filecheck))
# Plain names too, as in LLVM's tests.
config.environment["PATH"] = os.pathsep.join(
    [config.kiln_bin_dir, os.path.dirname(config.filecheck),
     config.environment.get("PATH", os.environ.get("PATH", ""))])
