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

export interface Config {
  /** Configuration of the assurance plugin. */
  assurance?: {
    /**
     * The largest evidence file accepted, in bytes. Larger uploads are
     * answered 413. Defaults to 20971520 (20 MB).
     */
    maxUploadBytes?: number;

    /**
     * Upload the files under examples/evidence when the backend starts, for
     * the local dev portal. Defaults to false.
     */
    seedExampleEvidence?: boolean;

    /**
     * How long evidence is kept. Evidence older than its format's number of
     * days is deleted by a job every six hours, except the newest execution
     * of each format per entity. Without numbers, evidence is kept forever.
     */
    retention?: {
      /** Days to keep evidence of formats without a number of their own. */
      defaultDays?: number;
      /** Days to keep evidence, per format, e.g. `junit: 90`. */
      formats?: { [format: string]: number };
      /**
       * Days an entity may be missing from the catalog before its evidence
       * is purged. Defaults to 30.
       */
      orphanGraceDays?: number;
    };

    /** Build provenance: in-toto statements, DSSE envelopes, Sigstore bundles. */
    provenance?: {
      /**
       * Public keys that provenance signatures are checked against. A key with
       * a keyId is tried only on signatures that name that keyid; if it does
       * not verify, the signature is `failed`. A key without a keyId is tried
       * on every other signature. Keyless (Fulcio certificate) signatures stay
       * `unverified` unless a key here verifies them. Defaults to none: every
       * signature is `unverified`.
       */
      trustedKeys?: Array<{
        /** The keyid that signatures name (DSSE `keyid`, Sigstore `publicKey.hint`). */
        keyId?: string;
        /** Shown in verification reasons. */
        name?: string;
        /** The public key or a certificate, PEM-encoded. Never a private key. */
        publicKey: string;
      }>;
    };

    /** Which gates each risk level requires. */
    gatePolicy?: {
      /**
       * The risk level of entities without a valid
       * `real-app-forever.dev/risk-level` annotation. Defaults to `high`, so
       * that an unlabelled entity gets the strictest gates.
       */
      defaultRiskLevel?: 'low' | 'medium' | 'high';

      /**
       * The gates each risk level requires, in the order they are shown.
       * Known gates: unit-tests, static-analysis, dependency-scan, sbom.
       * Defaults: low requires unit-tests; medium adds static-analysis and
       * dependency-scan; high adds sbom.
       */
      riskLevels?: {
        low?: { requiredGates?: string[] };
        medium?: { requiredGates?: string[] };
        high?: { requiredGates?: string[] };
      };
    };
  };
}
