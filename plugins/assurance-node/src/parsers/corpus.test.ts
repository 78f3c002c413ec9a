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

/**
 * The corpus files that are refused, and why. Every other corpus file must
 * parse; a file added to the corpus without a decision here fails the
 * "every file is accounted for" test.
 */
const REFUSED: Record<string, RegExp> = {
  'trivy-json/trivy-config-helm-misconfig.json':
    /^the Trivy report holds no vulnerability scan \(its results are of class "config"\)/,
  'trivy-json/trivy-secrets.json':
    /^the Trivy report holds no vulnerability scan \(its results are of class "secret"\)/,
  'gitleaks/gitleaks-8-no-findings-empty-array.json':
    /^unrecognised format: .*empty JSON array/,
};

/** Files that parse only when their format is named, not when detected. */
const NAMED_ONLY = ['gitleaks/gitleaks-8-no-findings-empty-array.json'];

/**
 * Files that are also valid evidence of another format: `[]` is an empty
 * gitleaks report and an ESLint report of no files alike.
 */
const ALSO_VALID_AS: Record<string, EvidenceFormat[]> = {
  'gitleaks/gitleaks-8-no-findings-empty-array.json': ['eslint-json'],
};

/** The format each corpus file is, from its folder and extension. */
function formatOf(name: string): EvidenceFormat {
  const [family] = name.split('/');
  switch (family) {
    case 'sbom-cyclonedx':
      return name.endsWith('.xml') ? 'cyclonedx-xml' : 'cyclonedx-json';
    case 'sbom-spdx':
      return name.endsWith('.json') ? 'spdx-json' : 'spdx-tag-value';
    case 'coverage':
      return name.endsWith('.info') ? 'lcov' : 'cobertura-xml';
    case 'gitleaks':
      return 'gitleaks-json';
    case 'scorecard':
      return 'scorecard-json';
    default:
      return family as EvidenceFormat;
  }
}

const files = listCorpusFiles();
const parsedFiles = files.filter(name => !REFUSED[name]);

describe('the corpus', () => {
  it('holds all files of every family', () => {
    expect(files).toHaveLength(152);
    for (const name of files) {
      expect(EVIDENCE_FORMATS).toContain(formatOf(name));
    }
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
    expect(format).toBe(formatOf(name));
    expectConsistent(summary);
  });
});

describe('every corpus file read as every format', () => {
  const cases = files.flatMap(name =>
    EVIDENCE_FORMATS.map(format => ({ name, format })),
  );
  const isOwnFormat = ({
    name,
    format,
  }: {
    name: string;
    format: EvidenceFormat;
  }) =>
    (formatOf(name) === format &&
      (!REFUSED[name] || NAMED_ONLY.includes(name))) ||
    (ALSO_VALID_AS[name] ?? []).includes(format);
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
    case 'secrets':
      expect(summary.findings).toHaveLength(
        Math.min(summary.total, MAX_LISTED_ITEMS),
      );
      break;
    case 'coverage':
      expect(summary.linesCovered).toBeLessThanOrEqual(summary.linesValid);
      expect(summary.branchesCovered).toBeLessThanOrEqual(
        summary.branchesValid,
      );
      break;
    case 'posture':
      expect(summary.checks.length).toBeGreaterThan(0);
      break;
    case 'provenance':
      expect(summary.subjects.length).toBeGreaterThan(0);
      break;
    default:
      throw new Error('unexpected summary kind');
  }
}
