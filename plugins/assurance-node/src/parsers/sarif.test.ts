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

import { StaticAnalysisSummary } from '@real-app-forever/plugin-assurance-common';
import type { Log, Result, ReportingDescriptor } from 'sarif';
import { sarifParser } from './sarif';
import { refusalOf } from './__testUtils__/corpus';

function sarifLog(options: {
  results: Result[];
  rules?: ReportingDescriptor[];
  extensions?: Array<{ name: string; rules: ReportingDescriptor[] }>;
}): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'Scanner', rules: options.rules },
          extensions: options.extensions,
        },
        results: options.results,
      },
    ],
  };
}

function parseSarif(log: unknown): StaticAnalysisSummary {
  const summary = sarifParser.parse({
    fileName: 'scan.sarif',
    text: JSON.stringify(log),
  });
  if (summary.kind !== 'static-analysis') {
    throw new Error(`unexpected summary kind ${summary.kind}`);
  }
  return summary;
}

const message = { text: 'found' };

describe('sarifParser levels', () => {
  it("takes the result's own level first", () => {
    const summary = parseSarif(
      sarifLog({
        rules: [{ id: 'R1', defaultConfiguration: { level: 'note' } }],
        results: [{ ruleId: 'R1', ruleIndex: 0, level: 'error', message }],
      }),
    );
    expect(summary.byLevel).toEqual({ error: 1, warning: 0, note: 0, none: 0 });
  });

  it("falls back to the rule's default level, found by ruleIndex", () => {
    const summary = parseSarif(
      sarifLog({
        rules: [
          { id: 'R1', defaultConfiguration: { level: 'note' } },
          { id: 'R2', defaultConfiguration: { level: 'error' } },
        ],
        // ruleIndex wins over a ruleId that names another rule.
        results: [{ ruleId: 'R1', ruleIndex: 1, message }],
      }),
    );
    expect(summary.byLevel.error).toBe(1);
  });

  it('finds the rule by ruleId, also in an extension via rule.toolComponent', () => {
    const summary = parseSarif(
      sarifLog({
        rules: [{ id: 'R1', defaultConfiguration: { level: 'note' } }],
        extensions: [
          {
            name: 'plugin',
            rules: [{ id: 'X1', defaultConfiguration: { level: 'error' } }],
          },
        ],
        results: [
          { ruleId: 'R1', message },
          { ruleId: 'R1/sub', message },
          {
            rule: { id: 'X1', index: 0, toolComponent: { index: 0 } },
            message,
          },
        ],
      }),
    );
    expect(summary.byLevel).toEqual({ error: 1, warning: 0, note: 2, none: 0 });
    expect(summary.results[0]).toMatchObject({ ruleId: 'X1', level: 'error' });
  });

  it('gives level none to a result whose kind is not fail', () => {
    const summary = parseSarif(
      sarifLog({
        rules: [{ id: 'R1', defaultConfiguration: { level: 'error' } }],
        results: [
          { ruleId: 'R1', kind: 'pass', message },
          { ruleId: 'R1', kind: 'informational', message },
          { ruleId: 'R1', kind: 'fail', message },
        ],
      }),
    );
    expect(summary.byLevel).toEqual({ error: 1, warning: 0, note: 0, none: 2 });
  });

  it('defaults to warning without a level or a rule default', () => {
    const summary = parseSarif(
      sarifLog({ results: [{ ruleId: 'unknown-rule', message }] }),
    );
    expect(summary.byLevel.warning).toBe(1);
  });
});

describe('sarifParser suppressions', () => {
  it('counts results with an accepted or status-less suppression apart', () => {
    const summary = parseSarif(
      sarifLog({
        results: [
          { level: 'error', message, suppressions: [{ kind: 'inSource' }] },
          {
            level: 'error',
            message,
            suppressions: [{ kind: 'external', status: 'accepted' }],
          },
          {
            level: 'error',
            message,
            suppressions: [
              { kind: 'external', status: 'rejected' },
              { kind: 'inSource', status: 'accepted' },
            ],
          },
          {
            level: 'error',
            message,
            suppressions: [{ kind: 'external', status: 'underReview' }],
          },
          { level: 'error', message, suppressions: [] },
        ],
      }),
    );
    expect(summary).toMatchObject({
      total: 2,
      suppressed: 3,
      byLevel: { error: 2, warning: 0, note: 0, none: 0 },
    });
    expect(summary.results).toHaveLength(2);
  });
});

