// The protocol bench/Factdesk.Bench's PeerProcess speaks with a peer it keeps running, so that the peer's runs
// interleave with Factdesk's: print "ready" once warmed up; answer each "run" line with {"seconds": S} for one timed
// pass; at the end of input print {"peakRssMB": M} and exit.
import { createInterface } from "node:readline";

export async function serve(pass) {
  pass(); // warm-up: the JIT's first tiers, as on the .NET side
  console.log("ready");
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== "run") continue;
    const start = process.hrtime.bigint();
    pass();
    console.log(JSON.stringify({ seconds: Number(process.hrtime.bigint() - start) / 1e9 }));
  }
  console.log(JSON.stringify({ peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
