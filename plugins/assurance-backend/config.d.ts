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

    /** Gate overrides. */
    overrides?: {
      /**
       * Days before an approved override ends that the entity's owners are
       * notified (once); they are notified again when it lapses. Default 3.
       */
      notifyDaysBefore?: number;
    };

    /**
     * Promotion rule per environment: names from `assurance.environments`,
     * or lower-case names that only some entities'
     * `real-app-forever.dev/environments` annotations use (e.g. `qa`).
     * Left out: requiredGates = the effective policy's required gates there;
     * requirePreviousStage = true except for the first stage;
     * requireApproval = true for `prod` only.
     */
    environmentRules?: {
      [environment: string]: {
        requiredGates?: string[];
        requirePreviousStage?: boolean;
        requireApproval?: boolean;
      };
    };

    /** Days before a pending promotion approval lapses. Default 7. */
    promotionApprovalDays?: number;

    /**
     * The environments that gate policy, drift and releases know, in
     * promotion order; the last is production. Defaults to dev, staging,
     * prod.
     *
     * An entity may name its own with the annotation
     * `real-app-forever.dev/environments`, a comma-separated ordered list
     * such as `dev, qa, staging, prod` (names: lower-case letters, digits
     * and `-`, starting with a letter, at most 63 characters). It replaces
     * this list for that entity. An invalid annotation is ignored: the
     * entity keeps this list, and its environments answer says why.
     */
    environments?: string[];

    /**
     * Gate policy, in layers from lowest to highest: the platform's
     * (`gates`, then `riskLevels`), the owning group's (`groups`), the
     * system's (`systems`), the profile or inline policy named by the
     * entity's `real-app-forever.dev/gate-policy` annotation (`profiles`),
     * and the environment's (`environments`). A higher layer may add gates
     * and tighten settings. Unless `allowLowering` is true, a layer here
     * that loosens a platform setting stops the backend at startup, and an
     * annotation that does is refused.
     */
    gatePolicy?: {
      /**
       * The risk level of entities without a valid
       * `real-app-forever.dev/risk-level` annotation. Defaults to `high`.
       */
      defaultRiskLevel?: 'low' | 'medium' | 'high';
      /** Let higher layers loosen settings. Defaults to false. */
      allowLowering?: boolean;
      /** The longest a gate override may last, in days. Defaults to 30. */
      maxOverrideDays?: number;
      /** Platform settings per gate id, for every risk level. */
      gates?: { [gateId: string]: AssuranceGateSettings };
      /**
       * The gates each risk level requires, in order, and its settings (over
       * `gates`). Defaults: low requires unit-tests; medium adds
       * static-analysis and dependency-scan; high adds sbom.
       */
      riskLevels?: {
        low?: AssuranceGatePolicyLayer;
        medium?: AssuranceGatePolicyLayer;
        high?: AssuranceGatePolicyLayer;
      };
      /** Layers per owning group, by entity ref, e.g. `group:default/team-payments`. */
      groups?: { [groupRef: string]: AssuranceGatePolicyLayer };
      /** Layers per system, by entity ref, e.g. `system:default/payments-platform`. */
      systems?: { [systemRef: string]: AssuranceGatePolicyLayer };
      /** Named layers that an entity's gate-policy annotation can pick. */
      profiles?: { [name: string]: AssuranceGatePolicyLayer };
      /** Layers per environment, applied when policy is asked for one. */
      environments?: { [environment: string]: AssuranceGatePolicyLayer };
    };
  };
}

/** One layer of gate policy: the gates it adds and the settings it sets. */
interface AssuranceGatePolicyLayer {
  /** Gates this layer requires, added to those of the layers below. */
  requiredGates?: string[];
  /** Settings per gate id. */
  gates?: { [gateId: string]: AssuranceGateSettings };
}

/** Thresholds of one gate; every key is optional. */
interface AssuranceGateSettings {
  /** Evidence older than this many days counts as missing. */
  freshnessDays?: number;
  /** dependency-scan: the most severe finding allowed. Defaults to medium. */
  maxSeverity?:
    | 'none'
    | 'info'
    | 'low'
    | 'medium'
    | 'high'
    | 'critical'
    | 'unknown';
  /** dependency-scan: the most findings allowed per severity. */
  maxFindings?: {
    critical?: number;
    high?: number;
    medium?: number;
    low?: number;
    info?: number;
    unknown?: number;
  };
  /** lint: the most error-level results allowed. Defaults to 0. */
  maxErrors?: number;
  /** lint: the most warnings allowed. Defaults to no limit. */
  maxWarnings?: number;
  /** coverage: the lowest line rate allowed, 0..1. Defaults to 0.6. */
  minLineRate?: number;
  /** scorecard: the lowest OpenSSF Scorecard score, 0..10. Defaults to 5. */
  minScore?: number;
  /** provenance: require a verified signature. Defaults to true at high. */
  requireVerifiedSignature?: boolean;
  /** integration-tests, smoke-test: a regular expression over suite names. */
  suitePattern?: string;
}
