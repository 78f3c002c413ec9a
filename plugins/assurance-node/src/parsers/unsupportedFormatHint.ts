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
    matches: text =>
      /"spdxVersion"\s*:|^spdxVersion:|^SPDXVersion:/m.test(text) ||
      text.includes('spdx.org/rdf/'),
    hint: 'it looks like an SPDX document in a version or form that is not supported (SPDX 3, RDF or YAML); upload SPDX 2.2 or 2.3 as JSON or tag-value, or a CycloneDX SBOM',
  },
  {
    matches: text => /"runs"\s*:\s*\[/.test(text),
    hint: 'it looks like SARIF, but not version 2.1.0; only SARIF 2.1.0 is supported',
  },
  {
    matches: text =>
      /"SchemaVersion"\s*:/.test(text) && /"Results"|"ArtifactName"/.test(text),
    hint: 'it looks like Trivy JSON, but not in a form that is detected; name the format trivy-json when uploading to see what is missing',
  },
  {
    matches: text => /"matches"\s*:\s*\[/.test(text),
    hint: 'it looks like Grype JSON, but not in a form that is detected; name the format grype-json when uploading to see what is missing',
  },
  {
    matches: text =>
      /"payloadType"\s*:|"_type"\s*:\s*"https:\/\/in-toto\.io|application\/vnd\.dev\.sigstore\.bundle|"attestations"\s*:\s*\[/.test(
        text,
      ),
    hint: 'it looks like a provenance attestation or Sigstore bundle, but not in a form that is detected; name the format provenance when uploading to see what is missing',
  },
  {
    matches: text =>
      /"scorecard"\s*:\s*\{/.test(text) && text.includes('"checks"'),
    hint: 'it looks like OpenSSF Scorecard JSON, but not in a form that is detected; name the format scorecard-json when uploading to see what is missing',
  },
  {
    matches: text => /^\s*\{\s*"results"\s*:\s*\[/.test(text),
    hint: 'it looks like OSV-Scanner JSON, but not in a form that is detected; name the format osv-scanner-json when uploading to see what is missing',
  },
  {
    matches: text => /"vulnerabilities"\s*:\s*\[/.test(text),
    hint: 'it looks like Snyk JSON, but not in a form that is detected; name the format snyk-json when uploading to see what is missing',
  },
  {
    matches: text => /^\s*\[\s*\]\s*$/.test(text),
    hint: 'it is an empty JSON array, which several tools write (gitleaks, when it finds no secret); name the format when uploading',
  },
  {
    matches: text => /"RuleID"\s*:|"leakURL"\s*:/.test(text),
    hint: 'it looks like gitleaks JSON, but not in a form that is detected; name the format gitleaks-json when uploading to see what is missing',
  },
  {
    matches: text => /"filePath"\s*:/.test(text) && /"messages"\s*:/.test(text),
    hint: 'it looks like ESLint JSON, but not in a form that is detected; name the format eslint-json when uploading to see what is missing',
  },
  {
    matches: text =>
      /<coverage[\s>]/.test(text) ||
      (/^SF:/m.test(text) && text.includes('end_of_record')),
    hint: 'it looks like a coverage report, but not in a form that is detected; name the format lcov or cobertura-xml when uploading to see what is missing',
  },
  {
    matches: text => /^(TAP version \d+|1\.\.\d+|(not )?ok\b)/m.test(text),
    hint: 'it looks like TAP test output, but not in a form that is detected; name the format tap when uploading to see what is missing',
  },
];

/** What the text looks like, when it is a known but unsupported format. */
export function unsupportedFormatHint(text: string): string | undefined {
  return HINTS.find(candidate => candidate.matches(text))?.hint;
}
