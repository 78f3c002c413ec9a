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

import { EvidenceRefusedError } from '../types';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const UTF32LE_BOM = [0xff, 0xfe, 0x00, 0x00];
const UTF32BE_BOM = [0x00, 0x00, 0xfe, 0xff];

/**
 * Turns uploaded bytes into text: UTF-8 (with or without a byte order
 * mark) or UTF-16 with a byte order mark. Anything else is refused, so the
 * parsers never see binary content or replacement characters.
 */
export function decodeEvidenceText(bytes: Buffer): string {
  if (startsWith(bytes, UTF32LE_BOM) || startsWith(bytes, UTF32BE_BOM)) {
    throw new EvidenceRefusedError(
      'UTF-32 text is not supported; upload the file as UTF-8',
    );
  }
  if (startsWith(bytes, UTF16LE_BOM)) {
    return rejectNul(decode(bytes, 'utf-16le'));
  }
  if (startsWith(bytes, UTF16BE_BOM)) {
    return rejectNul(decode(bytes, 'utf-16be'));
  }
  if (startsWith(bytes, UTF8_BOM)) {
    return rejectNul(decode(bytes, 'utf-8'));
  }
  if (bytes.includes(0)) {
    throw new EvidenceRefusedError(
      'the file looks binary (it contains NUL bytes); evidence must be UTF-8 text, or UTF-16 with a byte order mark',
    );
  }
  // Without a NUL byte, valid UTF-8 cannot decode to a NUL character.
  return decode(bytes, 'utf-8');
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return (
    bytes.length >= prefix.length &&
    prefix.every((byte, index) => bytes[index] === byte)
  );
}

function decode(bytes: Buffer, encoding: 'utf-8' | 'utf-16le' | 'utf-16be') {
  try {
    // The decoder removes a byte order mark of its own encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    throw new EvidenceRefusedError(
      `the file is not valid ${name} text; evidence must be UTF-8 text, or UTF-16 with a byte order mark`,
      error,
    );
  }
}

function rejectNul(text: string): string {
  if (text.includes('\u0000')) {
    throw new EvidenceRefusedError(
      'the file looks binary (it contains NUL characters); evidence must be text',
    );
  }
  return text;
}
