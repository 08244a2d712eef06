// Preloaded into a replica (`node --require bench/memory-sampler.cjs`, through
// NODE_OPTIONS) by bench/replica-rss.mjs --memory: appends the process's
// process.memoryUsage() every 500 ms to MEMORY_SAMPLES_DIR/mem-<pid>.jsonl, so
// a peak in RSS can be split into the JS heap V8 reserved, the part of it that
// is live, external memory (Buffers, zlib state reported to V8) and the rest,
// without an inspector (one port per replica) or a heap snapshot (it stops the
// process for seconds at 25,000 assets).
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.MEMORY_SAMPLES_DIR;
if (dir) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `mem-${process.pid}.jsonl`);
  setInterval(() => {
    const m = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ t: Date.now(), ...m })}\n`);
  }, 500).unref();
}
