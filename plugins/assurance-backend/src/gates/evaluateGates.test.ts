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

import { ConfigReader } from '@backstage/config';
import {
  EvidenceFormat,
  EvidenceRecord,
  EvidenceSummary,
} from '@real-app-forever/plugin-assurance-common';
import { evaluateGates } from './evaluateGates';
import { builtInGates } from './gateDefinitions';
import {
  DEFAULT_GATE_POLICY,
  GatePolicy,
  readGatePolicy,
  resolveRiskLevel,
} from './gatePolicy';

const now = new Date('2026-12-03T12:00:00.000Z');
let counter = 0;

function record(
  summary: EvidenceSummary,
  overrides: Partial<EvidenceRecord> = {},
): EvidenceRecord {
  counter += 1;
  const formats: Partial<Record<EvidenceSummary['kind'], EvidenceFormat>> = {
    tests: 'junit',
    'static-analysis': 'sarif',
    sbom: 'cyclonedx-json',
    vulnerabilities: 'npm-audit',
  };
  return {
    id: `e${counter}`,
    entityRef: 'component:default/payments-api',
    format: formats[summary.kind]!,
    fileName: 'report',
    sha256: 'f'.repeat(64),
    size: 1,
    uploadedBy: 'ci',
    uploadedAt: new Date(Date.UTC(2026, 11, 1, 0, counter)).toISOString(),
    summary,
    ...overrides,
  };
}

const tests = (failed: number, errored = 0, total = 10): EvidenceSummary => ({
  kind: 'tests',
  total,
  passed: total - failed - errored,
  failed,
  errored,
  skipped: 0,
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
});

const sarif = (errors: number, warnings = 0): EvidenceSummary => ({
  kind: 'static-analysis',
  tools: ['CodeQL'],
  total: errors + warnings,
  byLevel: { error: errors, warning: warnings, note: 0, none: 0 },
  suppressed: 1,
  results: Array.from({ length: errors }, () => ({
    ruleId: 'js/sql-injection',
    level: 'error' as const,
    message: 'query built from user input',
    location: 'src/db.ts:12',
  })),
});

const audit = (
  critical: number,
  high: number,
  medium = 0,
): EvidenceSummary => ({
  kind: 'vulnerabilities',
  total: critical + high + medium,
  bySeverity: { critical, high, medium, low: 0, info: 0, unknown: 0 },
  findings: [
    ...Array.from({ length: critical }, () => ({
      id: 'GHSA-crit',
      packageName: 'lodash',
      severity: 'critical' as const,
    })),
    ...Array.from({ length: high }, () => ({
      id: 'GHSA-high',
      packageName: 'minimist',
      severity: 'high' as const,
    })),
  ],
});

const bom = (componentCount: number): EvidenceSummary => ({
  kind: 'sbom',
  specVersion: '1.5',
  componentCount,
});

function evaluate(evidence: EvidenceRecord[], policy = DEFAULT_GATE_POLICY) {
  return evaluateGates({
    entityRef: 'component:default/payments-api',
    riskLevel: 'high',
    policy,
    gates: builtInGates,
    evidence,
    now,
  });
}

function gate(evidence: EvidenceRecord[], id: string) {
  return evaluate(evidence).gates.find(g => g.id === id)!;
}

