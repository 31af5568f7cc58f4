// Prints the fault x operation table from the rows that faults.spec.ts wrote, if it ran.
import * as fs from 'node:fs';
import * as path from 'node:path';

export default async function printFaultTable() {
  const dir = path.resolve(__dirname, '../../test-results/fault-matrix');
  if (!fs.existsSync(dir)) return;
  const rows = fs.readdirSync(dir).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  if (rows.length === 0) return;
  const ops = Object.keys(rows[0].results);
  const lines = ['', 'Fault x operation -> outcome (requests the page sent, retries included)', ''];
  for (const op of ops) {
    lines.push(`${op}`);
    for (const r of rows) lines.push(`    ${r.fault.padEnd(24)} ${r.results[op] ?? '(not run)'}`);
  }
  console.log(lines.join('\n'));
}
