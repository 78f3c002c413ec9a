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

import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseSafeXml } from './safeXml';
import { parseText, refusalOf } from './__testUtils__/corpus';

const DOCTYPE_REFUSAL =
  'XML with a DOCTYPE is refused: external entities and entity expansion are not allowed';

describe('parseSafeXml', () => {
  let dir: string;
  let secretPath: string;
  const SECRET = 'TOP-SECRET-7f3a9c';

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assurance-xxe-'));
    secretPath = path.join(dir, 'secret.txt');
    fs.writeFileSync(secretPath, SECRET);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('refuses an external entity and never reads the file it names', () => {
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    const openSync = jest.spyOn(fs, 'openSync');
    const readFile = jest.spyOn(fs, 'readFile');
    const createReadStream = jest.spyOn(fs, 'createReadStream');
    const xml = `<?xml version="1.0"?>
<!DOCTYPE testsuite [<!ENTITY leak SYSTEM "file://${secretPath}">]>
<testsuite name="&leak;"><testcase name="&leak;"><failure message="&leak;"/></testcase></testsuite>`;

    const refusal = refusalOf(() => parseText(xml));

    expect(refusal.message).toBe(DOCTYPE_REFUSAL);
    expect(refusal.message).not.toContain(SECRET);
    for (const spy of [readFileSync, openSync, readFile, createReadStream]) {
      expect(spy.mock.calls.flat().map(String)).not.toContain(secretPath);
      expect(spy.mock.calls.flat().map(String)).not.toContain(
        `file://${secretPath}`,
      );
    }
  });

  it('refuses a bare <!ENTITY declaration and entity expansion bombs', () => {
    expect(
      refusalOf(() =>
        parseText(
          `<!ENTITY leak SYSTEM "file://${secretPath}"><testsuite name="&leak;"/>`,
        ),
      ).message,
    ).toBe(DOCTYPE_REFUSAL);
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<testsuite name="&lol3;"/>`;
    expect(refusalOf(() => parseText(lol)).message).toBe(DOCTYPE_REFUSAL);
  });

  it('refuses a plain DOCTYPE too, whatever its case', () => {
    expect(
      refusalOf(() =>
        parseSafeXml({
          text: '<!doctype testsuite><testsuite/>',
          arrayTags: [],
        }),
      ).message,
    ).toBe(DOCTYPE_REFUSAL);
  });

  it('accepts the word DOCTYPE inside CDATA and comments', () => {
    const document = parseSafeXml({
      text: '<!-- <!DOCTYPE x> --><a><![CDATA[<!DOCTYPE html><html/>]]></a>',
      arrayTags: [],
    });
    expect(document).toEqual({ a: '<!DOCTYPE html><html/>' });
  });

  it('leaves undeclared entities as text and replaces invalid references', () => {
    const document = parseSafeXml({
      text: '<a x="&#0;&#x110000;">&nbsp;&#169;</a>',
      arrayTags: [],
    });
    expect(document).toEqual({
      a: { '#text': '&nbsp;©', '@_x': '\ufffd\ufffd' },
    });
  });

  it('refuses malformed XML with the validator message and line', () => {
    expect(
      refusalOf(() => parseSafeXml({ text: '<a>\n  <b>\n</a>', arrayTags: [] }))
        .message,
    ).toBe(
      "the XML is not well-formed: Expected closing tag 'b' (opened in line 2, col 3) instead of closing tag 'a'. (line 3)",
    );
  });

  it('refuses markup nested too deeply to walk', () => {
    const deep = `${'<a>'.repeat(200)}${'</a>'.repeat(200)}`;
    expect(
      refusalOf(() => parseSafeXml({ text: deep, arrayTags: [] })).message,
    ).toMatch(/^the XML could not be read: /);
  });
});

describe('parseSafeXml on hostile input', () => {
  it('finds a declaration after an unterminated comment', () => {
    expect(
      refusalOf(() =>
        parseSafeXml({
          text: '<a><!-- open <!DOCTYPE a [<!ENTITY x "y">]></a>',
          arrayTags: [],
        }),
      ).message,
    ).toMatch(/^XML with a DOCTYPE is refused/);
  });

  it('refuses many unterminated comments', () => {
    const text = `<a>${'<!--'.repeat(250000)}</a>`;
    expect(
      refusalOf(() => parseSafeXml({ text, arrayTags: [] })).message,
    ).toMatch(/^the XML is not well-formed/);
  });
});
