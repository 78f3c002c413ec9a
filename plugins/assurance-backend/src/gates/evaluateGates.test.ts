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
  EvidenceRecord,
  GateOverride,
  GateSettings,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { evaluateGates } from './evaluateGates';
import { builtInGates } from './gateDefinitions';
import {
  DIGEST_A,
  DIGEST_B,
  ENTITY,
  NOW,
  analysis,
  bom,
  effectivePolicy,
  override,
  provenance,
  record,
  tests,
  vulnerabilities,
} from './__testUtils__/fixtures';

const HIGH = ['unit-tests', 'static-analysis', 'dependency-scan', 'sbom'];

function evaluate(
  evidence: EvidenceRecord[],
  options: {
    requiredGates?: string[];
    gates?: Record<string, GateSettings>;
    overrides?: GateOverride[];
    digest?: string;
    registry?: ReadonlyMap<string, GateDefinition>;
  } = {},
) {
  return evaluateGates({
    entityRef: ENTITY,
    policy: effectivePolicy({
      requiredGates: options.requiredGates ?? HIGH,
      gates: options.gates,
    }),
    gates: options.registry ?? builtInGates,
    evidence,
    overrides: options.overrides ?? [],
    digest: options.digest,
    now: NOW,
  });
}

function gate(
  evidence: EvidenceRecord[],
  id: string,
  options: Parameters<typeof evaluate>[1] = {},
) {
  return evaluate(evidence, { requiredGates: [id], ...options }).gates[0];
}

