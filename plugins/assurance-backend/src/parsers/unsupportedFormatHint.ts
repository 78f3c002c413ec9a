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

import { looksLikeCycloneDxXml } from './cyclonedx';

interface Hint {
  matches(text: string): boolean;
  hint: string;
}

/**
 * Formats that uploaders often send but the backend does not read, with
 * what to upload instead. Tried in order, only once no parser claimed the
 * file, so the patterns can be loose.
 */
const HINTS: Hint[] = [
  {
    matches: looksLikeCycloneDxXml,
    hint: 'it looks like CycloneDX XML, which is not supported yet; upload the JSON form of the SBOM',
  },
  {
    matches: text =>
      /"spdxVersion"\s*:/.test(text) ||
      /^SPDXVersion:/m.test(text) ||
      text.includes('spdx.org/rdf/3'),
    hint: 'it looks like an SPDX SBOM, which is not supported yet; upload a CycloneDX JSON SBOM',
  },
  {
    matches: text => /"runs"\s*:\s*\[/.test(text),
    hint: 'it looks like SARIF, but not version 2.1.0; only SARIF 2.1.0 is supported',
  },
  {
    matches: text =>
      /"SchemaVersion"\s*:/.test(text) && /"Results"|"ArtifactName"/.test(text),
    hint: 'it looks like Trivy JSON; run Trivy with --format sarif, or --format cyclonedx for an SBOM',
  },
  {
    matches: text => /"matches"\s*:\s*\[/.test(text),
    hint: 'it looks like Grype JSON; run Grype with -o sarif, or -o cyclonedx-json for an SBOM',
  },
  {
    matches: text =>
      /"payloadType"\s*:|"_type"\s*:\s*"https:\/\/in-toto\.io|application\/vnd\.dev\.sigstore\.bundle|"attestations"\s*:\s*\[/.test(
        text,
      ),
    hint: 'it looks like a provenance attestation or Sigstore bundle, which is not an evidence format this backend reads',
  },
  {
    matches: text =>
      /"scorecard"\s*:\s*\{/.test(text) && text.includes('"checks"'),
    hint: 'it looks like OpenSSF Scorecard JSON; run Scorecard with --format sarif',
  },
  {
    matches: text => /^\s*\{\s*"results"\s*:\s*\[/.test(text),
    hint: 'it looks like OSV-Scanner JSON; run osv-scanner with --format sarif',
  },
  {
    matches: text => /"vulnerabilities"\s*:\s*\[/.test(text),
    hint: 'it looks like Snyk JSON; run snyk test with --sarif',
  },
  {
    matches: text => /"RuleID"\s*:|"leakURL"\s*:/.test(text),
    hint: 'it looks like gitleaks JSON; run gitleaks with --report-format sarif or junit',
  },
  {
    matches: text => /"filePath"\s*:/.test(text) && /"messages"\s*:/.test(text),
    hint: 'it looks like ESLint JSON; use the SARIF formatter (@microsoft/eslint-formatter-sarif)',
  },
  {
    matches: text =>
      /<coverage[\s>]/.test(text) ||
      (/^SF:/m.test(text) && text.includes('end_of_record')),
    hint: 'it looks like a coverage report (Cobertura or lcov), which is not an evidence format this backend reads',
  },
  {
    matches: text => /^(TAP version \d+|1\.\.\d+|(not )?ok\b)/m.test(text),
    hint: 'it looks like TAP test output; convert it to JUnit XML',
  },
];

/** What the text looks like, when it is a known but unsupported format. */
export function unsupportedFormatHint(text: string): string | undefined {
  return HINTS.find(candidate => candidate.matches(text))?.hint;
}
