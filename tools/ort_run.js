// The float oracle: runs an ONNX model with ONNX Runtime (npm onnxruntime-node, pinned
// in third_party/ort) on .npy inputs and writes .npy outputs. kiln never records its
// own output as an expectation; this script is what it compares with.
//
//   node tools/ort_run.js MODEL.onnx --in X.npy ... --out Y.npy ... [--names]
//   node tools/ort_run.js MODEL.onnx --in X.npy ... --bench N
//   node tools/ort_run.js MODEL.onnx --batch --in X.npy ... --out Y.npy ...
//        [--dump DIR --dump-samples M]
// --batch: each --in holds N samples ([N, ...input shape]); each --out receives
// [N, ...output shape]. Session outputs beyond the --out files (intermediate
// values a caller added as graph outputs) are written for the first M samples to
// DIR/out_<k>.npy ([M, ...shape], k counting from the first extra output).
// --bench runs the inputs N times (after 5 warm-up runs) with ORT's default graph
// optimizations on one thread and prints {"mean_us": ...}: kiln's bench/ compares.
// Inputs bind in the model's input order; outputs are written in output order;
// several groups of --in/--out are several runs of one session.
// --names prints the model's input and output names as JSON and exits.
'use strict';
const fs = require('fs');
const path = require('path');

function loadOrt() {
  const dirs = [process.env.KILN_ORT_DIR,
                path.join(__dirname, '..', 'third_party', 'ort', 'node_modules')];
  for (const d of dirs) {
    if (!d) continue;
    try { return require(path.join(d, 'onnxruntime-node')); } catch (e) { /* next */ }
  }
  console.error('ort_run: onnxruntime-node is not installed; run tools/setup.sh ' +
                '(npm ci --ignore-scripts in third_party/ort)');
  process.exit(3);
}

const DTYPES = {'<f4': ['float32', Float32Array], '|i1': ['int8', Int8Array],
                '|u1': ['uint8', Uint8Array], '<i4': ['int32', Int32Array],
                '<i8': ['int64', BigInt64Array], '|b1': ['bool', Uint8Array]};

function readNpy(file) {
  const b = fs.readFileSync(file);
  if (b.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(file + ': not .npy');
  const major = b[6];
  const hlen = major === 1 ? b.readUInt16LE(8) : b.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const h = b.toString('latin1', start, start + hlen);
  let descr = /'descr':\s*'([^']+)'/.exec(h)[1];
  if (descr[0] === '<' && descr.endsWith('1')) descr = '|' + descr.slice(1);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(h)[1].split(',')
      .map(s => s.trim()).filter(s => s.length).map(Number);
  const t = DTYPES[descr];
  if (!t) throw new Error(file + ': unsupported dtype ' + descr);
  const data = b.subarray(start + hlen);
  const copy = new Uint8Array(data.length);
  copy.set(data);
  return {type: t[0], data: new t[1](copy.buffer), shape};
}

