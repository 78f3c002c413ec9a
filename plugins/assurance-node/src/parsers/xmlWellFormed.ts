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
  BANG,
  DOUBLE_QUOTE,
  SINGLE_QUOTE,
  SLASH,
  LT,
  EQUALS,
  GT,
  QUESTION,
  isSpace,
  endsTagName,
  isNameStart,
  isNameChar,
  isName,
  referenceEnd,
} from './xmlScanner';

// More attributes than this on one element: left to the validator rather
// than compared pairwise.
const MAX_ATTRIBUTES = 64;

/**
 * Whether fast-xml-parser's `XMLValidator.validate` surely accepts the text,
 * decided in one quick pass. `true` only for the plain shape that reports
 * have: an optional `<?xml … ?>` declaration at the very start; comments;
 * elements with ASCII names and quoted, distinct attributes, properly
 * nested under one root; text with well-formed character and entity
 * references; CDATA sections inside the root; only white space and comments
 * after it. Anything else (other processing instructions or declarations,
 * non-ASCII names, text after the root, a byte order mark, …) gives
 * `false`, which means "not sure", never "malformed": the caller then runs
 * the validator itself, for its verdict and its message.
 *
 * Every rule here is as strict as the validator's or stricter, so the
 * validator accepts whatever this accepts; `xmlWellFormed.test.ts` checks
 * that on the corpus and on thousands of damaged variants of it.
 */
export function isSurelyWellFormed(text: string): boolean {
  const length = text.length;
  let i = 0;
  if (text.startsWith('<?')) {
    // The validator reads a declaration only at the very start.
    if (!text.startsWith('<?xml ')) {
      return false;
    }
    const end = text.indexOf('?>', 5);
    if (end < 0) {
      return false;
    }
    i = end + 2;
  }

  // The prolog: white space and comments up to the root element.
  for (;;) {
    if (i >= length) {
      return false;
    }
    const char = text.charCodeAt(i);
    if (isSpace(char)) {
      i++;
    } else if (char !== LT) {
      return false;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) {
        return false;
      }
      i = end + 3;
    } else {
      break;
    }
  }

  const open: string[] = [];
  let rootClosed = false;
  // Where the next '&' is, found lazily so that the text is searched once.
  let nextAmpersand = -1;
  for (;;) {
    // At a '<' that starts a tag.
    if (rootClosed) {
      return false;
    }
    let p = i + 1;
    const closing = text.charCodeAt(p) === SLASH;
    if (closing) {
      p++;
    }
    const nameStart = p;
    while (p < length && !endsTagName(text.charCodeAt(p))) {
      p++;
    }
    if (p >= length) {
      return false;
    }
    // `<a/>`: the validator reads `a/`, drops the '/' and reads it again.
    let nameEnd = p;
    if (nameEnd > nameStart && text.charCodeAt(nameEnd - 1) === SLASH) {
      nameEnd--;
      p = nameEnd;
    }
    if (!isName(text, nameStart, nameEnd)) {
      return false;
    }

    // Attributes, up to '>' or '/>'.
    let selfClosing = false;
    let attributeNames: string[] | undefined;
    for (;;) {
      const spaceStart = p;
      while (p < length && isSpace(text.charCodeAt(p))) {
        p++;
      }
      if (p >= length) {
        return false;
      }
      const char = text.charCodeAt(p);
      if (char === GT) {
        break;
      }
      if (char === SLASH) {
        if (text.charCodeAt(p + 1) !== GT || closing) {
          return false;
        }
        selfClosing = true;
        p++;
        break;
      }
      // An attribute: after white space, `name = "value"` or 'value'.
      if (closing || p === spaceStart || !isNameStart(char)) {
        return false;
      }
      const attributeStart = p;
      p++;
      while (p < length && isNameChar(text.charCodeAt(p))) {
        p++;
      }
      const attributeName = text.slice(attributeStart, p);
      while (p < length && isSpace(text.charCodeAt(p))) {
        p++;
      }
      if (text.charCodeAt(p) !== EQUALS) {
        return false;
      }
      p++;
      while (p < length && isSpace(text.charCodeAt(p))) {
        p++;
      }
      const quote = text.charCodeAt(p);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) {
        return false;
      }
      const valueEnd = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", p + 1);
      if (valueEnd < 0) {
        return false;
      }
      p = valueEnd + 1;
      attributeNames ??= [];
      if (
        attributeNames.length >= MAX_ATTRIBUTES ||
        attributeNames.includes(attributeName)
      ) {
        return false;
      }
      attributeNames.push(attributeName);
    }

    if (closing) {
      const expected = open.pop();
      if (
        expected === undefined ||
        expected.length !== nameEnd - nameStart ||
        !text.startsWith(expected, nameStart)
      ) {
        return false;
      }
      rootClosed = open.length === 0;
    } else if (!selfClosing) {
      open.push(text.slice(nameStart, nameEnd));
    } else if (open.length === 0) {
      // A self-closing root element.
      rootClosed = true;
    }

    // Text up to the next tag, with comments and CDATA sections.
    i = p + 1;
    for (;;) {
      const tag = text.indexOf('<', i);
      const textEnd = tag < 0 ? length : tag;
      if (rootClosed) {
        for (; i < textEnd; i++) {
          if (!isSpace(text.charCodeAt(i))) {
            return false;
          }
        }
      } else {
        if (nextAmpersand < i && nextAmpersand < length) {
          nextAmpersand = text.indexOf('&', i);
          if (nextAmpersand < 0) {
            nextAmpersand = length;
          }
        }
        while (nextAmpersand < textEnd) {
          const end = referenceEnd(text, nextAmpersand);
          if (end < 0) {
            return false;
          }
          nextAmpersand = text.indexOf('&', end);
          if (nextAmpersand < 0) {
            nextAmpersand = length;
          }
        }
      }
      if (tag < 0) {
        return rootClosed;
      }
      if (text.startsWith('<!--', tag)) {
        const end = text.indexOf('-->', tag + 4);
        if (end < 0) {
          return false;
        }
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', tag) && !rootClosed) {
        const end = text.indexOf(']]>', tag + 9);
        if (end < 0) {
          return false;
        }
        i = end + 3;
      } else if (
        text.charCodeAt(tag + 1) === BANG ||
        text.charCodeAt(tag + 1) === QUESTION
      ) {
        return false;
      } else {
        i = tag;
        break;
      }
    }
  }
}
