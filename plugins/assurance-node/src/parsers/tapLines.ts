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

/**
 * Reads single lines of TAP 13/14 output, already stripped of their
 * indentation, and the `message` of YAML diagnostic blocks.
 */

/** One `ok` / `not ok` line. */
export interface TapTestPoint {
  ok: boolean;
  number?: number;
  /** The description, unescaped, without the directive. */
  description: string;
  directive?: 'skip' | 'todo';
  /** The line ends with `{`: a buffered subtest follows, closed by `}`. */
  opensBlock: boolean;
}

/** A `1..N` plan; `1..0` is a skip-all plan. */
export interface TapPlan {
  count: number;
}

const TEST_POINT = /^(not )?ok(?=[ \t]|$)(?:[ \t]+(\d+)\b)?(.*)$/;
const PLAN = /^1\.\.(\d+)\s*(?:#.*)?$/;
const SUBTEST_COMMENT = /^#\s*Subtest\b:?\s*(.*)$/i;
const DIRECTIVE = /^(skip|todo)\S*(?:\s+.*)?$/i;
const YAML_KEYS_FOR_MESSAGE = ['message', 'failure'];

/** Parses a test point line, or undefined when the line is not one. */
export function parseTestPoint(content: string): TapTestPoint | undefined {
  const match = TEST_POINT.exec(content);
  if (!match) {
    return undefined;
  }
  let rest = match[3];
  const opensBlock = /\s\{\s*$/.test(rest) || rest.trim() === '{';
  if (opensBlock) {
    rest = rest.replace(/\{\s*$/, '');
  }
  const { description, directive } = splitDirective(rest);
  const number = match[2] === undefined ? undefined : Number(match[2]);
  return {
    ok: !match[1],
    number: Number.isSafeInteger(number) ? number : undefined,
    description: unescape(description.trim().replace(/^-(\s+|$)/, '')).trim(),
    directive,
    opensBlock,
  };
}

/** Parses a plan line, or undefined when the line is not one. */
export function parsePlan(content: string): TapPlan | undefined {
  const match = PLAN.exec(content);
  const count = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(count) ? { count } : undefined;
}

/** The name of a `# Subtest: name` comment, or undefined for other lines. */
export function parseSubtestComment(content: string): string | undefined {
  const match = SUBTEST_COMMENT.exec(content);
  return match ? match[1].trim() : undefined;
}

/** The number of leading spaces (a tab counts as four). */
export function indentOf(line: string): number {
  let indent = 0;
  for (const char of line) {
    if (char === ' ') {
      indent++;
    } else if (char === '\t') {
      indent += 4;
    } else {
      break;
    }
  }
  return indent;
}

/**
 * The failure message in the lines of a YAML diagnostic block (between
 * `---` and `...`): the top-level `message` key, else nf-test's `failure`.
 * Reads plain, quoted and block (`|`, `>`) scalars; a key whose value is a
 * map or list gives nothing. A small reader, not a YAML parser: no anchors,
 * aliases or tags are resolved.
 */
export function yamlMessage(lines: string[]): string | undefined {
  const filled = lines.filter(line => line.trim() !== '');
  if (filled.length === 0) {
    return undefined;
  }
  const base = Math.min(...filled.map(indentOf));
  for (const key of YAML_KEYS_FOR_MESSAGE) {
    const index = lines.findIndex(
      line =>
        indentOf(line) === base &&
        line.trimStart().startsWith(`${key}:`) &&
        /^:(\s|$)/.test(line.trimStart().slice(key.length)),
    );
    if (index >= 0) {
      const value = yamlScalar({
        rest: lines[index]
          .trimStart()
          .slice(key.length + 1)
          .trim(),
        following: linesBelow({ lines, index, base }),
      });
      if (value?.trim()) {
        return value;
      }
    }
  }
  return undefined;
}

/**
 * Splits a test point's text at its first unescaped `#` that starts the
 * text or follows whitespace: `# SKIP`/`# TODO` (any case, any trailing
 * letters: `# skipped`) is a directive; `\#skip` and `name#skip` are not.
 */
function splitDirective(text: string): {
  description: string;
  directive?: 'skip' | 'todo';
} {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const match = DIRECTIVE.exec(text.slice(i + 1).trim());
      const directive = match?.[1].toLowerCase() as 'skip' | 'todo' | undefined;
      return { description: text.slice(0, i), directive };
    }
  }
  return { description: text };
}

function unescape(text: string): string {
  return text.replace(/\\([\\#])/g, '$1');
}

/** The lines after `index` that are blank or indented deeper than `base`. */
function linesBelow(options: {
  lines: string[];
  index: number;
  base: number;
}): string[] {
  const { lines, index, base } = options;
  const below: string[] = [];
  for (const line of lines.slice(index + 1)) {
    if (line.trim() !== '' && indentOf(line) <= base) {
      break;
    }
    below.push(line);
  }
  return below;
}

function yamlScalar(options: {
  rest: string;
  following: string[];
}): string | undefined {
  const { rest, following } = options;
  if (/^[|>]/.test(rest)) {
    const filled = following.filter(line => line.trim() !== '');
    const indent = Math.min(...filled.map(indentOf));
    const text = following.map(line => line.slice(indent)).join('\n');
    return rest.startsWith('|') ? text : text.replace(/\n(?!\n)/g, ' ');
  }
  if (rest.startsWith('"')) {
    try {
      return JSON.parse(rest);
    } catch {
      return rest.replace(/^"|"$/g, '');
    }
  }
  if (rest.startsWith("'")) {
    return rest.replace(/^'|'$/g, '').replace(/''/g, "'");
  }
  if (rest !== '') {
    return rest;
  }
  const first = following.find(line => line.trim() !== '')?.trim() ?? '';
  if (
    first.startsWith('- ') ||
    first === '-' ||
    /^[^\s:]+:(\s|$)/.test(first)
  ) {
    return undefined;
  }
  return following
    .map(line => line.trim())
    .filter(line => line !== '')
    .join(' ');
}
