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
  EffectivePolicy,
  EntityGates,
  EvidenceRecord,
  GateOverride,
  GateResult,
  GateSettings,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { applyOverride } from './applyOverride';
import { isLinkedTo, shortDigest } from './digests';
import { newestDeclaredDigest, newestExecution } from './newestEvidence';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Computes the verdict of every gate the effective policy requires, in the
 * policy's order.
 *
 * This is the one place where verdicts are made. It is pure: the same
 * policy, evidence, overrides and time give the same answer.
 *
 * For each gate: the evidence of its formats (only evidence linked to the
 * artifact, when a digest is given), narrowed by the gate's `select`; the
 * newest of it decides, together with every other picked file from the
 * same execution (a pipeline run may upload one report per package).
 * Evidence older than the gate's `freshnessDays` counts as missing. An
 * approved, unexpired override turns a gate that did not pass into
 * `overridden`.
 */
export function evaluateGates(options: {
  entityRef: string;
  policy: EffectivePolicy;
  gates: ReadonlyMap<string, GateDefinition>;
  evidence: EvidenceRecord[];
  overrides: GateOverride[];
  /** Evaluate for this artifact only: `algorithm:hex`. */
  digest?: string;
  now: Date;
}): EntityGates {
  const { policy, now } = options;
  const digest = options.digest?.toLocaleLowerCase('en-US');
  const evidence = digest
    ? options.evidence.filter(e => isLinkedTo(e, digest))
    : options.evidence;
  const settingsByGate = Object.fromEntries(
    Object.keys(policy.gates).map(id => [id, settingsOf(policy, id)]),
  );
  const latestDeclaredDigest = digest
    ? undefined
    : newestDeclaredDigest(evidence);

  const results = policy.requiredGates.map(({ value: gateId }) => {
    const result = evaluateGate({
      gateId,
      gate: options.gates.get(gateId),
      gates: options.gates,
      evidence,
      settingsByGate,
      policy,
      digest,
      latestDeclaredDigest,
      now,
    });
    return applyOverride({
      result,
      overrides: options.overrides,
      entityRef: options.entityRef,
      digest,
      now,
    });
  });

  const next = results.find(
    r => r.status !== 'passed' && r.status !== 'overridden',
  );
  return {
    entityRef: options.entityRef,
    riskLevel: policy.riskLevel,
    ...(digest ? { digest } : {}),
    ...(policy.environment ? { environment: policy.environment } : {}),
    policyVersion: policy.version,
    gates: results,
    ...(next
      ? { nextGate: { id: next.id, title: next.title, status: next.status } }
      : {}),
  };
}

/** A gate's settings in the effective policy, without their sources. */
export function settingsOf(
  policy: EffectivePolicy,
  gateId: string,
): GateSettings {
  return Object.fromEntries(
    Object.entries(policy.gates[gateId] ?? {})
      .filter(([, sourced]) => sourced !== undefined)
      .map(([key, sourced]) => [key, sourced!.value]),
  ) as GateSettings;
}

function evaluateGate(options: {
  gateId: string;
  gate: GateDefinition | undefined;
  gates: ReadonlyMap<string, GateDefinition>;
  evidence: EvidenceRecord[];
  settingsByGate: Record<string, GateSettings>;
  policy: EffectivePolicy;
  digest?: string;
  latestDeclaredDigest?: string;
  now: Date;
}): GateResult {
  const { gateId, gate, settingsByGate, digest, now } = options;
  const evaluatedAt = now.toISOString();
  if (!gate) {
    return {
      id: gateId,
      title: gateId,
      status: 'unknown',
      reason: `The policy requires the gate '${gateId}', but no such gate is installed.`,
      remediation:
        'Ask the platform team to install the module that provides this gate or to correct the policy.',
      evidenceIds: [],
      evaluatedAt,
    };
  }

  const settings = settingsByGate[gate.id] ?? {};
  const ofFormats = options.evidence.filter(e =>
    gate.formats.includes(e.format),
  );
  const picked = gate.select
    ? gate.select(ofFormats, settings, { settingsByGate })
    : ofFormats;
  const relevant = newestExecution(picked);
  const missing = (reason: string) => ({
    id: gate.id,
    title: gate.title,
    status: 'missing' as const,
    reason,
    remediation: gate.missingRemediation,
    evidenceIds: [],
    evaluatedAt,
  });

  if (relevant.length === 0) {
    const what = `${gate.formats.join(' or ')} evidence`;
    const where = digest
      ? `linked to the artifact ${shortDigest(digest)}`
      : 'for this entity';
    return missing(
      ofFormats.length === 0
        ? `No ${what} has been uploaded ${where}.`
        : `None of the ${what} uploaded ${where} is for this gate${countsFor({
            ...options,
            gate,
            evidence: ofFormats,
          })}.`,
    );
  }

  const newest = relevant[0];
  const ageDays = Math.floor(
    (now.getTime() - Date.parse(newest.uploadedAt)) / DAY_MS,
  );
  if (
    settings.freshnessDays !== undefined &&
    ageDays > settings.freshnessDays
  ) {
    return {
      ...missing(
        `The newest evidence is ${ageDays} days old; the policy accepts ${settings.freshnessDays}.`,
      ),
      remediation: `Upload a report from a recent pipeline run. ${gate.missingRemediation}`,
      evidenceUploadedAt: newest.uploadedAt,
    };
  }

  let verdict: Pick<GateResult, 'status' | 'reason' | 'remediation'>;
  try {
    verdict = gate.evaluate(relevant, {
      settings,
      riskLevel: options.policy.riskLevel,
      digest,
      latestDeclaredDigest: options.latestDeclaredDigest,
      now,
    });
  } catch (error) {
    // A gate from a module must not take every other verdict down with it.
    verdict = {
      status: 'unknown',
      reason: `The gate's rule failed: ${String(
        (error as Error)?.message ?? error,
      )}`,
      remediation: 'Ask the platform team to fix the module of this gate.',
    };
  }
  return {
    id: gate.id,
    title: gate.title,
    status: verdict.status,
    reason: verdict.reason,
    remediation: verdict.remediation,
    evidenceIds: relevant.map(e => e.id),
    evidenceUploadedAt: newest.uploadedAt,
    evaluatedAt,
  };
}

/**
 * ": it counts for Lint" when other gates pick the evidence a gate left
 * aside (a linter's SARIF is not static analysis), else nothing.
 */
function countsFor(options: {
  gate: GateDefinition;
  gates: ReadonlyMap<string, GateDefinition>;
  evidence: EvidenceRecord[];
  settingsByGate: Record<string, GateSettings>;
}): string {
  const { gate, evidence, settingsByGate } = options;
  const others = [...options.gates.values()].filter(other => {
    const ofFormats = evidence.filter(e => other.formats.includes(e.format));
    return (
      other.id !== gate.id &&
      ofFormats.length > 0 &&
      (!other.select ||
        other.select(ofFormats, settingsByGate[other.id] ?? {}, {
          settingsByGate,
        }).length > 0)
    );
  });
  return others.length > 0
    ? `: it counts for ${others.map(other => other.title).join(' or ')}`
    : '';
}
