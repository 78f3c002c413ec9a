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
import { JsonObject } from '@backstage/types';
import { readPolicyConfig } from './policyConfig';

const knownGates = new Set([
  'unit-tests',
  'static-analysis',
  'dependency-scan',
  'sbom',
  'lint',
  'integration-tests',
  'smoke-test',
  'secret-scan',
  'provenance',
  'coverage',
  'scorecard',
]);

function read(assurance: JsonObject) {
  return readPolicyConfig({
    config: new ConfigReader({ assurance }),
    knownGates,
  });
}

describe('readPolicyConfig', () => {
  it('reads the defaults and the layers, keyed by normalised refs', () => {
    const empty = read({});
    expect(empty).toMatchObject({
      defaultRiskLevel: 'high',
      allowLowering: false,
      maxOverrideDays: 30,
      environments: ['dev', 'staging', 'prod'],
    });
    expect(empty.platform.high.gates).toEqual({
      'dependency-scan': { maxSeverity: 'medium' },
      lint: { maxErrors: 0 },
      coverage: { minLineRate: 0.6 },
      scorecard: { minScore: 5 },
      provenance: { requireVerifiedSignature: true },
    });

    const policy = read({
      environments: ['qa', 'live'],
      gatePolicy: {
        defaultRiskLevel: 'medium',
        maxOverrideDays: 14,
        gates: { coverage: { minLineRate: 0.5, freshnessDays: 10 } },
        riskLevels: {
          high: {
            requiredGates: ['coverage', 'coverage'],
            gates: { coverage: { minLineRate: 0.9 } },
          },
        },
        groups: { 'Team-Payments': { requiredGates: ['lint'] } },
        systems: { 'payments/Core': { requiredGates: ['sbom'] } },
        environments: { live: { requiredGates: ['smoke-test'] } },
      },
    });
    expect(policy).toMatchObject({
      defaultRiskLevel: 'medium',
      maxOverrideDays: 14,
      environments: ['qa', 'live'],
    });
    expect(policy.platform.high).toEqual({
      requiredGates: ['coverage'],
      gates: expect.objectContaining({
        coverage: { minLineRate: 0.9, freshnessDays: 10 },
      }),
    });
    expect(policy.platform.low.gates?.coverage).toEqual({
      minLineRate: 0.5,
      freshnessDays: 10,
    });
    expect([...policy.groups.keys()]).toEqual(['group:default/team-payments']);
    expect([...policy.systems.keys()]).toEqual(['system:payments/core']);
    expect([...policy.environmentLayers.keys()]).toEqual(['live']);
  });

  it.each([
    [
      'an invalid value, naming the layer and key',
      {
        gatePolicy: {
          groups: {
            'group:default/team-payments': {
              gates: { coverage: { minLineRate: 1.5 } },
            },
          },
        },
      },
      'assurance.gatePolicy.groups["group:default/team-payments"].gates.coverage.minLineRate: must be between 0 and 1',
    ],
    [
      'an unknown key',
      { gatePolicy: { profiles: { strict: { requiredGate: ['lint'] } } } },
      'assurance.gatePolicy.profiles.strict: Unrecognized key: "requiredGate"',
    ],
    [
      'an unknown gate',
      {
        gatePolicy: { systems: { shop: { requiredGates: ['lint', 'fuzz'] } } },
      },
      "assurance.gatePolicy.systems.shop.requiredGates.1: unknown gate 'fuzz', known gates are unit-tests,",
    ],
    [
      'settings of an unknown gate',
      { gatePolicy: { gates: { fuzz: { freshnessDays: 3 } } } },
      "assurance.gatePolicy.gates.fuzz: unknown gate 'fuzz'",
    ],
    [
      'an invalid suite pattern',
      {
        gatePolicy: {
          environments: {
            prod: { gates: { 'smoke-test': { suitePattern: '*smoke' } } },
          },
        },
      },
      'assurance.gatePolicy.environments.prod.gates.smoke-test.suitePattern: must be a valid regular expression',
    ],
    [
      'a severity that does not exist',
      {
        gatePolicy: { gates: { 'dependency-scan': { maxSeverity: 'severe' } } },
      },
      'assurance.gatePolicy.gates.dependency-scan.maxSeverity: must be one of none, critical,',
    ],
    [
      'an environment layer of an unknown environment',
      { gatePolicy: { environments: { qa: {} } } },
      "assurance.gatePolicy.environments.qa: unknown environment 'qa', known environments are dev, staging, prod",
    ],
    [
      'an invalid environment list',
      { environments: ['dev', 'dev'] },
      'assurance.environments: must not name an environment twice',
    ],
    [
      'a group that is not an entity reference',
      { gatePolicy: { groups: { 'group:': {} } } },
      'assurance.gatePolicy.groups["group:"]: not an entity reference',
    ],
    [
      'two keys for the same group',
      {
        gatePolicy: {
          groups: { 'team-a': {}, 'group:default/team-a': {} },
        },
      },
      'assurance.gatePolicy.groups["group:default/team-a"]: names the same group:default/team-a as "team-a"',
    ],
  ])('fails on %s', (_, assurance, message) => {
    expect(() => read(assurance as JsonObject)).toThrow(
      `Invalid gate policy in app-config: ${message}`,
    );
  });

  it('fails on a layer that lowers the platform, naming the layer and key', () => {
    const gatePolicy = {
      gates: { coverage: { minLineRate: 0.8 } },
      groups: {
        'group:default/team-payments': {
          requiredGates: ['coverage'],
          gates: { coverage: { minLineRate: 0.5 } },
        },
      },
      profiles: {
        relaxed: { gates: { 'dependency-scan': { maxSeverity: 'high' } } },
      },
      environments: {
        dev: { gates: { provenance: { requireVerifiedSignature: false } } },
      },
    };
    expect(() => read({ gatePolicy })).toThrow(
      [
        'Invalid gate policy in app-config: ',
        'assurance.gatePolicy.groups["group:default/team-payments"].gates.coverage.minLineRate: at risk level low, lowers 0.8 (from the platform policy) to 0.5; the platform policy does not allow lowering; ',
        'assurance.gatePolicy.profiles.relaxed.gates.dependency-scan.maxSeverity: at risk level low, loosens medium (from the platform policy) to high; the platform policy does not allow lowering; ',
        'assurance.gatePolicy.environments.dev.gates.provenance.requireVerifiedSignature: at risk level high, loosens true (from the platform policy) to false; the platform policy does not allow lowering',
      ].join(''),
    );
    expect(() =>
      read({ gatePolicy: { ...gatePolicy, allowLowering: true } }),
    ).not.toThrow();
  });
});
