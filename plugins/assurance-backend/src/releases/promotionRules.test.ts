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
  EntityGates,
  GateStatus,
  PromotionRule,
} from '@real-app-forever/plugin-assurance-common';
import {
  checkPromotion,
  readReleaseConfig,
  resolvePromotionRule,
} from './promotionRules';

const environments = ['dev', 'staging', 'prod'];
const digest = `sha256:${'a'.repeat(64)}`;

function gatesOf(statuses: Record<string, GateStatus>): EntityGates {
  return {
    entityRef: 'component:default/payments-api',
    riskLevel: 'high',
    digest,
    gates: Object.entries(statuses).map(([id, status]) => ({
      id,
      title: id,
      status,
      reason: `${id} reason`,
      remediation: '',
      evidenceIds: [],
      evaluatedAt: '2026-12-03T12:00:00.000Z',
    })),
  };
}

const rule = (overrides: Partial<PromotionRule> = {}): PromotionRule => ({
  requiredGates: ['unit-tests', 'dependency-scan'],
  requirePreviousStage: true,
  requireApproval: false,
  ...overrides,
});

describe('readReleaseConfig', () => {
  it('defaults to no rules and 7 approval days', () => {
    expect(
      readReleaseConfig({ config: new ConfigReader({}), environments }),
    ).toEqual({ rules: {}, approvalDays: 7, annotationOnly: [] });
  });

  it('reads rules and approval days', () => {
    const config = new ConfigReader({
      assurance: {
        promotionApprovalDays: 3,
        environmentRules: { staging: { requireApproval: true } },
      },
    });
    expect(readReleaseConfig({ config, environments })).toEqual({
      rules: { staging: { requireApproval: true } },
      approvalDays: 3,
      annotationOnly: [],
    });
  });

  it('accepts rules for environments only annotations name', () => {
    const config = new ConfigReader({
      assurance: { environmentRules: { qa: { requireApproval: true } } },
    });
    expect(readReleaseConfig({ config, environments })).toMatchObject({
      rules: { qa: { requireApproval: true } },
      annotationOnly: ['qa'],
    });
  });

  it.each([
    [{ environmentRules: { QA_1: {} } }, /unknown environment 'QA_1'/],
    [
      { environmentRules: { dev: { requirePreviousStage: true } } },
      /first stage/,
    ],
    [{ environmentRules: { dev: { requireApproval: 'yes' } } }, /Invalid/],
    [{ environmentRules: { dev: { approvers: [] } } }, /Invalid/],
    [{ promotionApprovalDays: 0 }, /promotionApprovalDays/],
  ])('refuses %j', (assurance, message) => {
    const config = new ConfigReader({ assurance });
    expect(() => readReleaseConfig({ config, environments })).toThrow(message);
  });
});

describe('resolvePromotionRule', () => {
  const policyRequiredGates = ['unit-tests'];

  it('defaults: no previous stage for the first, approval for prod only', () => {
    expect(
      environments.map((environment, order) =>
        resolvePromotionRule({ environment, order, policyRequiredGates }),
      ),
    ).toEqual([
      rule({ requiredGates: ['unit-tests'], requirePreviousStage: false }),
      rule({ requiredGates: ['unit-tests'] }),
      rule({ requiredGates: ['unit-tests'], requireApproval: true }),
    ]);
  });

  it('takes configured values', () => {
    expect(
      resolvePromotionRule({
        environment: 'prod',
        order: 2,
        policyRequiredGates,
        configured: {
          requiredGates: ['sbom'],
          requirePreviousStage: false,
          requireApproval: false,
        },
      }),
    ).toEqual(
      rule({
        requiredGates: ['sbom'],
        requirePreviousStage: false,
        requireApproval: false,
      }),
    );
  });
});

describe('checkPromotion', () => {
  const passed = gatesOf({
    'unit-tests': 'passed',
    'dependency-scan': 'passed',
  });

  it('allows a digest whose gates passed and that ran before', () => {
    expect(
      checkPromotion({
        digest,
        rule: rule(),
        digestKnown: true,
        gates: passed,
        previousStage: { name: 'dev', ranDigest: true },
      }),
    ).toEqual([]);
  });

  it('counts overridden gates as met', () => {
    const gates = gatesOf({
      'unit-tests': 'passed',
      'dependency-scan': 'overridden',
    });
    expect(
      checkPromotion({ digest, rule: rule(), digestKnown: true, gates }),
    ).toEqual([]);
  });

  it.each<GateStatus>(['failed', 'missing', 'unknown'])(
    'names a %s gate and its reason',
    status => {
      const gates = gatesOf({
        'unit-tests': 'passed',
        'dependency-scan': status,
      });
      expect(
        checkPromotion({ digest, rule: rule(), digestKnown: true, gates }),
      ).toEqual([
        `gate 'dependency-scan' is ${status} for ${digest}: dependency-scan reason`,
      ]);
    },
  );

  it('names a required gate that was not evaluated', () => {
    expect(
      checkPromotion({
        digest,
        rule: rule({ requiredGates: ['sbom'] }),
        digestKnown: true,
        gates: passed,
      }),
    ).toEqual([`gate 'sbom' is required but not known`]);
  });

  it('names the previous stage that did not run the digest', () => {
    expect(
      checkPromotion({
        digest,
        rule: rule(),
        digestKnown: true,
        gates: passed,
        previousStage: { name: 'staging', ranDigest: false },
      }),
    ).toEqual([
      `the previous stage 'staging' has not run ${digest} successfully`,
    ]);
  });

  it('ignores the previous stage when the rule does not require it', () => {
    expect(
      checkPromotion({
        digest,
        rule: rule({ requirePreviousStage: false }),
        digestKnown: true,
        gates: passed,
        previousStage: { name: 'staging', ranDigest: false },
      }),
    ).toEqual([]);
  });

  it('refuses a digest no evidence names, whatever else holds', () => {
    expect(
      checkPromotion({
        digest,
        rule: rule(),
        digestKnown: false,
        gates: passed,
      }),
    ).toEqual([
      `no evidence names this digest (${digest}): promote the artifact whose gates were evaluated`,
    ]);
  });

  it('refuses a digest that already runs there, and says so alone', () => {
    expect(
      checkPromotion({
        digest,
        rule: rule(),
        digestKnown: true,
        gates: gatesOf({ 'unit-tests': 'failed' }),
        alreadyActive: { id: 'rel-9', environment: 'staging' },
      }),
    ).toEqual([
      `${digest} already runs in staging (release rel-9): there is nothing to promote`,
    ]);
  });

  it('lists every unmet condition', () => {
    const gates = gatesOf({
      'unit-tests': 'failed',
      'dependency-scan': 'missing',
    });
    expect(
      checkPromotion({
        digest,
        rule: rule(),
        digestKnown: true,
        gates,
        previousStage: { name: 'dev', ranDigest: false },
      }),
    ).toHaveLength(3);
  });
});
