// Preloaded through NODE_OPTIONS into every Node process of a benchmarked command
// (tsx starts its own child), so the parent can take the peak RSS of the whole tree.
const fs = require("node:fs");

const out = process.env.PTRACK_RSS_PROBE;
if (out) {
  process.on("exit", () => {
    // pid, peak RSS (KiB), CPU time (user + system, µs): CPU shows the work done whatever the
    // machine's load did to the wall time.
    const cpu = process.cpuUsage();
    fs.appendFileSync(out, `${process.pid} ${process.resourceUsage().maxRSS} ${cpu.user + cpu.system}\n`);
  });
}
