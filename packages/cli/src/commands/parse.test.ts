/*
 * Copyright 2026 The Real App Forever Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeFiles, runCli } from '../__testUtils__/runCli';

const CORPUS = resolve(
  __dirname,
  '../../../../plugins/assurance-node/src/parsers/__fixtures__/corpus',
);
const JUNIT = 'junit/surefire-failures-skipped.xml';
const AUDIT = 'npm-audit/npm7-critical.json';

describe('assurance parse', () => {
  it('parses with the backend parsers and prints the facts', async () => {
    const result = await runCli(['parse', JUNIT, AUDIT], { cwd: CORPUS });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${JUNIT}: junit`);
    expect(result.stdout).toContain(
      'tests: 5 total, 2 passed, 2 failed, 0 errored, 1 skipped',
    );
    expect(result.stdout).toContain(`${AUDIT}: npm-audit`);
    expect(result.stdout).toContain('1 total - 1 critical');
    expect(result.stdout).toContain('2 parsed, 0 refused');
  });

  it('prints JSON and exits 1 when a file is refused', async () => {
    const dir = makeFiles({ 'notes.txt': 'just some notes' });
    try {
      const result = await runCli(
        ['parse', '--json', resolve(CORPUS, AUDIT), 'notes.txt'],
        { cwd: dir },
      );
      expect(result.code).toBe(1);
      const parsed = JSON.parse(result.stdout);
      expect(parsed).toHaveLength(2);
      expect(parsed[0]).toMatchObject({
        format: 'npm-audit',
        summary: { kind: 'vulnerabilities', total: 1 },
      });
      expect(parsed[0].file).toContain('npm7-critical.json');
      expect(parsed[1]).toEqual({
        file: 'notes.txt',
        refused: expect.stringContaining('unrecognised format'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not in the format named with --format', async () => {
    const result = await runCli(['parse', '--format', 'junit', AUDIT], {
      cwd: CORPUS,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${AUDIT}: refused - `);
  });

  it('expands globs', async () => {
    const result = await runCli(['parse', '--json', 'npm-audit/npm7-*.json'], {
      cwd: CORPUS,
    });
    const parsed = JSON.parse(result.stdout);
    expect(parsed.length).toBeGreaterThan(1);
    expect(
      parsed.every((item: { format?: string }) => item.format === 'npm-audit'),
    ).toBe(true);
  });
});
