// Sums Vitest JSON reports. With --summary prints only `tests: N passed, M failed`; otherwise
// lists the failed tests. Exits 1 when a test failed, a report is missing or unreadable.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const files = args.filter((arg) => arg !== '--summary' && existsSync(arg));

let passed = 0;
let failed = 0;
const failures = [];
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    failed++;
    failures.push(`${file}: unreadable report`);
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that failed to load has no test results but is a failure all the same.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
      failed++;
      failures.push(`${suite.name}: ${suite.message ?? 'suite failed'}`);
    }
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'failed') failures.push(`${suite.name} > ${test.fullName}`);
    }
  }
}
if (files.length === 0) {
  failed++;
  failures.push('no test report was written');
}

if (summaryOnly) {
  console.log(`tests: ${passed} passed, ${failed} failed`);
} else if (failures.length > 0) {
  console.log(`failed tests:\n  ${failures.join('\n  ')}`);
}
process.exit(failed > 0 ? 1 : 0);
