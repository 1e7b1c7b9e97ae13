#!/usr/bin/env node
// Runs the TypeScript CLI directly, so `ptrack` works right after `npm ci` with no build step.
require("tsx/cjs");
require("../src/cli/main.ts").runCli();
