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

import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { shortDigest, subjectDigests } from '../digests';
import { passed, summariesOf, unreadable } from './support';

/**
 * provenance: build provenance whose subject is the artifact under
 * evaluation. For one artifact that is its digest; for the entity, the
 * newest digest its evidence declared. With `requireVerifiedSignature`
 * (default: at risk level high), the signature must be verified. A
 * signature that was checked and does not match always fails.
 */
export const provenanceGate: GateDefinition = {
  id: 'provenance',
  title: 'Build provenance',
  formats: ['provenance'],
  missingRemediation:
    'Make the build write SLSA provenance for the artifact (for example with the SLSA GitHub generator, `gh attestation` or `cosign attest`) and upload it.',
  evaluate(evidence, { settings, riskLevel, digest, latestDeclaredDigest }) {
    const statements = summariesOf(evidence, 'provenance');
    if (!statements) {
      return unreadable('provenance');
    }
    const target = digest ?? latestDeclaredDigest;
    if (!target) {
      return {
        status: 'unknown',
        reason:
          'No evidence of this entity declares an artifact digest, so the provenance cannot be matched to a build.',
        remediation:
          "Upload the build's evidence with the artifact digest (the digest field), or look at the gates of one artifact.",
      };
    }

    const matching = statements.filter(s => subjectDigests(s).includes(target));
    if (matching.length === 0) {
      const named = [...new Set(statements.flatMap(subjectDigests))]
        .slice(0, 3)
        .map(shortDigest);
      return {
        status: 'failed',
        reason: `No provenance subject has the digest ${shortDigest(target)}${
          named.length > 0
            ? `; the newest provenance names ${named.join(', ')}`
            : ''
        }.`,
        remediation:
          'Upload the provenance that the build of this artifact produced; rebuilding changes the digest, so promote the built artifact rather than building again.',
      };
    }

    const tampered = matching.find(s => s.signature.status === 'failed');
    if (tampered) {
      return {
        status: 'failed',
        reason: `The provenance signature does not verify: ${tampered.signature.reason}.`,
        remediation:
          'Treat the artifact as untrusted: find out who produced this provenance, then rebuild and sign it with a trusted key.',
      };
    }
    const requireVerified =
      settings.requireVerifiedSignature ?? riskLevel === 'high';
    const verified = matching.find(s => s.signature.status === 'verified');
    if (requireVerified && !verified) {
      return {
        status: 'failed',
        reason: `The policy requires a verified signature, and the provenance of ${shortDigest(
          target,
        )} has none: ${matching[0].signature.reason}.`,
        remediation:
          'Sign the provenance with a key the portal trusts (assurance.provenance.trustedKeys) and upload it again.',
      };
    }
    const builder = (verified ?? matching[0]).builderId;
    return passed(
      `The provenance names ${shortDigest(target)} as its subject${
        builder ? `, built by ${builder}` : ''
      }${verified ? ', with a verified signature' : ''}.`,
    );
  },
};
