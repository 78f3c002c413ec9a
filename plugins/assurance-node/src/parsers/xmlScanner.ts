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

// Character codes and the scanning helpers of the well-formedness check.

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const BANG = 0x21;
export const DOUBLE_QUOTE = 0x22;
export const HASH = 0x23;
export const SINGLE_QUOTE = 0x27;
export const SLASH = 0x2f;
export const SEMICOLON = 0x3b;
export const LT = 0x3c;
export const EQUALS = 0x3d;
export const GT = 0x3e;
export const QUESTION = 0x3f;

export function isSpace(char: number): boolean {
  return char === SPACE || char === LF || char === TAB || char === CR;
}

/** Where the validator stops reading a tag name. */
export function endsTagName(char: number): boolean {
  return char === GT || isSpace(char);
}

export function isLetter(char: number): boolean {
  const lower = char | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

export function isDigit(char: number): boolean {
  return char >= 0x30 && char <= 0x39;
}

/** `[A-Za-z_:]`: a subset of the name start characters XML allows. */
export function isNameStart(char: number): boolean {
  return isLetter(char) || char === 0x5f /* _ */ || char === 0x3a /* : */;
}

/** `[A-Za-z0-9_:.-]`: a subset of the name characters XML allows. */
export function isNameChar(char: number): boolean {
  return (
    isNameStart(char) ||
    isDigit(char) ||
    char === 0x2d /* - */ ||
    char === 0x2e /* . */
  );
}

export function isName(text: string, start: number, end: number): boolean {
  if (end <= start || !isNameStart(text.charCodeAt(start))) {
    return false;
  }
  for (let i = start + 1; i < end; i++) {
    if (!isNameChar(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/**
 * The index of the ';' that ends the reference at `start` (an '&'), or -1
 * unless it is `&name;` with 1 to 20 word characters, `&#digits;` or
 * `&#xhexdigits;`.
 */
export function referenceEnd(text: string, start: number): number {
  let i = start + 1;
  if (text.charCodeAt(i) === HASH) {
    i++;
    const hex = text.charCodeAt(i) === 0x78; /* x */
    if (hex) {
      i++;
    }
    const digitsStart = i;
    for (;;) {
      const char = text.charCodeAt(i);
      const lower = char | 0x20;
      if (isDigit(char) || (hex && lower >= 0x61 && lower <= 0x66)) {
        i++;
      } else {
        return char === SEMICOLON && i > digitsStart ? i : -1;
      }
    }
  }
  const nameStart = i;
  for (;;) {
    const char = text.charCodeAt(i);
    if (isLetter(char) || isDigit(char) || char === 0x5f /* _ */) {
      i++;
    } else {
      return char === SEMICOLON && i > nameStart && i - nameStart <= 20
        ? i
        : -1;
    }
  }
}
