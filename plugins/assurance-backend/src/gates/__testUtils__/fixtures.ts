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
 * Evidence, summaries and policies for gate tests.
 */

import {
  EffectivePolicy,
  EvidenceFormat,
  EvidenceRecord,
  EvidenceSummary,
  GateOverride,
  GateSettings,
  RiskLevel,
  SourcedValue,
} from '@real-app-forever/plugin-assurance-common';
import {
  GateDefinition,
  GateEvaluationContext,
} from '@real-app-forever/plugin-assurance-node';

export const ENTITY = 'component:default/payments-api';
export const NOW = new Date('2026-12-03T12:00:00.000Z');
export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;

const FORMATS: Record<EvidenceSummary['kind'], EvidenceFormat> = {
  tests: 'junit',
  'static-analysis': 'sarif',
  sbom: 'cyclonedx-json',
  vulnerabilities: 'npm-audit',
  secrets: 'gitleaks-json',
  coverage: 'lcov',
  posture: 'scorecard-json',
  provenance: 'provenance',
  link: 'junit',
};

let counter = 0;

/**
 * A record uploaded `daysAgo` days before NOW (default: within the last
 * day, later records newer).
 */
export function record(
  summary: EvidenceSummary,
  overrides: Partial<EvidenceRecord> & { daysAgo?: number } = {},
): EvidenceRecord {
  counter += 1;
  const { daysAgo, ...rest } = overrides;
  const uploadedAt =
    daysAgo === undefined
      ? new Date(NOW.getTime() - 60 * 60 * 1000 + counter * 1000)
      : new Date(NOW.getTime() - daysAgo * 24 * 60 * 60 * 1000);
  return {
    id: `e${String(counter).padStart(4, '0')}`,
    entityRef: ENTITY,
    format: FORMATS[summary.kind],
    fileName: 'report',
    sha256: 'f'.repeat(64),
    size: 1,
    uploadedBy: 'ci',
    uploadedAt: uploadedAt.toISOString(),
    summary,
    ...rest,
  };
}

export function tests(
  failed: number,
  options: { errored?: number; total?: number; suites?: string[] } = {},
): EvidenceSummary {
  const { errored = 0, total = 10, suites } = options;
  return {
    kind: 'tests',
    total,
    passed: total - failed - errored,
    failed,
    errored,
    skipped: 0,
    ...(suites ? { suites } : {}),
    failures: [
      ...Array.from({ length: failed }, (_, i) => ({
        name: `rejects bad card ${i}`,
        classname: 'PaymentTest',
        type: 'failure' as const,
      })),
      ...Array.from({ length: errored }, (_, i) => ({
        name: `times out ${i}`,
        type: 'error' as const,
      })),
    ],
  };
}

export function analysis(
  errors: number,
  options: { warnings?: number; tools?: string[]; ruleId?: string } = {},
): EvidenceSummary {
  const {
    warnings = 0,
    tools = ['CodeQL'],
    ruleId = 'js/sql-injection',
  } = options;
  return {
    kind: 'static-analysis',
    tools,
    total: errors + warnings,
    byLevel: { error: errors, warning: warnings, note: 0, none: 0 },
    suppressed: 1,
    results: [
      ...Array.from({ length: errors }, () => ({
        ruleId,
        level: 'error' as const,
        message: 'query built from user input',
        location: 'src/db.ts:12',
      })),
      ...Array.from({ length: warnings }, () => ({
        ruleId: 'no-console',
        level: 'warning' as const,
        message: 'unexpected console statement',
        location: 'src/log.ts:3',
      })),
    ],
  };
}

export function vulnerabilities(
  counts: Partial<Record<'critical' | 'high' | 'medium' | 'low', number>>,
): EvidenceSummary {
  const { critical = 0, high = 0, medium = 0, low = 0 } = counts;
  const findings = (
    [
      ['critical', critical, 'GHSA-crit', 'lodash'],
      ['high', high, 'GHSA-high', 'minimist'],
      ['medium', medium, 'GHSA-med', 'qs'],
      ['low', low, 'GHSA-low', 'debug'],
    ] as const
  ).flatMap(([severity, count, id, packageName]) =>
    Array.from({ length: count }, () => ({ id, packageName, severity })),
  );
  return {
    kind: 'vulnerabilities',
    total: findings.length,
    bySeverity: { critical, high, medium, low, info: 0, unknown: 0 },
    findings,
  };
}

export function bom(componentCount: number): EvidenceSummary {
  return { kind: 'sbom', specVersion: '1.5', componentCount };
}

export function provenance(
  digests: string[],
  status: 'verified' | 'unverified' | 'failed' = 'verified',
): EvidenceSummary {
  return {
    kind: 'provenance',
    envelope: 'dsse',
    subjects: digests.map(digest => {
      const [algorithm, hex] = digest.split(':');
      return { name: 'payments-api.tgz', digest: { [algorithm]: hex } };
    }),
    builderId: 'https://github.com/actions/runner',
    signature: {
      status,
      reason:
        status === 'verified'
          ? 'signature verified with trusted key "release key"'
          : 'no trusted key is configured',
    },
  };
}

/**
 * An effective policy from the platform layer: the gates in order, and
 * settings per gate.
 */
export function effectivePolicy(
  options: {
    requiredGates?: string[];
    gates?: Record<string, GateSettings>;
    riskLevel?: RiskLevel;
    environment?: string;
  } = {},
): EffectivePolicy {
  const source = { layer: 'platform' as const };
  const sourced = <T>(value: T): SourcedValue<T> => ({ value, source });
  return {
    entityRef: ENTITY,
    riskLevel: options.riskLevel ?? 'high',
    ...(options.environment ? { environment: options.environment } : {}),
    version: 'v-test',
    requiredGates: (options.requiredGates ?? []).map(sourced),
    gates: Object.fromEntries(
      Object.entries(options.gates ?? {}).map(([id, settings]) => [
        id,
        Object.fromEntries(
          Object.entries(settings).map(([key, value]) => [key, sourced(value)]),
        ),
      ]),
    ),
    maxOverrideDays: 30,
    refused: [],
  };
}

export function override(fields: Partial<GateOverride> = {}): GateOverride {
  return {
    id: 'o1',
    entityRef: ENTITY,
    gateId: 'dependency-scan',
    reason: 'Fix ships with the vendor patch next sprint',
    requestedBy: 'user:default/ada',
    requestedAt: '2026-12-01T09:00:00.000Z',
    expiresAt: '2026-12-20T00:00:00.000Z',
    status: 'approved',
    decidedBy: 'user:default/grace',
    decidedAt: '2026-12-01T10:00:00.000Z',
    ...fields,
  };
}

/**
 * Runs one gate's rule the way evaluateGates does: select among the
 * evidence, then evaluate the newest. For unit tests of single gates.
 */
export function runGate(
  gate: GateDefinition,
  evidence: EvidenceRecord[],
  context: Partial<GateEvaluationContext> = {},
) {
  const settings = context.settings ?? {};
  const picked = gate.select
    ? gate.select(evidence, settings, { settingsByGate: {} })
    : evidence;
  if (picked.length === 0) {
    throw new Error(`${gate.id} picked none of the evidence`);
  }
  return gate.evaluate(picked, {
    riskLevel: 'medium',
    now: NOW,
    ...context,
    settings,
  });
}