describe('evaluateGates', () => {
  it('marks every required gate missing without evidence, never passed', () => {
    const result = evaluate([]);
    expect(result).toMatchObject({
      entityRef: ENTITY,
      riskLevel: 'high',
      policyVersion: 'v-test',
      nextGate: { id: 'unit-tests', title: 'Unit tests', status: 'missing' },
    });
    expect(result.gates.map(g => [g.id, g.status])).toEqual([
      ['unit-tests', 'missing'],
      ['static-analysis', 'missing'],
      ['dependency-scan', 'missing'],
      ['sbom', 'missing'],
    ]);
    for (const g of result.gates) {
      expect(g.remediation).not.toBe('');
      expect(g.evidenceIds).toEqual([]);
      expect(g.evaluatedAt).toBe(NOW.toISOString());
    }
    expect(result.gates[0].reason).toBe(
      'No junit or tap evidence has been uploaded for this entity.',
    );
  });

  it("keeps the policy's order and names its environment", () => {
    const result = evaluateGates({
      entityRef: ENTITY,
      policy: effectivePolicy({
        requiredGates: ['sbom', 'unit-tests'],
        riskLevel: 'low',
        environment: 'prod',
      }),
      gates: builtInGates,
      evidence: [],
      overrides: [],
      now: NOW,
    });
    expect(result).toMatchObject({ riskLevel: 'low', environment: 'prod' });
    expect(result.gates.map(g => g.id)).toEqual(['sbom', 'unit-tests']);
  });

  it('answers unknown for a gate the policy names but nobody provides', () => {
    expect(evaluate([], { requiredGates: ['fuzz'] }).gates).toEqual([
      expect.objectContaining({ id: 'fuzz', status: 'unknown' }),
    ]);
  });

  it('answers unknown, not an error, when a module gate throws', () => {
    const broken: GateDefinition = {
      id: 'broken',
      title: 'Broken',
      formats: ['junit'],
      missingRemediation: 'Upload',
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const result = gate([record(tests(0))], 'broken', {
      registry: new Map([['broken', broken]]),
    });
    expect(result).toMatchObject({
      status: 'unknown',
      reason: "The gate's rule failed: boom",
    });
  });

  it('answers unknown when the evidence has facts of another kind', () => {
    const wrong = record(bom(3), { format: 'junit' });
    expect(gate([wrong], 'unit-tests').status).toBe('unknown');
  });

  it('is pure: the same input gives the same output', () => {
    const evidence = [
      record(tests(1)),
      record(vulnerabilities({ medium: 1 })),
      record(bom(2)),
    ];
    expect(evaluate(evidence)).toEqual(evaluate([...evidence].reverse()));
  });

  describe('executions', () => {
    it('is decided by the newest execution', () => {
      const failing = record(tests(1), { executionId: 'run-1' });
      const passing = record(tests(0), { executionId: 'run-2' });
      expect(gate([failing, passing], 'unit-tests').status).toBe('passed');
      const later = record(tests(1), { executionId: 'run-3' });
      expect(gate([passing, later], 'unit-tests').status).toBe('failed');
    });

    it('adds up every report of the newest execution', () => {
      const a = record(tests(0), { executionId: 'run-2' });
      const b = record(tests(1), { executionId: 'run-2' });
      const result = gate([a, b], 'unit-tests');
      expect(result.status).toBe('failed');
      expect(result.reason).toMatch(/of 20 tests/);
      expect(result.evidenceIds).toEqual([b.id, a.id]);
      expect(result.evidenceUploadedAt).toBe(b.uploadedAt);
    });
  });

  describe('freshness', () => {
    const policy = { gates: { 'unit-tests': { freshnessDays: 30 } } };

    it('counts evidence older than freshnessDays as missing', () => {
      const stale = record(tests(0), { daysAgo: 41 });
      const result = gate([stale], 'unit-tests', policy);
      expect(result).toMatchObject({
        status: 'missing',
        reason: 'The newest evidence is 41 days old; the policy accepts 30.',
        evidenceIds: [],
        evidenceUploadedAt: stale.uploadedAt,
      });
      expect(result.remediation).toMatch(/^Upload a report from a recent/);
    });

    it('accepts evidence of exactly the limit, and any age without one', () => {
      const old = record(tests(0), { daysAgo: 30 });
      expect(gate([old], 'unit-tests', policy).status).toBe('passed');
      const ancient = record(tests(0), { daysAgo: 400 });
      expect(gate([ancient], 'unit-tests').status).toBe('passed');
    });

    it('looks at the newest evidence only', () => {
      const evidence = [
        record(tests(0), { daysAgo: 90 }),
        record(tests(1), { daysAgo: 2 }),
      ];
      expect(gate(evidence, 'unit-tests', policy).status).toBe('failed');
    });

    it('applies to every gate, with its own limit', () => {
      const scan = record(vulnerabilities({}), { daysAgo: 8 });
      const result = gate([scan], 'dependency-scan', {
        gates: { 'dependency-scan': { freshnessDays: 7 } },
      });
      expect(result).toMatchObject({
        status: 'missing',
        reason: 'The newest evidence is 8 days old; the policy accepts 7.',
      });
    });
  });

  describe('declared gate and suite patterns', () => {
    const evidence = [
      record(tests(1, { suites: ['CheckoutIntegrationTest'] })),
      record(tests(0, { suites: ['PaymentTest'] })),
      record(tests(2), { gate: 'smoke-test' }),
    ];
    const all = ['unit-tests', 'integration-tests', 'smoke-test'];

    it('gives each test gate its own reports', () => {
      const result = evaluate(evidence, { requiredGates: all });
      expect(result.gates.map(g => [g.id, g.status, g.evidenceIds])).toEqual([
        ['unit-tests', 'passed', [evidence[1].id]],
        ['integration-tests', 'failed', [evidence[0].id]],
        ['smoke-test', 'failed', [evidence[2].id]],
      ]);
    });

    it('lets the declared gate win over the suite names', () => {
      const declared = record(tests(0, { suites: ['SmokeSuite'] }), {
        gate: 'integration-tests',
      });
      const result = evaluate([declared], { requiredGates: all });
      expect(result.gates.map(g => g.status)).toEqual([
        'missing',
        'passed',
        'missing',
      ]);
      expect(result.gates[2].reason).toBe(
        'None of the junit or tap evidence uploaded for this entity is for this gate: it counts for Integration tests.',
      );
    });

    it('says which gate a report left aside counts for', () => {
      const eslintSarif = record(analysis(2, { tools: ['ESLint'] }), {
        format: 'sarif',
      });
      const result = evaluate([eslintSarif], {
        requiredGates: ['static-analysis'],
      });
      expect(result.gates[0]).toMatchObject({
        status: 'missing',
        reason:
          'None of the sarif evidence uploaded for this entity is for this gate: it counts for Lint.',
      });
    });

    it("uses the policy's suite pattern, also to keep unit tests apart", () => {
      const it = record(tests(1, { suites: ['IT-checkout'] }));
      const unit = record(tests(0, { suites: ['checkout'] }));
      const result = evaluate([unit, it], {
        requiredGates: ['unit-tests', 'integration-tests'],
        gates: { 'integration-tests': { suitePattern: '^IT-' } },
      });
      expect(result.gates.map(g => [g.status, g.evidenceIds])).toEqual([
        ['passed', [unit.id]],
        ['failed', [it.id]],
      ]);
    });
  });

  describe('per artifact', () => {
    const forA = record(tests(0), { digest: DIGEST_A });
    const forB = record(tests(1), { digest: DIGEST_B });
    const undeclared = record(tests(1));

    it('counts only evidence linked to the digest', () => {
      const result = evaluate([forA, forB, undeclared], {
        requiredGates: ['unit-tests'],
        digest: DIGEST_A.toUpperCase().replace('SHA256', 'sha256'),
      });
      expect(result.digest).toBe(DIGEST_A);
      expect(result.gates[0]).toMatchObject({
        status: 'passed',
        evidenceIds: [forA.id],
      });
      expect(
        evaluate([forA, forB], {
          requiredGates: ['unit-tests'],
          digest: DIGEST_B,
        }).gates[0].status,
      ).toBe('failed');
    });

    it('says which artifact has no evidence', () => {
      const result = evaluate([undeclared], {
        requiredGates: ['unit-tests'],
        digest: DIGEST_A,
      });
      expect(result.gates[0]).toMatchObject({
        status: 'missing',
        reason:
          'No junit or tap evidence has been uploaded linked to the artifact sha256:aaaaaaaaaaaa….',
      });
    });

    it('links provenance by its subject and SBOMs by their declared digest', () => {
      const statement = record(provenance([DIGEST_A]));
      const sbomA = record(bom(4), { digest: DIGEST_A });
      const sbomB = record(bom(4), { digest: DIGEST_B });
      const result = evaluate([statement, sbomA, sbomB], {
        requiredGates: ['provenance', 'sbom'],
        digest: DIGEST_A,
      });
      expect(result.gates.map(g => [g.status, g.evidenceIds])).toEqual([
        ['passed', [statement.id]],
        ['passed', [sbomA.id]],
      ]);
      expect(
        evaluate([sbomB], { requiredGates: ['sbom'], digest: DIGEST_A })
          .gates[0].status,
      ).toBe('missing');
    });

    it('matches entity-level provenance to the newest declared digest', () => {
      const older = record(bom(1), { digest: DIGEST_B });
      const newer = record(tests(0), { digest: DIGEST_A });
      const statement = record(provenance([DIGEST_A]));
      expect(gate([older, newer, statement], 'provenance').status).toBe(
        'passed',
      );
      expect(gate([newer, older, statement], 'provenance').status).toBe(
        'passed',
      );
      const stale = record(provenance([DIGEST_B]));
      expect(gate([newer, stale], 'provenance').status).toBe('failed');
    });
  });

  describe('overrides', () => {
    const failing = [record(vulnerabilities({ critical: 1 }))];
    const required = { requiredGates: ['dependency-scan', 'sbom'] };

    it('turns a failing gate overridden while approved and unexpired', () => {
      const result = evaluate(failing, {
        ...required,
        overrides: [override()],
      });
      expect(result.gates[0]).toMatchObject({
        status: 'overridden',
        reason: expect.stringMatching(
          /^Waived until 2026-12-20 00:00 UTC by an override approved by user:default\/grace\. Without it: 1 critical vulnerability/,
        ),
        override: {
          id: 'o1',
          underlyingStatus: 'failed',
          reason: 'Fix ships with the vendor patch next sprint',
          requestedBy: 'user:default/ada',
          approvedBy: 'user:default/grace',
          expiresAt: '2026-12-20T00:00:00.000Z',
        },
      });
      expect(result.nextGate).toEqual({
        id: 'sbom',
        title: 'Software bill of materials',
        status: 'missing',
      });
    });

    it('waives a missing gate too, keeping the real status', () => {
      const result = evaluate([], {
        ...required,
        overrides: [override({ gateId: 'sbom' })],
      });
      expect(result.gates[1]).toMatchObject({
        status: 'overridden',
        override: { underlyingStatus: 'missing' },
      });
    });

    it.each([
      ['expired', override({ status: 'expired' })],
      [
        'approved but past its expiry',
        override({ expiresAt: NOW.toISOString() }),
      ],
      ['rejected', override({ status: 'rejected' })],
      ['pending', override({ status: 'pending', decidedBy: undefined })],
      ['for another gate', override({ gateId: 'sbom' })],
      ['for another entity', override({ entityRef: 'component:default/web' })],
    ])('changes nothing when %s', (_, o) => {
      const result = evaluate(failing, { ...required, overrides: [o] });
      expect(result.gates[0].status).toBe('failed');
      expect(result.gates[0].override).toBeUndefined();
      expect(result.nextGate?.id).toBe('dependency-scan');
    });

    it('applies an artifact override only to that artifact', () => {
      const scanA = record(vulnerabilities({ critical: 1 }), {
        digest: DIGEST_A,
      });
      const scanB = record(vulnerabilities({ critical: 1 }), {
        digest: DIGEST_B,
      });
      const forA = override({ digest: DIGEST_A });
      const status = (digest?: string) =>
        evaluate([scanA, scanB], {
          requiredGates: ['dependency-scan'],
          overrides: [forA],
          digest,
        }).gates[0].status;
      expect(status(DIGEST_A)).toBe('overridden');
      expect(status(DIGEST_B)).toBe('failed');
      expect(status(undefined)).toBe('failed');
    });

    it('applies an override without a digest to every artifact', () => {
      const scan = record(vulnerabilities({ high: 1 }), { digest: DIGEST_B });
      expect(
        evaluate([scan], {
          requiredGates: ['dependency-scan'],
          overrides: [override()],
          digest: DIGEST_B,
        }).gates[0].status,
      ).toBe('overridden');
    });

    it('leaves a passed gate passed', () => {
      const clean = [record(vulnerabilities({ medium: 1 }))];
      const result = evaluate(clean, { ...required, overrides: [override()] });
      expect(result.gates[0].status).toBe('passed');
      expect(result.gates[0].override).toBeUndefined();
    });

    it('shows the override that lasts longest', () => {
      const result = evaluate(failing, {
        ...required,
        overrides: [
          override({ id: 'short', expiresAt: '2026-12-05T00:00:00.000Z' }),
          override({ id: 'long', expiresAt: '2026-12-31T00:00:00.000Z' }),
        ],
      });
      expect(result.gates[0].override?.id).toBe('long');
    });
  });

  describe('nextGate', () => {
    it('is the first required gate neither passed nor overridden', () => {
      const evidence = [
        record(tests(0)),
        record(vulnerabilities({ critical: 2 })),
      ];
      const result = evaluate(evidence, {
        requiredGates: ['unit-tests', 'dependency-scan', 'sbom'],
      });
      expect(result.nextGate).toMatchObject({
        id: 'dependency-scan',
        status: 'failed',
      });
    });

    it('is absent when every gate passed or is overridden', () => {
      const result = evaluate(
        [record(tests(0)), record(vulnerabilities({ high: 1 }))],
        {
          requiredGates: ['unit-tests', 'dependency-scan'],
          overrides: [override()],
        },
      );
      expect(result.gates.map(g => g.status)).toEqual(['passed', 'overridden']);
      expect(result).not.toHaveProperty('nextGate');
    });
  });
});
