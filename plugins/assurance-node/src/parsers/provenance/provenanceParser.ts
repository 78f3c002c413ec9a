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
import { EvidenceParser } from '../../types';
import { clipMessage } from '../parserUtils';
import { readJsonObjectOrUndefined } from '../readJson';
import {
  looksLikeProvenance,
  ProvenanceReading,
  readDocuments,
  readProvenanceDocument,
} from './documents';
import { dedupeSubjects } from './inToto';
import { isSlsaProvenance, readSlsaFacts } from './slsa';
import { createSignatureVerifier, SignatureCheck, TrustedKey } from './verify';

/**
 * Reads build provenance: in-toto statements (v0.1, v1) bare, in DSSE
 * envelopes or in Sigstore bundles (v0.1 to v0.3), attestation lists, and
 * JSON Lines files of any of these. DSSE signatures are checked against the
 * trusted keys; a bad signature is a `failed` status, never a refusal.
 *
 * A file of several attestations gives one summary: the subjects of all of
 * them, the facts of the first SLSA provenance statement (else of the first
 * attestation), and a signature status that is `verified` only when every
 * attestation verifies.
 *
 * Throws an error when a trusted key is not a PEM public key.
 *
 * @public
 */
export function createProvenanceParser(options: {
  trustedKeys: TrustedKey[];
}): EvidenceParser {
  const verifier = createSignatureVerifier(options);

  return {
    format: 'provenance',

    detect: input => {
      const json = readJsonObjectOrUndefined(input);
      if (json) {
        return looksLikeProvenance(json);
      }
      // JSON Lines: the first line tells.
      const text = input.text.trimStart();
      const newline = text.search(/\r?\n/);
      if (newline < 0) {
        return false;
      }
      return looksLikeProvenance(
        readJsonObjectOrUndefined({
          fileName: input.fileName,
          text: text.slice(0, newline),
        }),
      );
    },

    parse: input => {
      const readings = readDocuments(input).flatMap(({ value, label }) =>
        readProvenanceDocument({
          value,
          label,
          fileName: input.fileName,
          verifier,
        }),
      );
      return summarise(readings);
    },
  };
}

function summarise(readings: ProvenanceReading[]): ProvenanceSummary {
  const facts =
    readings.find(r => isSlsaProvenance(r.predicateType)) ??
    readings.find(r => r.predicateType !== undefined) ??
    readings[0];
  return {
    kind: 'provenance',
    envelope: facts.envelope,
    ...(facts.predicateType ? { predicateType: facts.predicateType } : {}),
    subjects: dedupeSubjects(readings.flatMap(r => r.subjects)),
    ...readSlsaFacts({
      predicateType: facts.predicateType,
      predicate: facts.predicate,
    }),
    signature: combineSignatureChecks(readings),
  };
}

/**
 * The signature status of a file of several attestations. A file is only
 * as trusted as its weakest attestation, since the summary mixes their
 * facts: one `failed` fails it, and it is `verified` only when every
 * attestation is (bare statements count as unverified).
 */
function combineSignatureChecks(
  checks: Array<{ label?: string; signature: SignatureCheck }>,
): SignatureCheck {
  if (checks.length === 1) {
    return checks[0].signature;
  }
  const where = (check: (typeof checks)[number]) =>
    check.label ? `${check.label}: ` : '';
  const withKeyId = (keyId: string | undefined) => (keyId ? { keyId } : {});

  const failed = checks.find(c => c.signature.status === 'failed');
  if (failed) {
    return {
      status: 'failed',
      reason: `${where(failed)}${failed.signature.reason}`,
      ...withKeyId(failed.signature.keyId),
    };
  }
  const verified = checks.filter(c => c.signature.status === 'verified');
  const unverified = checks.find(c => c.signature.status !== 'verified');
  if (unverified) {
    return {
      status: 'unverified',
      reason: `${verified.length} of ${
        checks.length
      } attestations verified; ${where(unverified)}${
        unverified.signature.reason
      }`,
      ...withKeyId(unverified.signature.keyId),
    };
  }
  const reasons = [...new Set(checks.map(c => c.signature.reason))];
  const keyIds = [...new Set(checks.map(c => c.signature.keyId))];
  return {
    status: 'verified',
    reason:
      clipMessage(
        `all ${checks.length} attestations verified: ${reasons.join('; ')}`,
      ) ?? '',
    ...withKeyId(keyIds.length === 1 ? keyIds[0] : undefined),
  };
}
