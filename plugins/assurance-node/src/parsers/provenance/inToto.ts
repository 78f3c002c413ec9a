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

import { ProvenanceSummary } from '@real-app-forever/plugin-assurance-common';
import { EvidenceRefusedError } from '../../types';
import { isRecord } from '../parserUtils';

/** Most subjects a summary keeps; provenance lists one per built file. */
export const MAX_PROVENANCE_SUBJECTS = 10_000;

/** What an in-toto Statement `_type` starts with (v0.1, v1). */
const STATEMENT_TYPE_PREFIX = 'https://in-toto.io/Statement/';

/** The attestation subjects: names and digests. */
export type Subject = ProvenanceSummary['subjects'][number];

/** An in-toto statement, read. */
export interface InTotoStatement {
  predicateType?: string;
  subjects: Subject[];
  predicate?: unknown;
}

/** Whether a parsed JSON value declares itself an in-toto statement. */
export function isStatement(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value._type === 'string' &&
    value._type.startsWith(STATEMENT_TYPE_PREFIX)
  );
}

/**
 * Reads an in-toto statement (v0.1 or v1). Refuses one without a subject
 * that has a digest: provenance is matched to artifacts by digest.
 */
export function readStatement(options: {
  value: unknown;
  /** What is read, for refusals, e.g. `the DSSE payload`. */
  where: string;
}): InTotoStatement {
  const { value, where } = options;
  if (!isStatement(value) || !isRecord(value)) {
    throw new EvidenceRefusedError(
      `${where} is not an in-toto statement: expected _type '${STATEMENT_TYPE_PREFIX}v1' or 'v0.1'`,
    );
  }
  if (!Array.isArray(value.subject) || value.subject.length === 0) {
    throw new EvidenceRefusedError(
      `${where} is an in-toto statement without subjects`,
    );
  }
  const subjects = dedupeSubjects(
    value.subject.flatMap(item => {
      const subject = readSubject(item);
      return subject ? [subject] : [];
    }),
  );
  if (subjects.length === 0) {
    throw new EvidenceRefusedError(
      `${where} is an in-toto statement without a subject digest`,
    );
  }
  return {
    predicateType:
      typeof value.predicateType === 'string' && value.predicateType !== ''
        ? value.predicateType
        : undefined,
    subjects,
    predicate: value.predicate,
  };
}

/**
 * Reads a digest set: algorithm names to values. Hex values are lower-cased
 * so that they compare with artifact digests. Algorithm names that are not
 * plain words (`__proto__` included) are dropped.
 */
export function readDigestSet(value: unknown): Record<string, string> {
  if (!isRecord(value)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value).flatMap(([algorithm, digest]) =>
      /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(algorithm) &&
      typeof digest === 'string' &&
      digest.trim() !== ''
        ? [[algorithm, normaliseDigest(digest.trim())]]
        : [],
    ),
  );
}

/**
 * Subjects in first-seen order without repeats (same name and digests),
 * at most {@link MAX_PROVENANCE_SUBJECTS}.
 */
export function dedupeSubjects(subjects: Subject[]): Subject[] {
  const seen = new Set<string>();
  const kept: Subject[] = [];
  for (const subject of subjects) {
    const key = JSON.stringify([
      subject.name,
      Object.entries(subject.digest).sort(([a], [b]) => a.localeCompare(b)),
    ]);
    if (!seen.has(key) && kept.length < MAX_PROVENANCE_SUBJECTS) {
      seen.add(key);
      kept.push(subject);
    }
  }
  return kept;
}

function readSubject(value: unknown): Subject | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const digest = readDigestSet(value.digest);
  if (Object.keys(digest).length === 0) {
    return undefined;
  }
  // in-toto v1 resource descriptors may name a subject by uri only.
  let name = '';
  if (typeof value.name === 'string') {
    name = value.name;
  } else if (typeof value.uri === 'string') {
    name = value.uri;
  }
  return { name, digest };
}

function normaliseDigest(digest: string): string {
  return /^[0-9a-fA-F]+$/.test(digest) ? digest.toLowerCase() : digest;
}
