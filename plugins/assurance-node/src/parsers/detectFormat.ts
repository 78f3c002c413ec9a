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
import {
  EvidenceParser,
  EvidenceParserInput,
  EvidenceRefusedError,
} from '../types';
import { looksLikeJson, readJson } from './readJson';
import { unsupportedFormatHint } from './unsupportedFormatHint';

const UNRECOGNISED =
  'unrecognised format: not a test report (JUnit XML, TAP), static analysis (SARIF 2.1.0, ESLint JSON), SBOM (CycloneDX, SPDX), vulnerability scan (npm audit, Trivy, Grype, OSV-Scanner, Snyk), secret scan (gitleaks), coverage (lcov, Cobertura), OpenSSF Scorecard or provenance (in-toto, DSSE, Sigstore) that this backend reads';

/** The parser of a named format; refuses a format no parser reads. */
export function parserForFormat(options: {
  parsers: EvidenceParser[];
  format: EvidenceFormat;
}): EvidenceParser {
  const { parsers, format } = options;
  const parser = parsers.find(candidate => candidate.format === format);
  if (!parser) {
    const known = parsers.map(candidate => candidate.format).join(', ');
    throw new EvidenceRefusedError(
      `unknown evidence format '${String(format)}'; known formats: ${known}`,
    );
  }
  return parser;
}

/**
 * The one parser that claims the input. Refuses input that no parser, or
 * more than one, claims; the reason says what the file seems to be when it
 * is a format we know of but do not read.
 */
export function detectFormat(options: {
  parsers: EvidenceParser[];
  input: EvidenceParserInput;
}): EvidenceParser {
  const { parsers, input } = options;
  const matches = parsers.filter(parser => safeDetect({ parser, input }));
  if (matches.length === 1) {
    return matches[0];
  }
  if (matches.length > 1) {
    const formats = matches.map(parser => parser.format).join(' and ');
    throw new EvidenceRefusedError(
      `ambiguous format: the file looks like ${formats}; name the format when uploading`,
    );
  }

  if (looksLikeJson(input.text)) {
    // Throws the more useful reason when the JSON itself is unusable
    // (invalid, truncated, nested too deep).
    readJson(input);
  }
  const hint = unsupportedFormatHint(input.text);
  throw new EvidenceRefusedError(
    hint ? `${UNRECOGNISED} (${hint})` : UNRECOGNISED,
  );
}

/** `detect` must not throw; a parser whose detection fails does not match. */
function safeDetect(options: {
  parser: EvidenceParser;
  input: EvidenceParserInput;
}): boolean {
  const { parser, input } = options;
  try {
    return parser.detect(input);
  } catch {
    return false;
  }
}
