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

import Table from 'cli-table3';

const MIN_WRAP_WIDTH = 30;
const MIN_SHRUNK_WIDTH = 24;

/** `…` and the end of `text`, at most `width` characters. */
function keepEnd(text: string, width: number): string {
  return text.length <= width
    ? text
    : `…${text.slice(text.length - width + 1)}`;
}

/**
 * Lays rows out as a table. When the terminal width is known, the
 * `wrap` column gets the width that is left and its text wraps, and the
 * `shrink` column (a file path) loses its start when there is too little
 * room; otherwise (a CI log, a pipe) nothing wraps or shrinks.
 */
export function renderTable(options: {
  head: string[];
  rows: string[][];
  /** Index of the column that wraps; the last by default. */
  wrap?: number;
  /** Index of a column that may be cut from the left to make room. */
  shrink?: number;
  columns?: number;
  /** No lines between rows; for rows of one line each. */
  compact?: boolean;
}): string {
  const { head, columns, shrink, compact = false } = options;
  let rows = options.rows;
  const wrap = options.wrap ?? head.length - 1;
  const natural = head.map((title, index) =>
    Math.max(
      title.length,
      ...rows.map(row =>
        Math.max(...(row[index] ?? '').split('\n').map(line => line.length)),
      ),
    ),
  );

  let colWidths: (number | null)[] = [];
  if (columns) {
    // Each column has one space of padding on each side and one border.
    const others = (widths: number[]) =>
      widths.reduce(
        (sum, width, index) => (index === wrap ? sum : sum + width + 3),
        1,
      );
    const wanted = Math.min(natural[wrap], MIN_WRAP_WIDTH);
    const missing = others(natural) + wanted + 2 - columns;
    if (shrink !== undefined && missing > 0) {
      const width = Math.max(MIN_SHRUNK_WIDTH, natural[shrink] - missing);
      if (width < natural[shrink]) {
        natural[shrink] = width;
        rows = rows.map(row =>
          row.map((cell, index) =>
            index === shrink ? keepEnd(cell, width) : cell,
          ),
        );
      }
    }
    const rest = Math.max(MIN_WRAP_WIDTH, columns - others(natural) - 2);
    if (natural[wrap] > rest) {
      colWidths = natural.map((width, index) =>
        index === wrap ? rest + 2 : width + 2,
      );
    }
  }

  const table = new Table({
    head,
    style: { head: [], border: [], compact },
    ...(colWidths.length
      ? { colWidths, wordWrap: true, wrapOnWordBoundary: true }
      : {}),
  });
  table.push(...rows);
  return table.toString();
}
