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

import { decodeEvidenceText } from './decodeEvidenceText';
import { parseEvidence, defaultParsers } from './parseEvidence';
import { refusalOf } from './__testUtils__/corpus';

const XML = '<testsuite><testcase name="ñandú 😋"/></testsuite>';

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  return bytes.swap16();
}

describe('decodeEvidenceText', () => {
  it('reads UTF-8 without a byte order mark', () => {
    expect(decodeEvidenceText(Buffer.from(XML, 'utf8'))).toBe(XML);
  });

  it('removes a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(XML),
    ]);
    expect(decodeEvidenceText(bytes)).toBe(XML);
  });

  it('reads UTF-16 LE and BE with a byte order mark', () => {
    expect(decodeEvidenceText(Buffer.from(`\ufeff${XML}`, 'utf16le'))).toBe(
      XML,
    );
    expect(decodeEvidenceText(utf16be(`\ufeff${XML}`))).toBe(XML);
  });

  it('refuses binary content', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ]);
    expect(refusalOf(() => decodeEvidenceText(png)).message).toMatch(
      /^the file looks binary \(it contains NUL bytes\)/,
    );
    // UTF-16 without a byte order mark is indistinguishable from binary.
    expect(() => decodeEvidenceText(Buffer.from(XML, 'utf16le'))).toThrow(
      /looks binary/,
    );
    expect(() =>
      decodeEvidenceText(Buffer.from('\ufeffa\u0000b', 'utf16le')),
    ).toThrow(/NUL characters/);
  });

  it('refuses invalid UTF-8, such as Latin-1 text', () => {
    const latin1 = Buffer.from('<testsuite name="ñ"/>', 'latin1');
    expect(refusalOf(() => decodeEvidenceText(latin1)).message).toMatch(
      /^the file is not valid UTF-8 text/,
    );
  });

  it('refuses UTF-32 and odd-length UTF-16', () => {
    expect(() =>
      decodeEvidenceText(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])),
    ).toThrow(/UTF-32/);
    expect(() => decodeEvidenceText(Buffer.from([0xff, 0xfe, 0x41]))).toThrow(
      /not valid UTF-16 text/,
    );
  });

  it('lets a parser read a UTF-16 LE upload', () => {
    const { summary } = parseEvidence({
      parsers: defaultParsers,
      fileName: 'report.xml',
      bytes: Buffer.from(
        `\ufeff<?xml version="1.0" encoding="UTF-16"?>${XML}`,
        'utf16le',
      ),
    });
    expect(summary).toMatchObject({ kind: 'tests', total: 1, passed: 1 });
  });
});
