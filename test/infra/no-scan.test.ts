import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

it('no code that runs in a function or `npm start` scans the table (queries and key reads only)', () => {
  const files = sources(join(root, 'functions'));
  expect(files.length).toBeGreaterThan(50);
  const scanning = files
    .filter((file) => {
      const code = readFileSync(file, 'utf8');
      // The command class itself is declared for tests and the bench, which read whole tables.
      const uses = code.replace(/export class ScanCommand\b/, '');
      return /\bScanCommand\b|\bcall\(\s*['"]Scan['"]|['"]DynamoDB_20120810\.Scan['"]/.test(uses);
    })
    .map((file) => relative(root, file));
  expect(scanning).toEqual([]);
});
