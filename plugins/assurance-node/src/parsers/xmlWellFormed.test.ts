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

import { XMLValidator } from 'fast-xml-parser';
import { listCorpusFiles, readCorpusFile } from './__testUtils__/corpus';
import { isSurelyWellFormed } from './xmlWellFormed';

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const xmlFiles = listCorpusFiles()
  .map(name => ({ name, text: readCorpusFile(name).toString('utf8') }))
  .filter(({ text }) => text.trimStart().startsWith('<'))
  // As parseSafeXml sees them: a byte order mark is decoded away and an
  // allowed DOCTYPE blanked out.
  .map(({ name, text }) => ({
    name,
    text: text
      .replace(/^\uFEFF/, '')
      .replace(/<!DOCTYPE[^>[]*>/, match => ' '.repeat(match.length)),
  }));

function validatorAccepts(text: string): boolean {
  return XMLValidator.validate(text) === true;
}

/** Fails with the text when the quick check accepts what the validator refuses. */
function expectSound(text: string): void {
  if (isSurelyWellFormed(text) && !validatorAccepts(text)) {
    throw new Error(`accepted, but the validator refuses: ${text}`);
  }
}

describe('isSurelyWellFormed', () => {
  it('accepts every well-formed XML file of the corpus', () => {
    expect(xmlFiles.length).toBeGreaterThan(40);
    for (const { name, text } of xmlFiles) {
      expect({ name, quick: isSurelyWellFormed(text) }).toEqual({
        name,
        quick: validatorAccepts(text),
      });
    }
  });

  it.each([
    // Plain shapes.
    ['<a/>', true],
    ['<a />', true],
    [
      '<?xml version="1.0"?>\n<a x="1" y=\'2\'>t &amp; &#10; &#x1F;</a>\n',
      true,
    ],
    ['<!-- c --><a><![CDATA[<&>]]><!-- <b> --></a><!-- d -->', true],
    ['<a:b c:d = "v>w" e="\'"></a:b>', true],
    // Refused by the validator.
    ['<a>', false],
    ['<a></b>', false],
    ['</a>', false],
    ['<a></a><b></b>', false],
    ['<a></a>x', false],
    ['<a x="1"y="2"/>', false],
    ['<a x="1" x="2"/>', false],
    ['<a x/>', false],
    ['<a x=1/>', false],
    ['<a x="1/>', false],
    ['<a>&;</a>', false],
    ['<a>&#;</a>', false],
    ['<a>& b</a>', false],
    ['<a>&abcdefghijklmnopqrstu;</a>', false],
    [' <?xml version="1.0"?><a/>', false],
    ['<a><?xml version="1.0"?></a>', false],
    ['< a/>', false],
    ['<1a/>', false],
    ['</a/>', false],
    ['', false],
    ['text', false],
    // Accepted by the validator, but left to it.
    ['\uFEFF<a/>', false],
    ['<a/>text', false],
    ['<a></a><b/>', false],
    ['<a></a>&amp;', false],
    ['<a><?pi x?></a>', false],
    ['<!DOCTYPE a><a/>', false],
    ['<tést/>', false],
    ['<a>&#x;</a>', false],
    ['<?xml?><a/>', false],
  ])('%j: %s', (text, expected) => {
    expect(isSurelyWellFormed(text)).toBe(expected);
    expectSound(text);
  });

  it('never accepts a damaged corpus file that the validator refuses', () => {
    const next = random(20260412);
    const small = xmlFiles.filter(({ text }) => text.length < 30_000);
    const pieces = [
      '<',
      '>',
      '/',
      '"',
      "'",
      '&',
      ';',
      '=',
      ' ',
      '!',
      '-',
      '?',
      '#',
      'x',
      '[',
      ']',
      '\n',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '</',
      '/>',
      '&amp;',
      '&#1;',
      '<?',
      '?>',
      'é',
    ];
    const marks = ['<', '>', '&', '"', "'", '/', '='];
    let accepted = 0;
    for (let round = 0; round < 4000; round++) {
      let text = small[Math.floor(next() * small.length)].text;
      const edits = 1 + Math.floor(next() * 3);
      for (let edit = 0; edit < edits; edit++) {
        let at = Math.floor(next() * text.length);
        if (next() < 0.7) {
          const mark = marks[Math.floor(next() * marks.length)];
          const found = text.indexOf(mark, at);
          at = found < 0 ? at : found + Math.floor(next() * 3) - 1;
        }
        at = Math.max(0, Math.min(text.length, at));
        const piece = pieces[Math.floor(next() * pieces.length)];
        const kind = next();
        if (kind < 0.3) {
          text =
            text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        } else if (kind < 0.6) {
          text = text.slice(0, at) + piece + text.slice(at);
        } else if (kind < 0.85) {
          text = text.slice(0, at) + piece + text.slice(at + 1);
        } else {
          text = text.slice(0, at);
        }
      }
      expectSound(text);
      accepted += isSurelyWellFormed(text) ? 1 : 0;
    }
    // Some damage leaves the XML well-formed; those take the quick path.
    expect(accepted).toBeGreaterThan(100);
  });

  it('never accepts a jumble of markup that the validator refuses', () => {
    const next = random(7);
    const tokens = [
      '<a',
      '<b',
      '<a:b',
      '</a',
      '</b',
      '</a:b',
      '>',
      '/>',
      '/',
      ' x="1"',
      " y='2'",
      'x="3"',
      ' z = "a>b"',
      ` w='"'`,
      '&amp;',
      '&#12;',
      '&#x1F;',
      '&#;',
      '&bad',
      '&;',
      'text',
      ' ',
      '\n',
      '\t',
      '<!--c-->',
      '<!--',
      '-->',
      '<![CDATA[z<>&]]>',
      '<![CDATA[',
      ']]>',
      '<?xml version="1.0"?>',
      '<?pi x?>',
      '"',
      "'",
      '=',
      '<a/>',
      '<!DOCTYPE a>',
      '<',
      '&',
      '<é>',
      '\uFEFF',
      '\u00A0',
      ' __proto__="1"',
    ];
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      let text = next() < 0.5 ? '<a>' : '';
      const length = 1 + Math.floor(next() * 12);
      for (let i = 0; i < length; i++) {
        text += tokens[Math.floor(next() * tokens.length)];
      }
      text += next() < 0.5 ? '</a>' : '';
      expectSound(text);
      accepted += isSurelyWellFormed(text) ? 1 : 0;
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
