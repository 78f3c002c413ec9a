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

/**
 * One uploaded file, as a parser sees it.
 *
 * @public
 */
export interface EvidenceParserInput {
  /** The file name the uploader gave, for messages only. */
  fileName: string;
  /** The bytes as text: decoded from UTF-8 or UTF-16, byte order mark removed. */
  text: string;
}

/**
 * Reads one evidence format into normalised facts.
 *
 * @public
 */
export interface EvidenceParser {
  format: EvidenceFormat;
  /**
   * Whether the text looks like this format. Cheap and without side
   * effects: it runs on every upload that does not name its format.
   */
  detect(input: EvidenceParserInput): boolean;
  /**
   * Reads the facts. Throws {@link EvidenceRefusedError} when the file is
   * not usable evidence of this format; the message is shown to the uploader.
   */
  parse(input: EvidenceParserInput): EvidenceSummary;
  /**
   * For formats that can carry secrets: the text to store instead of the
   * upload, with every secret value removed. When absent, the upload is
   * stored as it came. Runs after a successful `parse`.
   */
  redact?(input: EvidenceParserInput): string;
}

/**
 * Thrown by a parser to refuse a file, with a reason meant for the uploader.
 *
 * @public
 */
export class EvidenceRefusedError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'EvidenceRefusedError';
  }
}
