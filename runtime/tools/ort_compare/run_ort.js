// Runs one ONNX model with ONNX Runtime (npm onnxruntime-node) on inputs from a JSON
// file and prints the first output as JSON; used by compare_ops.py.
// usage: node run_ort.js <onnxruntime-node dir> model.onnx inputs.json
const [ortDir, model, inputsJson] = process.argv.slice(2);
const ort = require(ortDir);
const fs = require('fs');
const dec = (v) => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);
const enc = (v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v);
(async () => {
  const spec = JSON.parse(fs.readFileSync(inputsJson));
  const sess = await ort.InferenceSession.create(model);
  const feeds = {};
  for (const [name, shape, data] of spec) {
    feeds[name] = new ort.Tensor('float32', Float32Array.from(data.map(dec)), shape);
  }
  const out = (await sess.run(feeds))[sess.outputNames[0]];
  console.log(JSON.stringify({ dims: out.dims, data: Array.from(out.data).map(enc) }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
