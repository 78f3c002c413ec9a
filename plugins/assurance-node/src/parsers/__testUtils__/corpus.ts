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
import { EvidenceRefusedError } from '../../types';
import fs from 'fs';
import path from 'path';
import { defaultParsers, parseEvidence } from '../parseEvidence';

/** The corpus copied from the project's shared corpus; see SOURCES.md. */
export const CORPUS_DIR = path.resolve(__dirname, '../__fixtures__/corpus');

/** Every corpus file, as `family/file`. */
export function listCorpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .flatMap(family =>
      fs.readdirSync(path.join(CORPUS_DIR, family)).map(f => `${family}/${f}`),
    )
    .sort();
}

/** The bytes of a corpus file named `family/file`. */
export function readCorpusFile(name: string): Buffer {
  return fs.readFileSync(path.join(CORPUS_DIR, name));
}

type Parsed = { format: EvidenceFormat; summary: EvidenceSummary };

/** Parses a corpus file named `family/file` with the default parsers. */
export function parseCorpusFile(name: string): Parsed {
  return parseEvidence({
    parsers: defaultParsers,
    fileName: path.basename(name),
    bytes: readCorpusFile(name),
  });
}

/** Parses UTF-8 text with the default parsers, detecting the format. */
export function parseText(text: string): Parsed {
  return parseTextAs({ text });
}

/** Parses UTF-8 text with the default parsers, as the given format. */
export function parseTextAs(options: {
  text: string;
  format?: EvidenceFormat;
}): Parsed {
  return parseEvidence({
    parsers: defaultParsers,
    fileName: 'upload',
    bytes: Buffer.from(options.text, 'utf8'),
    format: options.format,
  });
}

/**
 * The refusal a call throws. Fails the test when the call returns, and
 * rethrows anything that is not an {@link EvidenceRefusedError}.
 */
export function refusalOf(call: () => unknown): EvidenceRefusedError {
  try {
    call();
  } catch (error) {
    if (error instanceof EvidenceRefusedError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
