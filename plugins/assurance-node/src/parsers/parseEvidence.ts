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
  EvidenceSummary,
} from '@real-app-forever/plugin-assurance-common';
import {
  EvidenceParser,
  EvidenceParserInput,
  EvidenceRefusedError,
} from '../types';
import { decodeEvidenceText } from './decodeEvidenceText';
import { detectFormat, parserForFormat } from './detectFormat';
import { qualityParsers } from './families/qualityParsers';
import { sbomParsers } from './families/sbomParsers';
import { securityParsers } from './families/securityParsers';
import { junitParser } from './junit';
import { npmAuditParser } from './npmAudit';
import { errorMessage } from './parserUtils';
import { createProvenanceParser } from './provenance';
import { sarifParser } from './sarif';

/**
 * The parsers the backend registers unless configured otherwise. The
 * backend replaces the provenance parser with one that knows the trusted
 * keys from config.
 */
export const defaultParsers: EvidenceParser[] = [
  junitParser,
  sarifParser,
  npmAuditParser,
  ...qualityParsers,
  ...sbomParsers,
  ...securityParsers,
  createProvenanceParser({ trustedKeys: [] }),
];

/**
 * Reads an uploaded evidence file into its summary: decodes the bytes,
 * picks the parser of the named format (or detects it) and parses.
 *
 * Throws only {@link EvidenceRefusedError}, with a reason for the uploader:
 * anything else a parser throws is wrapped, so no file can crash the
 * backend.
 */
export function parseEvidence(options: {
  parsers: EvidenceParser[];
  fileName: string;
  bytes: Buffer;
  /** The format the uploader named; detected from the content when absent. */
  format?: EvidenceFormat;
}): {
  format: EvidenceFormat;
  summary: EvidenceSummary;
  /** Present when the parser removed secrets: the text to store instead. */
  redactedText?: string;
} {
  const { parsers, fileName, bytes, format } = options;
  const text = decodeEvidenceText(bytes);
  if (text.trim() === '') {
    throw new EvidenceRefusedError('the file is empty');
  }

  const input: EvidenceParserInput = { fileName, text };
  const parser = format
    ? parserForFormat({ parsers, format })
    : detectFormat({ parsers, input });
  try {
    const summary = parser.parse(input);
    const redactedText = parser.redact?.(input);
    return {
      format: parser.format,
      summary,
      ...(redactedText === undefined ? {} : { redactedText }),
    };
  } catch (error) {
    if (error instanceof EvidenceRefusedError) {
      throw error;
    }
    throw new EvidenceRefusedError(
      `could not read the file as ${parser.format}: ${errorMessage(error)}`,
      error,
    );
  }
}
