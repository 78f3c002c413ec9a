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
import { EvidenceParserInput, EvidenceRefusedError } from '../../types';
import { errorMessage, isRecord } from '../parserUtils';
import { looksLikeJson, readJson } from '../readJson';
import { readDsseEnvelope } from './dsse';
import { isStatement, readStatement, Subject } from './inToto';
import { isSigstoreBundle, readSigstoreBundle } from './sigstoreBundle';
import { SignatureCheck, SignatureVerifier } from './verify';

/** What {@link readJsonLine} answers for a line that is not JSON. */
const none = Symbol('none');

/** Most JSON Lines documents one file may hold. */
export const MAX_DOCUMENTS = 200;

/** One attestation of a provenance file, read. */
export interface ProvenanceReading {
  /** Where in the file, e.g. `line 2` or `attestation 1`. */
  label?: string;
  envelope: ProvenanceSummary['envelope'];
  predicateType?: string;
  subjects: Subject[];
  predicate?: unknown;
  signature: SignatureCheck;
}

const BARE_STATEMENT: SignatureCheck = {
  status: 'unverified',
  reason: 'a bare statement carries no signature',
};

/**
 * The JSON documents of a file: one, or one a line for JSON Lines (as
 * `cosign` and `gh attestation download` write them).
 */
export function readDocuments(
  input: EvidenceParserInput,
): Array<{ value: unknown; label?: string }> {
  try {
    return [{ value: readJson(input) }];
  } catch (error) {
    const lines = input.text
      .split(/\r?\n/)
      .map((text, index) => ({ text, label: `line ${index + 1}` }))
      .filter(line => line.text.trim() !== '');
    // Only a file whose first line is JSON of its own is JSON Lines; for
    // anything else, the error of the whole file says more.
    const first =
      lines.length > 1
        ? readJsonLine({ fileName: input.fileName, text: lines[0].text })
        : none;
    if (first === none) {
      throw error;
    }
    if (lines.length > MAX_DOCUMENTS) {
      throw new EvidenceRefusedError(
        `a JSON Lines file may hold at most ${MAX_DOCUMENTS} documents; this one has ${lines.length}`,
      );
    }
    return lines.map(({ text, label }, index) =>
      labelled(label, () => ({
        value:
          index === 0 ? first : readJson({ fileName: input.fileName, text }),
        label,
      })),
    );
  }
}

/** Whether a parsed document looks like provenance, for detection. */
export function looksLikeProvenance(value: unknown): boolean {
  return (
    isStatement(value) ||
    isDsseEnvelope(value) ||
    isSigstoreBundle(value) ||
    isAttestationList(value)
  );
}

/**
 * Reads one document: a bare statement, a DSSE envelope, a Sigstore bundle
 * or an attestation list (`{ attestations: [{ bundle }] }`, as the npm
 * registry and the GitHub attestations API answer), checking signatures.
 */
export function readProvenanceDocument(options: {
  value: unknown;
  label?: string;
  fileName: string;
  verifier: SignatureVerifier;
}): ProvenanceReading[] {
  const { value, label, fileName, verifier } = options;
  return labelled(label, () => {
    if (isStatement(value)) {
      const statement = readStatement({ value, where: 'the statement' });
      return [
        {
          label,
          envelope: 'statement',
          ...statement,
          signature: BARE_STATEMENT,
        },
      ];
    }
    if (isDsseEnvelope(value)) {
      const { statement, signedBytes, signatures } = readDsseEnvelope({
        value,
        fileName,
      });
      const signature = verifier.check({ signedBytes, signatures });
      return [{ label, envelope: 'dsse', ...statement, signature }];
    }
    if (isSigstoreBundle(value)) {
      return [readBundle({ value, label, fileName, verifier })];
    }
    if (isRecord(value) && Array.isArray(value.attestations)) {
      if (value.attestations.length === 0) {
        throw new EvidenceRefusedError('the attestation list is empty');
      }
      return value.attestations.map((attestation, index) => {
        const where = `attestation ${index + 1}`;
        const bundle = isRecord(attestation) ? attestation.bundle : undefined;
        return labelled(where, () =>
          readBundle({
            value: bundle,
            label: label ? `${label}, ${where}` : where,
            fileName,
            verifier,
          }),
        );
      });
    }
    throw new EvidenceRefusedError(
      'not provenance: expected an in-toto statement, a DSSE envelope, a Sigstore bundle or an attestation list',
    );
  });
}

function readBundle(options: {
  value: unknown;
  label?: string;
  fileName: string;
  verifier: SignatureVerifier;
}): ProvenanceReading {
  const { value, label, fileName, verifier } = options;
  if (!isSigstoreBundle(value)) {
    throw new EvidenceRefusedError(
      'not a Sigstore bundle: expected a mediaType of application/vnd.dev.sigstore.bundle',
    );
  }
  const bundle = readSigstoreBundle({ value, fileName });
  if (bundle.kind === 'message-signature') {
    const { subjects, signature } = bundle;
    return { label, envelope: 'sigstore-bundle', subjects, signature };
  }
  const { statement, signedBytes, signatures } = bundle.envelope;
  return {
    label,
    envelope: 'sigstore-bundle',
    ...statement,
    signature: verifier.check({ signedBytes, signatures }),
  };
}

function isDsseEnvelope(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.payloadType === 'string' &&
    typeof value.payload === 'string'
  );
}

function isAttestationList(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.attestations)) {
    return false;
  }
  const first: unknown = value.attestations[0];
  return isRecord(first) && isSigstoreBundle(first.bundle);
}

/** A line's JSON value, or `none` when the line is not JSON. */
function readJsonLine(line: EvidenceParserInput): unknown {
  if (!looksLikeJson(line.text)) {
    return none;
  }
  try {
    return readJson(line);
  } catch {
    return none;
  }
}

/** Runs a step, prefixing its refusal with where in the file it was. */
function labelled<T>(label: string | undefined, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (label && error instanceof EvidenceRefusedError) {
      throw new EvidenceRefusedError(
        `${label}: ${errorMessage(error)}`,
        error.cause ?? error,
      );
    }
    throw error;
  }
}
