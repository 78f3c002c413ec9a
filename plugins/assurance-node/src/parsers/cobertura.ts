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

import { CoverageSummary } from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser, EvidenceRefusedError } from '../types';
import { coverageSummary, FileCoverage, rate } from './coverageFiles';
import { parseSafeXml, XmlNode } from './safeXml';
import { xmlAttribute, xmlChildren, xmlRoot } from './xmlNodes';

/** Hits and branch conditions of one line of one file. */
interface LineCoverage {
  covered: boolean;
  branchesCovered: number;
  branchesValid: number;
}

const ARRAY_TAGS = ['package', 'class', 'line'];

/**
 * The one DOCTYPE Cobertura writers emit (Cobertura itself, gcovr,
 * istanbul): an external reference to the Cobertura DTD, in either quote
 * style. parseSafeXml drops it unread instead of refusing the file; a
 * DOCTYPE with an internal subset or entities is still refused.
 */
export const COBERTURA_DOCTYPE =
  /<!DOCTYPE\s+coverage\s+SYSTEM\s+(["'])https?:\/\/cobertura\.sourceforge\.net\/xml\/coverage-0[1-4]\.dtd\1\s*>/;

const CONDITIONS = /\((\d+)\s*\/\s*(\d+)\)/;

/**
 * Reads Cobertura XML coverage reports (Cobertura, coverage.py, gcovr,
 * coverlet, istanbul). Counts come from the `<line>` elements of every
 * `<class>`, each line counted once per file name (classes of one file,
 * such as inner and partial classes, repeat lines; a line is covered when
 * any repeat has hits). Branches come from `condition-coverage="50% (1/2)"`.
 * Method-level `<lines>` repeat the class's and are not read.
 *
 * A report without any `<line>` falls back to the root's `lines-covered`,
 * `lines-valid`, `branches-covered` and `branches-valid` and lists no
 * files; one whose lines carry no condition coverage takes its branch
 * totals from the root (istanbul). Rates are always computed from counts,
 * never read from `line-rate` or `branch-rate`.
 */
export const coberturaParser: EvidenceParser = {
  format: 'cobertura-xml',

  detect: ({ text }) => {
    const head = text.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, '');
    return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?<coverage[\s>]/.test(
      head,
    );
  },

  parse: ({ text }) => {
    const document = parseSafeXml({
      text,
      arrayTags: ARRAY_TAGS,
      allowedDoctypes: [COBERTURA_DOCTYPE],
    });
    const root = xmlRoot(document);
    if (root.name !== 'coverage') {
      throw new EvidenceRefusedError(
        `not a Cobertura XML report: the root element is <${root.name}>, expected <coverage>`,
      );
    }

    const files = new Map<string, Map<number, LineCoverage>>();
    let lineCount = 0;
    const packages = nested({
      node: root.node,
      outer: 'packages',
      inner: 'package',
    });
    for (const pkg of packages) {
      for (const cls of nested({
        node: pkg,
        outer: 'classes',
        inner: 'class',
      })) {
        const path =
          xmlAttribute({ node: cls, name: 'filename' }) ??
          xmlAttribute({ node: cls, name: 'name' }) ??
          '';
        const lines = files.get(path) ?? new Map<number, LineCoverage>();
        files.set(path, lines);
        for (const line of nested({
          node: cls,
          outer: 'lines',
          inner: 'line',
        })) {
          lineCount++;
          addLine({ lines, line: readLine({ line, path }) });
        }
      }
    }
    const totals = rootTotals(root.node);
    if (lineCount === 0) {
      return { ...totals, files: [] };
    }
    const summary = coverageSummary(
      [...files.entries()].map(([path, lines]) =>
        fileCoverage({ path, lines }),
      ),
    );
    if (summary.branchesValid > 0) {
      return summary;
    }
    // istanbul writes branch="false" on every line and the branch counts
    // on the root only.
    const { branchesCovered, branchesValid, branchRate } = totals;
    return { ...summary, branchesCovered, branchesValid, branchRate };
  },
};

/** The `inner` children of every `outer` child, in document order. */
function nested(options: {
  node: XmlNode;
  outer: string;
  inner: string;
}): XmlNode[] {
  const { node, outer, inner } = options;
  return xmlChildren({ node, name: outer }).flatMap(child =>
    xmlChildren({ node: child, name: inner }),
  );
}

function readLine(options: { line: XmlNode; path: string }): LineCoverage & {
  number: number;
} {
  const { line, path } = options;
  const number = Number(xmlAttribute({ node: line, name: 'number' }));
  const hits = Number(xmlAttribute({ node: line, name: 'hits' }));
  if (!Number.isSafeInteger(number) || !Number.isFinite(hits)) {
    throw new EvidenceRefusedError(
      `not a valid Cobertura XML report: a <line> of "${path}" lacks a numeric number or hits attribute`,
    );
  }
  const isBranch =
    xmlAttribute({ node: line, name: 'branch' })?.toLowerCase() === 'true';
  const conditions = CONDITIONS.exec(
    xmlAttribute({ node: line, name: 'condition-coverage' }) ?? '',
  );
  const branchesValid = isBranch && conditions ? Number(conditions[2]) : 0;
  return {
    number,
    covered: hits > 0,
    branchesValid,
    branchesCovered: Math.min(
      branchesValid,
      isBranch && conditions ? Number(conditions[1]) : 0,
    ),
  };
}

function addLine(options: {
  lines: Map<number, LineCoverage>;
  line: LineCoverage & { number: number };
}) {
  const { lines, line } = options;
  const seen = lines.get(line.number);
  lines.set(line.number, {
    covered: line.covered || seen?.covered === true,
    branchesValid: Math.max(line.branchesValid, seen?.branchesValid ?? 0),
    branchesCovered: Math.max(line.branchesCovered, seen?.branchesCovered ?? 0),
  });
}

function fileCoverage(options: {
  path: string;
  lines: Map<number, LineCoverage>;
}): FileCoverage {
  const lines = [...options.lines.values()];
  return {
    path: options.path,
    linesValid: lines.length,
    linesCovered: lines.filter(line => line.covered).length,
    branchesValid: lines.reduce((sum, line) => sum + line.branchesValid, 0),
    branchesCovered: lines.reduce((sum, line) => sum + line.branchesCovered, 0),
  };
}

/** The counts and rates of the root's attributes; no files. */
function rootTotals(node: XmlNode): Omit<CoverageSummary, 'files'> {
  const count = (name: string) => {
    const value = Number(xmlAttribute({ node, name }));
    return Number.isSafeInteger(value) && value >= 0 ? value : 0;
  };
  const linesValid = count('lines-valid');
  const linesCovered = Math.min(count('lines-covered'), linesValid);
  const branchesValid = count('branches-valid');
  const branchesCovered = Math.min(count('branches-covered'), branchesValid);
  return {
    kind: 'coverage',
    lineRate: rate({ covered: linesCovered, valid: linesValid }),
    branchRate: rate({ covered: branchesCovered, valid: branchesValid }),
    linesCovered,
    linesValid,
    branchesCovered,
    branchesValid,
  };
}
