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

import {
  EVIDENCE_FORMATS,
  EvidenceFormat,
  EvidenceSummary,
  MAX_LISTED_ITEMS,
} from '@real-app-forever/plugin-assurance-common';
import { defaultParsers, parseEvidence } from './parseEvidence';
import {
  listCorpusFiles,
  parseCorpusFile,
  readCorpusFile,
  refusalOf,
} from './__testUtils__/corpus';

const CYCLONEDX_XML =
  /^CycloneDX XML is not supported yet; upload the JSON form/;

/**
 * The corpus files that are refused, and why. Every other corpus file must
 * parse; a file added to the corpus without a decision here fails the
 * "every file is accounted for" test.
 */
const REFUSED: Record<string, RegExp> = {
  'sbom-cyclonedx/cyclonedx-npm-package-integrity-1.6.xml': CYCLONEDX_XML,
  'sbom-cyclonedx/grype-0.7-cyclonedx-1.2-vuln-ext.xml': CYCLONEDX_XML,
  'sbom-cyclonedx/jake-cyclonedx-1.1-vuln-ext.xml': CYCLONEDX_XML,
  'sbom-cyclonedx/spec-valid-assembly-nested-1.6.xml': CYCLONEDX_XML,
  'sbom-cyclonedx/spec-valid-bom-1.5.xml': CYCLONEDX_XML,
};

const FORMAT_OF_FAMILY: Record<string, EvidenceFormat> = {
  junit: 'junit',
  sarif: 'sarif',
  'sbom-cyclonedx': 'cyclonedx-json',
  'npm-audit': 'npm-audit',
};

const files = listCorpusFiles();
const parsedFiles = files.filter(name => !REFUSED[name]);

describe('the corpus', () => {
  it('holds all files of the four families', () => {
    expect(files).toHaveLength(77);
  });

  it('accounts for every refused file', () => {
    expect(Object.keys(REFUSED).filter(name => !files.includes(name))).toEqual(
      [],
    );
  });
});

describe('corpus files that are refused, and why', () => {
  it.each(Object.entries(REFUSED))('%s is refused', (name, reason) => {
    expect(refusalOf(() => parseCorpusFile(name)).message).toMatch(reason);
  });
});

describe('corpus files that parse', () => {
  it.each(parsedFiles)('%s parses as its family', name => {
    const { format, summary } = parseCorpusFile(name);
    expect(format).toBe(FORMAT_OF_FAMILY[name.split('/')[0]]);
    expectConsistent(summary);
  });
});

describe('every corpus file read as every format', () => {
  const cases = files.flatMap(name =>
    EVIDENCE_FORMATS.map(format => ({ name, format })),
  );
  const isOwnFormat = ({ name, format }: { name: string; format: string }) =>
    FORMAT_OF_FAMILY[name.split('/')[0]] === format && !REFUSED[name];
  const parseAs = ({ name, format }: (typeof cases)[number]) =>
    parseEvidence({
      parsers: defaultParsers,
      fileName: name,
      bytes: readCorpusFile(name),
      format,
    });

  it.each(cases.filter(isOwnFormat))(
    '$name as $format parses',
    ({ name, format }) => {
      expect(parseAs({ name, format }).format).toBe(format);
    },
  );

  it.each(cases.filter(c => !isOwnFormat(c)))(
    '$name as $format is refused with a reason',
    ({ name, format }) => {
      // Only refusals with a reason: never a TypeError or a parser crash.
      expect(refusalOf(() => parseAs({ name, format })).message).not.toMatch(
        /could not read the file/,
      );
    },
  );
});

/** Invariants every summary must keep. */
function expectConsistent(summary: EvidenceSummary) {
  switch (summary.kind) {
    case 'tests':
      expect(
        summary.passed + summary.failed + summary.errored + summary.skipped,
      ).toBe(summary.total);
      expect(summary.failures).toHaveLength(
        Math.min(summary.failed + summary.errored, MAX_LISTED_ITEMS),
      );
      break;
    case 'static-analysis': {
      const { error, warning, note, none } = summary.byLevel;
      expect(error + warning + note + none).toBe(summary.total);
      expect(summary.results).toHaveLength(
        Math.min(summary.total, MAX_LISTED_ITEMS),
      );
      break;
    }
    case 'sbom':
      expect(summary.componentCount).toBeGreaterThanOrEqual(0);
      break;
    case 'vulnerabilities': {
      const counted = Object.values(summary.bySeverity).reduce(
        (sum, count) => sum + count,
        0,
      );
      expect(counted).toBe(summary.total);
      expect(summary.findings).toHaveLength(
        Math.min(summary.total, MAX_LISTED_ITEMS),
      );
      break;
    }
    default:
      throw new Error('unexpected summary kind');
  }
}