describe('sarifParser messages and locations', () => {
  it('fills message strings of the rule with the arguments', () => {
    const summary = parseSarif(
      sarifLog({
        rules: [
          {
            id: 'R1',
            messageStrings: { default: { text: 'Variable {0} is {1}.' } },
            shortDescription: { text: 'Short' },
          },
        ],
        results: [
          {
            ruleIndex: 0,
            message: { id: 'default', arguments: ['x', 'unused'] },
          },
          { ruleIndex: 0, message: { markdown: 'Use `y`' } },
          { ruleIndex: 0, message: { id: 'missing' } },
        ],
      }),
    );
    expect(summary.results.map(r => r.message)).toEqual([
      'Variable x is unused.',
      'Use `y`',
      'Short',
    ]);
  });

  it('reads the first physical location as uri:line', () => {
    const summary = parseSarif(
      sarifLog({
        results: [
          {
            message,
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'src/a.ts' },
                  region: { startLine: 7 },
                },
              },
              { physicalLocation: { artifactLocation: { uri: 'b.ts' } } },
            ],
          },
          {
            message,
            locations: [
              { physicalLocation: { artifactLocation: { uri: 'c.ts' } } },
            ],
          },
          { message },
        ],
      }),
    );
    expect(summary.results.map(r => r.location)).toEqual([
      'src/a.ts:7',
      'c.ts',
      undefined,
    ]);
  });

  it('lists errors first and distinct tool names', () => {
    const log = sarifLog({
      results: [
        { level: 'note', message: { text: 'n' } },
        { level: 'error', message: { text: 'e' } },
        { level: 'warning', message: { text: 'w' } },
      ],
    });
    log.runs.push({ tool: { driver: { name: 'Scanner' } }, results: [] });
    log.runs.push({ tool: { driver: { name: 'Other' } } });
    const summary = parseSarif(log);
    expect(summary.tools).toEqual(['Scanner', 'Other']);
    expect(summary.results.map(r => r.message)).toEqual(['e', 'w', 'n']);
  });
});

describe('sarifParser refusals and detection', () => {
  it('parses empty runs and empty results to a total of 0', () => {
    expect(parseSarif({ version: '2.1.0', runs: [] })).toMatchObject({
      tools: [],
      total: 0,
    });
    expect(parseSarif(sarifLog({ results: [] }))).toMatchObject({ total: 0 });
  });

  it('refuses other SARIF versions, missing runs and wrong shapes', () => {
    expect(
      refusalOf(() => parseSarif({ version: '2.0.0', runs: [] })).message,
    ).toBe('SARIF version 2.0.0 is not supported; upload SARIF 2.1.0');
    expect(refusalOf(() => parseSarif({ version: '2.1.0' })).message).toMatch(
      /^not a SARIF 2.1.0 log: runs: /,
    );
    expect(
      refusalOf(() =>
        parseSarif(
          sarifLog({ results: [{ ruleId: 42 } as unknown as Result] }),
        ),
      ).message,
    ).toMatch(/^not a SARIF 2.1.0 log: runs.0.results.0.ruleId: /);
    expect(
      refusalOf(() =>
        sarifParser.parse({
          fileName: 'x',
          text: '{"version": "2.1.0", "runs": [',
        }),
      ).message,
    ).toMatch(/^not valid JSON: /);
  });

  it('detects a runs array with a SARIF $schema or version 2.1.0', () => {
    const detect = (value: unknown) =>
      sarifParser.detect({ fileName: 'x', text: JSON.stringify(value) });
    expect(detect({ version: '2.1.0', runs: [] })).toBe(true);
    expect(detect({ $schema: 'https://x/sarif-schema.json', runs: [] })).toBe(
      true,
    );
    expect(detect({ version: '2.1.0' })).toBe(false);
    expect(detect({ runs: [] })).toBe(false);
    expect(sarifParser.detect({ fileName: 'x', text: '<runs/>' })).toBe(false);
  });
});
