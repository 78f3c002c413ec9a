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
  EvidenceFormat,
  MAX_LISTED_ITEMS,
  SEVERITIES,
  VulnerabilitySummary,
} from '@real-app-forever/plugin-assurance-common';
import { decodeEvidenceText } from '../decodeEvidenceText';
import { npmAuditParser } from '../npmAudit';
import { defaultParsers, parseEvidence } from '../parseEvidence';
import {
  listCorpusFiles,
  readCorpusFile,
  refusalOf,
} from '../__testUtils__/corpus';
import { securityParsers } from './securityParsers';

/** Both lists, once each, whether or not the defaults include ours yet. */
const parsers = [...new Set([...defaultParsers, ...securityParsers])];
const ours = [npmAuditParser, ...securityParsers];

const FORMAT_OF_FAMILY: Record<string, EvidenceFormat> = {
  'npm-audit': 'npm-audit',
  'trivy-json': 'trivy-json',
  'grype-json': 'grype-json',
  'osv-scanner-json': 'osv-scanner-json',
  'snyk-json': 'snyk-json',
  gitleaks: 'gitleaks-json',
};

/** Files of our families that are refused, and why. */
const REFUSED: Record<string, RegExp> = {
  'trivy-json/trivy-config-helm-misconfig.json':
    /^the Trivy report holds no vulnerability scan \(its results are of class "config"\)/,
  'trivy-json/trivy-secrets.json':
    /^the Trivy report holds no vulnerability scan \(its results are of class "secret"\)/,
};

/** Files that parse only when the upload names their format. */
const NAMED_ONLY: Record<string, RegExp> = {
  'gitleaks/gitleaks-8-no-findings-empty-array.json':
    /^unrecognised format: .*empty JSON array/,
};

const files = listCorpusFiles();
const ourFiles = files.filter(name => FORMAT_OF_FAMILY[familyOf(name)]);

function familyOf(name: string): string {
  return name.split('/')[0];
}

function upload(options: { name: string; format?: EvidenceFormat }) {
  return parseEvidence({
    parsers,
    fileName: options.name,
    bytes: readCorpusFile(options.name),
    format: options.format,
  });
}

describe('the security corpus', () => {
  it('holds the files of the six families', () => {
    expect(ourFiles).toHaveLength(32);
  });

  it.each(ourFiles.filter(name => !REFUSED[name] && !NAMED_ONLY[name]))(
    '%s is detected and parses',
    name => {
      const { format, summary } = upload({ name });
      expect(format).toBe(FORMAT_OF_FAMILY[familyOf(name)]);
      expect(['vulnerabilities', 'secrets']).toContain(summary.kind);
      const { total, findings } = summary as VulnerabilitySummary;
      // Secret scans share total and findings, but have no severities.
      const counted =
        summary.kind === 'vulnerabilities'
          ? SEVERITIES.reduce(
              (sum, severity) => sum + summary.bySeverity[severity],
              0,
            )
          : total;
      expect(counted).toBe(total);
      expect(findings).toHaveLength(Math.min(total, MAX_LISTED_ITEMS));
    },
  );

  it.each(Object.entries(REFUSED))('%s is refused', (name, reason) => {
    expect(refusalOf(() => upload({ name })).message).toMatch(reason);
    const format = FORMAT_OF_FAMILY[familyOf(name)];
    expect(refusalOf(() => upload({ name, format })).message).toMatch(reason);
  });

  it.each(Object.entries(NAMED_ONLY))(
    '%s parses only when named',
    (name, reason) => {
      expect(refusalOf(() => upload({ name })).message).toMatch(reason);
      const format = FORMAT_OF_FAMILY[familyOf(name)];
      expect(upload({ name, format })).toMatchObject({ format });
    },
  );
});

describe('detection stays exclusive', () => {
  it.each(files)('%s is claimed by its own parser only', name => {
    const input = {
      fileName: name,
      text: decodeEvidenceText(readCorpusFile(name)),
    };
    const claims = ours
      .filter(parser => parser.detect(input))
      .map(parser => parser.format);
    const own = FORMAT_OF_FAMILY[familyOf(name)];
    expect(claims).toEqual(own && !NAMED_ONLY[name] ? [own] : []);
  });

  it.each(files)('%s read as another of our formats is refused', name => {
    const formats = ours
      .map(parser => parser.format)
      .filter(format => format !== FORMAT_OF_FAMILY[familyOf(name)]);
    for (const format of formats) {
      // A reason for the uploader, never a crash of the parser.
      expect(refusalOf(() => upload({ name, format })).message).not.toMatch(
        /could not read the file/,
      );
    }
  });
});
