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
  EvidenceSummary,
  SEVERITIES,
} from '@real-app-forever/plugin-assurance-common';
import { percent } from './format';

/** How many failures, findings or results a human summary lists. */
const LISTED = 5;

function more(total: number, listed: number): string[] {
  return total > listed ? [`  … and ${total - listed} more`] : [];
}

function oneLine(text: string | undefined, max = 120): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The facts of a parsed evidence file as a few lines for a terminal. Lists
 * at most a handful of items; `--json` has everything.
 */
export function describeSummary(summary: EvidenceSummary): string[] {
  switch (summary.kind) {
    case 'tests': {
      const lines = [
        `tests: ${summary.total} total, ${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.skipped} skipped`,
      ];
      for (const failure of summary.failures.slice(0, LISTED)) {
        const name = [failure.classname ?? failure.suite, failure.name]
          .filter(Boolean)
          .join(' > ');
        const message = oneLine(failure.message);
        lines.push(
          `  ${failure.type}: ${name}${message ? ` - ${message}` : ''}`,
        );
      }
      return [
        ...lines,
        ...more(
          summary.failed + summary.errored,
          Math.min(LISTED, summary.failures.length),
        ),
      ];
    }
    case 'static-analysis': {
      const { error, warning, note, none } = summary.byLevel;
      const tools = summary.tools.length
        ? ` (${summary.tools.join(', ')})`
        : '';
      const lines = [
        `static analysis${tools}: ${summary.total} results - ${error} errors, ${warning} warnings, ${note} notes, ${none} other; ${summary.suppressed} suppressed`,
      ];
      for (const result of summary.results.slice(0, LISTED)) {
        const where = result.location ? ` at ${result.location}` : '';
        lines.push(
          `  ${result.level} ${result.ruleId ?? '(no rule)'}${where}: ${oneLine(
            result.message,
          )}`,
        );
      }
      return [
        ...lines,
        ...more(summary.total, Math.min(LISTED, summary.results.length)),
      ];
    }
    case 'sbom': {
      const spec = [summary.specName ?? 'SBOM', summary.specVersion]
        .filter(Boolean)
        .join(' ');
      const primary = summary.primaryComponent
        ? `, for ${summary.primaryComponent.name}${
            summary.primaryComponent.version
              ? `@${summary.primaryComponent.version}`
              : ''
          }`
        : '';
      const dependencies =
        summary.dependencyCount !== undefined
          ? `, ${summary.dependencyCount} dependency edges`
          : '';
      return [
        `SBOM (${spec}): ${summary.componentCount} components${primary}${dependencies}`,
      ];
    }
    case 'vulnerabilities': {
      const scanner = summary.scanner ? ` (${summary.scanner})` : '';
      const counts = SEVERITIES.filter(severity => summary.bySeverity[severity])
        .map(severity => `${summary.bySeverity[severity]} ${severity}`)
        .join(', ');
      const lines = [
        `vulnerabilities${scanner}: ${summary.total} total${
          counts ? ` - ${counts}` : ''
        }`,
      ];
      for (const finding of summary.findings.slice(0, LISTED)) {
        const installed = finding.installedVersion
          ? `@${finding.installedVersion}`
          : '';
        let fix = '';
        if (finding.fixedVersion) {
          fix = ` (fixed in ${finding.fixedVersion})`;
        } else if (finding.fixAvailable) {
          fix = ' (fix available)';
        }
        lines.push(
          `  ${finding.severity} ${finding.id} in ${finding.packageName}${installed}${fix}`,
        );
      }
      return [
        ...lines,
        ...more(summary.total, Math.min(LISTED, summary.findings.length)),
      ];
    }
    case 'secrets': {
      const lines = [`secrets (${summary.scanner}): ${summary.total} findings`];
      for (const finding of summary.findings.slice(0, LISTED)) {
        const line = finding.line !== undefined ? `:${finding.line}` : '';
        lines.push(`  ${finding.ruleId} at ${finding.file}${line}`);
      }
      return [
        ...lines,
        ...more(summary.total, Math.min(LISTED, summary.findings.length)),
      ];
    }
    case 'coverage':
      return [
        `coverage: lines ${percent(summary.lineRate)} (${
          summary.linesCovered
        }/${summary.linesValid}), branches ${percent(summary.branchRate)} (${
          summary.branchesCovered
        }/${summary.branchesValid})`,
      ];
    case 'posture': {
      const score =
        summary.score === null ? 'no score' : `score ${summary.score}/10`;
      return [
        `posture (${summary.tool}): ${score}, ${summary.checks.length} checks`,
      ];
    }
    case 'provenance':
      return [
        `provenance (${summary.envelope}): ${summary.subjects.length} subjects${
          summary.builderId ? `, built by ${summary.builderId}` : ''
        }; signature ${summary.signature.status}: ${summary.signature.reason}`,
      ];
    case 'link':
      return [`linked evidence: ${summary.url}`];
    default:
      return [`${(summary as { kind: string }).kind} evidence`];
  }
}