function npyHeader(type, dims) {
  const map = {float32: '<f4', int8: '|i1', uint8: '|u1', int32: '<i4', int64: '<i8',
               bool: '|b1'};
  const descr = map[type];
  if (!descr) throw new Error('unsupported output type ' + type);
  const d = dims.length === 1 ? `${dims[0]},` : dims.join(', ');
  let h = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${d}), }`;
  const total = 10 + h.length + 1;
  h += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1; head[7] = 0;
  head.writeUInt16LE(h.length, 8);
  return Buffer.concat([head, Buffer.from(h, 'latin1')]);
}

// Writes samples (ORT tensors of one value) as one [N, ...dims] array.
function writeBatch(file, tensors) {
  const t0 = tensors[0];
  const bodies = tensors.map(t => Buffer.from(t.data.buffer, t.data.byteOffset,
                                              t.data.byteLength));
  fs.writeFileSync(file, Buffer.concat([npyHeader(t0.type, [tensors.length, ...t0.dims]),
                                        ...bodies]));
}

function writeNpy(file, tensor) {
  const map = {float32: '<f4', int8: '|i1', uint8: '|u1', int32: '<i4', int64: '<i8',
               bool: '|b1'};
  const descr = map[tensor.type];
  if (!descr) throw new Error('unsupported output type ' + tensor.type);
  const dims = tensor.dims.length === 1 ? `${tensor.dims[0]},` : tensor.dims.join(', ');
  let h = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  const total = 10 + h.length + 1;
  h += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1; head[7] = 0;
  head.writeUInt16LE(h.length, 8);
  const d = tensor.data;
  const body = Buffer.from(d.buffer, d.byteOffset, d.byteLength);
  fs.writeFileSync(file, Buffer.concat([head, Buffer.from(h, 'latin1'), body]));
}

async function main() {
  const args = process.argv.slice(2);
  const model = args[0];
  const ins = [], outs = [];
  let names = false;
  let bench = 0;
  let batch = false;
  let dumpDir = null;
  let dumpSamples = 0;
  for (let i = 1; i < args.length; ++i) {
    if (args[i] === '--in') ins.push(args[++i]);
    else if (args[i] === '--out') outs.push(args[++i]);
    else if (args[i] === '--names') names = true;
    else if (args[i] === '--bench') bench = Number(args[++i]);
    else if (args[i] === '--batch') batch = true;
    else if (args[i] === '--dump') dumpDir = args[++i];
    else if (args[i] === '--dump-samples') dumpSamples = Number(args[++i]);
    else { console.error('ort_run: unknown argument ' + args[i]); process.exit(2); }
  }
  const ort = loadOrt();
  // As an oracle ORT runs unoptimized (each node as written); as a benchmark
  // opponent it runs with its default optimizations.
  const opts = {graphOptimizationLevel: bench ? 'all' : 'disabled', intraOpNumThreads: 1,
                interOpNumThreads: 1};
  const s = await ort.InferenceSession.create(model, opts);
  if (names) {
    console.log(JSON.stringify({inputs: s.inputNames, outputs: s.outputNames}));
    return;
  }
  if (bench) {
    const feeds = {};
    s.inputNames.forEach((n, i) => {
      const a = readNpy(ins[i]);
      feeds[n] = new ort.Tensor(a.type, a.data, a.shape);
    });
    for (let i = 0; i < 5; ++i) await s.run(feeds);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < bench; ++i) await s.run(feeds);
    const us = Number(process.hrtime.bigint() - t0) / 1e3 / bench;
    console.log(JSON.stringify({mean_us: us, runs: bench}));
    return;
  }
  if (batch) {
    const ni = s.inputNames.length, no = outs.length;
    if (ins.length !== ni || no > s.outputNames.length) {
      console.error(`ort_run: --batch needs ${ni} --in and at most ` +
                    `${s.outputNames.length} --out; got ${ins.length} and ${no}`);
      process.exit(2);
    }
    const arrays = ins.map(readNpy);
    const n = arrays[0].shape[0];
    const results = s.outputNames.map(() => []);
    for (let k = 0; k < n; ++k) {
      const feeds = {};
      s.inputNames.forEach((name, i) => {
        const a = arrays[i];
        const per = a.data.length / a.shape[0];
        feeds[name] = new ort.Tensor(a.type, a.data.slice(k * per, (k + 1) * per),
                                     a.shape.slice(1));
      });
      const r = await s.run(feeds);
      s.outputNames.forEach((name, j) => {
        if (j < no || (dumpDir && k < dumpSamples)) results[j].push(r[name]);
      });
    }
    for (let j = 0; j < no; ++j) writeBatch(outs[j], results[j]);
    if (dumpDir)
      for (let j = no; j < s.outputNames.length; ++j)
        if (results[j].length) writeBatch(path.join(dumpDir, `out_${j - no}.npy`), results[j]);
    return;
  }
  // Groups of (inputs, outputs) run one after another in one session.
  const ni = s.inputNames.length, no = s.outputNames.length;
  if (ins.length === 0 || ins.length % ni !== 0 || outs.length !== (ins.length / ni) * no) {
    console.error(`ort_run: model has ${ni} inputs and ${no} outputs; got ` +
                  `${ins.length} --in and ${outs.length} --out`);
    process.exit(2);
  }
  for (let run = 0; run < ins.length / ni; ++run) {
    const feeds = {};
    s.inputNames.forEach((n, i) => {
      const a = readNpy(ins[run * ni + i]);
      feeds[n] = new ort.Tensor(a.type, a.data, a.shape);
    });
    const r = await s.run(feeds);
    s.outputNames.forEach((n, i) => writeNpy(outs[run * no + i], r[n]));
  }
}

main().catch(e => { console.error('ort_run: ' + e.message); process.exit(1); });
