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
 * Helpers the built-in gates share: reading summaries, wording verdicts.
 */

import {
  EvidenceRecord,
  EvidenceSummary,
} from '@real-app-forever/plugin-assurance-common';
import { GateVerdict } from '@real-app-forever/plugin-assurance-node';

/** How many names a reason lists before it says "and N more". */
const LISTED = 3;

/** `a, b, c and 2 more`. */
export function listNames(names: string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED
    ? `${shown} and ${names.length - LISTED} more`
    : shown;
}

/** `1 result`, `3 results`. */
export function counted(count: number, singular: string, pluralForm?: string) {
  return `${count} ${count === 1 ? singular : pluralForm ?? `${singular}s`}`;
}

export function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * The summaries of the evidence when every one is of the kind, else
 * undefined (evidence kept as a link, or facts of another kind).
 */
export function summariesOf<K extends EvidenceSummary['kind']>(
  evidence: EvidenceRecord[],
  kind: K,
): Array<Extract<EvidenceSummary, { kind: K }>> | undefined {
  const summaries = evidence.map(e => e.summary);
  return summaries.every(s => s?.kind === kind)
    ? (summaries as Array<Extract<EvidenceSummary, { kind: K }>>)
    : undefined;
}

/** The verdict when the stored facts are not what the gate reads. */
export function unreadable(gateId: string): GateVerdict {
  return {
    status: 'unknown',
    reason: `The stored evidence has no facts that the ${gateId} gate can read.`,
    remediation:
      'Upload the report itself (not a link to it) so that it is parsed, or upload it again so that it is parsed anew.',
  };
}

export function passed(reason: string): GateVerdict {
  return { status: 'passed', reason, remediation: '' };
}

/** `12.3%` for a rate of 0.1234. */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
