// Readability.js (Firefox reader view) on the linkedom DOM over the same pages as Factdesk's extraction
// benchmark: the speed peer for bench/Factdesk.Bench `pages`. Pages are decompressed into memory first, so
// only parsing and extraction are timed, as on the .NET side.
// Usage: node extract.mjs DIR [PASSES], or node extract.mjs DIR --serve for bench/run (see serve.mjs)
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { serve } from "./serve.mjs";

const dir = process.argv[2];
const passes = Number(process.argv[3] ?? 5);
if (!dir) {
  console.error("usage: node extract.mjs DIR [PASSES]");
  process.exit(2);
}
const pages = readdirSync(dir).filter(f => f.endsWith(".html.gz") || f.endsWith(".html")).sort()
  .map(f => { const bytes = readFileSync(join(dir, f)); return (f.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8"); });

function extractAll() {
  let chars = 0;
  for (const html of pages) {
    const { document } = parseHTML(html);
    const article = new Readability(document).parse();
    chars += article?.textContent?.length ?? 0;
  }
  return chars;
}

if (process.argv[3] === "--serve") {
  await serve(extractAll);
  process.exit(0);
}

extractAll(); // warm-up: JIT, as the .NET side
const times = [];
let chars = 0;
// CPU time of the whole process (collector threads included) over the timed passes: on a shared, loaded machine
// it moves far less than the wall clock.
const cpuStart = process.cpuUsage();
for (let i = 0; i < passes; i++) {
  const start = process.hrtime.bigint();
  chars = extractAll();
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({
  system: "readability.js+linkedom", pages: pages.length, passes,
  pagesPerSecond: +(pages.length / median).toFixed(1), bestPagesPerSecond: +(pages.length / times[0]).toFixed(1),
  pagesPerCpuSecond: +(pages.length * passes / cpuSeconds).toFixed(1),
  peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(0), chars,
}));
