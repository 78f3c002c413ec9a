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

import { EvidenceFormat } from '@real-app-forever/plugin-assurance-common';
import { EVIDENCE_FORMATS } from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser } from '../types';
import { defaultParsers, parseEvidence } from './parseEvidence';
import { parseText, parseTextAs, refusalOf } from './__testUtils__/corpus';

const UNRECOGNISED =
  'unrecognised format: not a test report (JUnit XML, TAP), static analysis (SARIF 2.1.0, ESLint JSON), SBOM (CycloneDX, SPDX), vulnerability scan (npm audit, Trivy, Grype, OSV-Scanner, Snyk), secret scan (gitleaks), coverage (lcov, Cobertura), OpenSSF Scorecard or provenance (in-toto, DSSE, Sigstore) that this backend reads';

function nested(depth: number): string {
  return `{"runs": ${'['.repeat(depth - 1)}${']'.repeat(
    depth - 1,
  )}, "version": "2.1.0"}`;
}

function fakeParser(overrides: Partial<EvidenceParser>): EvidenceParser {
  return {
    format: 'junit',
    detect: () => true,
    parse: () => ({
      kind: 'sbom',
      componentCount: 0,
    }),
    ...overrides,
  };
}

describe('parseEvidence', () => {
  it('refuses an empty or blank file', () => {
    expect(refusalOf(() => parseText('')).message).toBe('the file is empty');
    expect(refusalOf(() => parseText(' \n\t\r\n')).message).toBe(
      'the file is empty',
    );
    expect(
      refusalOf(() => parseTextAs({ text: '\ufeff  ', format: 'sarif' }))
        .message,
    ).toBe('the file is empty');
  });

  it('refuses content of an unknown format', () => {
    expect(refusalOf(() => parseText('hello, world')).message).toBe(
      UNRECOGNISED,
    );
    expect(refusalOf(() => parseText('{"hello": "world"}')).message).toBe(
      UNRECOGNISED,
    );
  });

  it('hints at what a known but unsupported format is', () => {
    expect(
      refusalOf(() => parseText('{"version": "2.0.0", "runs": [{}]}')).message,
    ).toBe(
      `${UNRECOGNISED} (it looks like SARIF, but not version 2.1.0; only SARIF 2.1.0 is supported)`,
    );
  });

  it('refuses a format no parser reads', () => {
    expect(
      refusalOf(() =>
        parseTextAs({ text: 'x', format: 'yaml' as EvidenceFormat }),
      ).message,
    ).toEqual(
      expect.stringMatching(
        /^unknown evidence format 'yaml'; known formats: junit, sarif, npm-audit, tap/,
      ),
    );
  });

  it('uses the named format instead of detection', () => {
    const text = '{"bomFormat": "CycloneDX", "runs": [], "version": "2.1.0"}';
    expect(refusalOf(() => parseText(text)).message).toBe(
      'ambiguous format: the file looks like sarif and cyclonedx-json; name the format when uploading',
    );
    expect(parseTextAs({ text, format: 'cyclonedx-json' })).toMatchObject({
      format: 'cyclonedx-json',
      summary: { kind: 'sbom', componentCount: 0 },
    });
    expect(
      refusalOf(() => parseTextAs({ text, format: 'junit' })).message,
    ).toMatch(/^the XML is not well-formed/);
  });

  it('wraps anything but a refusal that a parser throws', () => {
    const parsers = [
      fakeParser({
        parse: () => {
          throw new TypeError(
            "Cannot read properties of undefined (reading 'x')",
          );
        },
      }),
    ];
    const refusal = refusalOf(() =>
      parseEvidence({ parsers, fileName: 'f', bytes: Buffer.from('<x/>') }),
    );
    expect(refusal.message).toBe(
      "could not read the file as junit: Cannot read properties of undefined (reading 'x')",
    );
    expect(refusal.cause).toBeInstanceOf(TypeError);
  });

  it('treats a detect that throws as no match', () => {
    const parsers = [
      fakeParser({
        detect: () => {
          throw new Error('broken detection');
        },
      }),
    ];
    expect(
      refusalOf(() =>
        parseEvidence({ parsers, fileName: 'f', bytes: Buffer.from('<x/>') }),
      ).message,
    ).toBe(UNRECOGNISED);
  });

  it('refuses JSON nested deeper than 64 levels, detected or named', () => {
    const reason = 'JSON nested deeper than 64 levels is refused';
    expect(refusalOf(() => parseText(nested(65))).message).toBe(reason);
    expect(
      refusalOf(() => parseTextAs({ text: nested(65), format: 'sarif' }))
        .message,
    ).toBe(reason);
    expect(
      refusalOf(() => parseText(`${'['.repeat(100000)}${']'.repeat(100000)}`))
        .message,
    ).toBe(reason);
    // Brackets inside strings do not count.
    expect(
      parseText(`{"runs": [], "version": "2.1.0", "x": "${'['.repeat(100)}"}`),
    ).toMatchObject({ format: 'sarif' });
  });

  it('lets JSON nested exactly 64 levels deep past the depth guard', () => {
    expect(
      refusalOf(() => parseTextAs({ text: nested(64), format: 'sarif' }))
        .message,
    ).toMatch(/^not a SARIF 2.1.0 log: runs.0: /);
  });

  it('says why JSON that no parser claims is unusable', () => {
    expect(
      refusalOf(() => parseText('{"version": "2.1.0", "runs": [')).message,
    ).toMatch(/^not valid JSON: /);
  });

  it('exports one default parser for every format', () => {
    expect(defaultParsers.map(parser => parser.format).sort()).toEqual(
      [...EVIDENCE_FORMATS].sort(),
    );
  });
});