describe('evaluateGates', () => {
  it('marks every required gate missing without evidence, never passed', () => {
    const result = evaluate([]);
    expect(result.riskLevel).toBe('high');
    expect(result.gates.map(g => [g.id, g.status])).toEqual([
      ['unit-tests', 'missing'],
      ['static-analysis', 'missing'],
      ['dependency-scan', 'missing'],
      ['sbom', 'missing'],
    ]);
    for (const g of result.gates) {
      expect(g.remediation).not.toBe('');
      expect(g.evidenceIds).toEqual([]);
      expect(g.evaluatedAt).toBe(now.toISOString());
    }
  });

  it('requires the gates of the risk level, in policy order', () => {
    const result = evaluateGates({
      entityRef: 'component:default/docs',
      riskLevel: 'low',
      policy: DEFAULT_GATE_POLICY,
      gates: builtInGates,
      evidence: [],
      now,
    });
    expect(result.gates.map(g => g.id)).toEqual(['unit-tests']);
  });

  describe('unit-tests', () => {
    it('fails with the failing test names in the reason', () => {
      const result = gate([record(tests(2, 1))], 'unit-tests');
      expect(result.status).toBe('failed');
      expect(result.reason).toBe(
        '2 failed and 1 errored of 10 tests: PaymentTest.rejects bad card 0, PaymentTest.rejects bad card 1, times out 0.',
      );
      expect(result.remediation).toMatch(/Fix the failing tests/);
    });

    it('lists at most three names', () => {
      const result = gate([record(tests(5))], 'unit-tests');
      expect(result.reason).toMatch(/and 2 more\.$/);
    });

    it('fails a report with no test cases', () => {
      const result = gate([record(tests(0, 0, 0))], 'unit-tests');
      expect(result.status).toBe('failed');
      expect(result.reason).toBe('The test report holds no test cases.');
    });

    it('passes and links its evidence', () => {
      const evidence = record(tests(0));
      const result = gate([evidence], 'unit-tests');
      expect(result).toMatchObject({
        status: 'passed',
        reason: 'All 10 tests that ran passed.',
        remediation: '',
        evidenceIds: [evidence.id],
      });
    });

    it('is decided by the newest execution', () => {
      const failing = record(tests(1), { executionId: 'run-1' });
      const passing = record(tests(0), { executionId: 'run-2' });
      expect(gate([failing, passing], 'unit-tests').status).toBe('passed');
      expect(
        gate(
          [passing, record(tests(1), { executionId: 'run-3' })],
          'unit-tests',
        ).status,
      ).toBe('failed');
    });

    it('adds up every report of the newest execution', () => {
      const a = record(tests(0), { executionId: 'run-2' });
      const b = record(tests(1), { executionId: 'run-2' });
      const result = gate([a, b], 'unit-tests');
      expect(result.status).toBe('failed');
      expect(result.reason).toMatch(/of 20 tests/);
      expect(result.evidenceIds.sort()).toEqual([a.id, b.id].sort());
    });
  });

  describe('static-analysis', () => {
    it('fails on an unsuppressed error-level result', () => {
      const result = gate([record(sarif(1, 3))], 'static-analysis');
      expect(result.status).toBe('failed');
      expect(result.reason).toBe(
        '1 unsuppressed error-level result: js/sql-injection at src/db.ts:12.',
      );
    });

    it('passes with only warnings', () => {
      const result = gate([record(sarif(0, 3))], 'static-analysis');
      expect(result.status).toBe('passed');
      expect(result.reason).toBe(
        'No unsuppressed error-level results (3 warnings, 1 suppressed).',
      );
    });
  });

  describe('dependency-scan', () => {
    it('fails on critical or high vulnerabilities', () => {
      const result = gate([record(audit(1, 2))], 'dependency-scan');
      expect(result.status).toBe('failed');
      expect(result.reason).toBe(
        '1 critical and 2 high vulnerabilities: GHSA-crit in lodash, GHSA-high in minimist, GHSA-high in minimist.',
      );
    });

    it('passes with medium ones and says so', () => {
      const result = gate([record(audit(0, 0, 4))], 'dependency-scan');
      expect(result.status).toBe('passed');
      expect(result.reason).toBe(
        'No critical or high vulnerabilities (4 medium).',
      );
    });
  });

  describe('sbom', () => {
    it('fails an empty SBOM and passes one with components', () => {
      expect(gate([record(bom(0))], 'sbom').status).toBe('failed');
      expect(gate([record(bom(1))], 'sbom')).toMatchObject({
        status: 'passed',
        reason: 'The SBOM lists 1 component.',
      });
    });
  });

  it('answers unknown when the evidence has facts of another kind', () => {
    const wrong = record(bom(3), { format: 'junit' });
    expect(gate([wrong], 'unit-tests').status).toBe('unknown');
  });

  it('answers unknown for a gate the policy names but nobody provides', () => {
    const policy: GatePolicy = {
      ...DEFAULT_GATE_POLICY,
      requiredGates: { ...DEFAULT_GATE_POLICY.requiredGates, high: ['fuzz'] },
    };
    expect(evaluate([], policy).gates).toEqual([
      expect.objectContaining({ id: 'fuzz', status: 'unknown' }),
    ]);
  });

  it('is pure: the same input gives the same output', () => {
    const evidence = [record(tests(1)), record(sarif(0)), record(bom(2))];
    expect(evaluate(evidence)).toEqual(evaluate([...evidence].reverse()));
  });
});

describe('readGatePolicy', () => {
  const knownGates = new Set(builtInGates.keys());

  it('uses the defaults when config is silent', () => {
    expect(
      readGatePolicy({ config: new ConfigReader({}), knownGates }),
    ).toEqual(DEFAULT_GATE_POLICY);
  });

  it('reads the levels from config', () => {
    const config = new ConfigReader({
      assurance: {
        gatePolicy: {
          defaultRiskLevel: 'low',
          riskLevels: { low: { requiredGates: ['sbom', 'sbom'] } },
        },
      },
    });
    const policy = readGatePolicy({ config, knownGates });
    expect(policy.defaultRiskLevel).toBe('low');
    expect(policy.requiredGates.low).toEqual(['sbom']);
    expect(policy.requiredGates.high).toEqual(
      DEFAULT_GATE_POLICY.requiredGates.high,
    );
  });

  it('names the key at fault', () => {
    const config = new ConfigReader({
      assurance: {
        gatePolicy: {
          riskLevels: { medium: { requiredGates: ['unit-tests', 'lint!'] } },
        },
      },
    });
    expect(() => readGatePolicy({ config, knownGates })).toThrow(
      "Invalid gate policy in app-config: assurance.gatePolicy.riskLevels.medium.requiredGates.1: unknown gate 'lint!', known gates are unit-tests, static-analysis, dependency-scan, sbom",
    );
    expect(() =>
      readGatePolicy({
        config: new ConfigReader({
          assurance: { gatePolicy: { defaultRiskLevel: 'extreme' } },
        }),
        knownGates,
      }),
    ).toThrow(/assurance\.gatePolicy\.defaultRiskLevel/);
  });
});

describe('resolveRiskLevel', () => {
  it('reads the annotation, defaults when absent, and is strict on typos', () => {
    const policy = {
      ...DEFAULT_GATE_POLICY,
      defaultRiskLevel: 'medium' as const,
    };
    expect(resolveRiskLevel({ annotation: 'Low', policy })).toBe('low');
    expect(resolveRiskLevel({ annotation: undefined, policy })).toBe('medium');
    expect(resolveRiskLevel({ annotation: 'lwo', policy })).toBe('high');
  });
});
