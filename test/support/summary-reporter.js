/* Prints one plain closing line, "jest: N passed, N failed[, N skipped]", after jest's own summary,
 * so any CI reading closing lines can tell how many tests ran. */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    process.stdout.write(`${line}${skipped ? `, ${skipped} skipped` : ""}\n`);
  }
}
module.exports = SummaryLineReporter;
