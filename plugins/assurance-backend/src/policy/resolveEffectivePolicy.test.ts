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

import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readPolicyConfig } from './policyConfig';
import { resolveEffectivePolicy } from './resolveEffectivePolicy';

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

const group = 'group:default/team-payments';
const system = 'system:default/payments-platform';

function entity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'Payments-API',
      annotations: { 'real-app-forever.dev/risk-level': 'low', ...annotations },
    },
    spec: { owner: 'team-payments', system: 'payments-platform' },
  };
}

function resolve(
  gatePolicy: JsonObject,
  options: { annotations?: Record<string, string>; environment?: string } = {},
) {
  const config = readPolicyConfig({
    config: new ConfigReader({ assurance: { gatePolicy } }),
    knownGates,
  });
  return resolveEffectivePolicy({
    config,
    entity: entity(options.annotations),
    environment: options.environment,
    knownGates,
  });
}

const inline = (layer: JsonObject) => ({
  'real-app-forever.dev/gate-policy': JSON.stringify(layer),
});

const platform = { layer: 'platform' };
const fromGroup = { layer: 'group', name: group };

describe('resolveEffectivePolicy', () => {
  it('gives the platform defaults when config is silent', () => {
    const policy = resolve({});
    expect(policy).toMatchObject({
      entityRef: 'component:default/payments-api',
      riskLevel: 'low',
      requiredGates: [{ value: 'unit-tests', source: platform }],
      gates: { 'unit-tests': {} },
      maxOverrideDays: 30,
      refused: [],
    });
    expect(policy.version).toMatch(/^[a-f0-9]{64}$/);
    expect(policy.environment).toBeUndefined();

    const high = resolveEffectivePolicy({
      config: readPolicyConfig({ config: new ConfigReader({}), knownGates }),
      entity: { ...entity(), metadata: { name: 'web' } },
      knownGates,
    });
    expect(high.riskLevel).toBe('high');
    expect(high.requiredGates.map(g => g.value)).toEqual([
      'unit-tests',
      'static-analysis',
      'dependency-scan',
      'sbom',
    ]);
    expect(high.gates['dependency-scan']).toEqual({
      maxSeverity: { value: 'medium', source: platform },
    });
  });

  it('adds gates layer by layer, in first-seen order, and never removes one', () => {
    const policy = resolve({
      riskLevels: { low: { requiredGates: ['unit-tests', 'lint'] } },
      groups: { [group]: { requiredGates: ['coverage', 'lint'] } },
      systems: { 'payments-platform': { requiredGates: ['unit-tests'] } },
      profiles: { strict: { requiredGates: ['scorecard'] } },
    });
    expect(policy.requiredGates).toEqual([
      { value: 'unit-tests', source: platform },
      { value: 'lint', source: platform },
      { value: 'coverage', source: fromGroup },
    ]);
    expect(policy.gates.coverage).toEqual({
      minLineRate: { value: 0.6, source: platform },
    });
    expect(policy.gates.lint).toEqual({
      maxErrors: { value: 0, source: platform },
    });
  });

  it('lets each higher layer tighten, with the source of each value', () => {
    const policy = resolve(
      {
        gates: {
          'dependency-scan': { maxSeverity: 'high', freshnessDays: 30 },
        },
        groups: {
          'team-payments': {
            requiredGates: ['coverage', 'dependency-scan'],
            gates: {
              coverage: { minLineRate: 0.8 },
              'dependency-scan': { maxFindings: { medium: 10 } },
            },
          },
        },
        systems: {
          [system]: {
            gates: {
              coverage: { minLineRate: 0.9, freshnessDays: 7 },
              'dependency-scan': {
                maxSeverity: 'low',
                maxFindings: { low: 5 },
              },
            },
          },
        },
      },
      {
        annotations: inline({
          gates: { 'dependency-scan': { maxFindings: { medium: 2 } } },
        }),
      },
    );
    const fromSystem = { layer: 'system', name: system };
    const fromEntity = { layer: 'entity' };
    expect(policy.refused).toEqual([]);
    expect(policy.gates.coverage).toEqual({
      freshnessDays: { value: 7, source: fromSystem },
      minLineRate: { value: 0.9, source: fromSystem },
    });
    expect(policy.gates['dependency-scan']).toEqual({
      freshnessDays: { value: 30, source: platform },
      maxSeverity: { value: 'low', source: fromSystem },
      maxFindings: { value: { medium: 2, low: 5 }, source: fromEntity },
    });
  });

  it('refuses a lowering and keeps the stricter value', () => {
    const policy = resolve(
      {
        groups: {
          [group]: {
            requiredGates: ['coverage', 'provenance', 'dependency-scan'],
            gates: {
              coverage: { minLineRate: 0.8, freshnessDays: 14 },
              provenance: { requireVerifiedSignature: true },
              'dependency-scan': { maxFindings: { high: 0 } },
            },
          },
        },
      },
      {
        annotations: inline({
          requiredGates: ['secret-scan'],
          gates: {
            coverage: { minLineRate: 0.5, freshnessDays: 30 },
            provenance: { requireVerifiedSignature: false },
            'dependency-scan': {
              maxSeverity: 'critical',
              maxFindings: { high: 3 },
            },
          },
        }),
      },
    );
    const source = { layer: 'entity' };
    expect(policy.refused).toEqual([
      {
        source,
        key: 'gates.coverage.freshnessDays',
        message:
          'raises 14 (from group team-payments) to 30; the platform policy does not allow lowering',
      },
      {
        source,
        key: 'gates.coverage.minLineRate',
        message:
          'lowers 0.8 (from group team-payments) to 0.5; the platform policy does not allow lowering',
      },
      {
        source,
        key: 'gates.provenance.requireVerifiedSignature',
        message:
          'loosens true (from group team-payments) to false; the platform policy does not allow lowering',
      },
      {
        source,
        key: 'gates.dependency-scan.maxSeverity',
        message:
          'loosens medium (from the platform policy) to critical; the platform policy does not allow lowering',
      },
      {
        source,
        key: 'gates.dependency-scan.maxFindings.high',
        message:
          'raises 0 (from group team-payments) to 3; the platform policy does not allow lowering',
      },
    ]);
    expect(policy.gates.coverage.minLineRate).toEqual({
      value: 0.8,
      source: fromGroup,
    });
    expect(policy.gates['dependency-scan'].maxSeverity?.value).toBe('medium');
    expect(policy.requiredGates.map(g => g.value)).toContain('secret-scan');
  });

  it('applies a lowering when the platform allows it', () => {
    const policy = resolve(
      {
        allowLowering: true,
        groups: {
          [group]: {
            requiredGates: ['coverage'],
            gates: { coverage: { minLineRate: 0.5 } },
          },
        },
      },
      { annotations: inline({ gates: { coverage: { minLineRate: 0.3 } } }) },
    );
    expect(policy.refused).toEqual([]);
    expect(policy.gates.coverage.minLineRate).toEqual({
      value: 0.3,
      source: { layer: 'entity' },
    });
  });

  it('treats unknown as lenient as critical for maxSeverity', () => {
    const policy = resolve(
      {
        riskLevels: { low: { requiredGates: ['dependency-scan'] } },
        gates: { 'dependency-scan': { maxSeverity: 'critical' } },
      },
      {
        annotations: inline({
          gates: { 'dependency-scan': { maxSeverity: 'unknown' } },
        }),
      },
    );
    expect(policy.refused).toEqual([]);
    const strict = resolve(
      {
        riskLevels: { low: { requiredGates: ['dependency-scan'] } },
        gates: { 'dependency-scan': { maxSeverity: 'high' } },
      },
      {
        annotations: inline({
          gates: { 'dependency-scan': { maxSeverity: 'unknown' } },
        }),
      },
    );
    expect(strict.refused).toHaveLength(1);
  });

  it('lets any layer set a suite pattern', () => {
    const policy = resolve(
      {
        riskLevels: { low: { requiredGates: ['integration-tests'] } },
        gates: { 'integration-tests': { suitePattern: '^it-' } },
      },
      {
        annotations: inline({
          gates: { 'integration-tests': { suitePattern: 'Integration' } },
        }),
      },
    );
    expect(policy.gates['integration-tests'].suitePattern).toEqual({
      value: 'Integration',
      source: { layer: 'entity' },
    });
  });

  it('reads a profile named by the annotation', () => {
    const policy = resolve(
      {
        profiles: {
          strict: {
            requiredGates: ['scorecard'],
            gates: { scorecard: { minScore: 8 } },
          },
        },
      },
      { annotations: { 'real-app-forever.dev/gate-policy': ' strict ' } },
    );
    const source = { layer: 'profile', name: 'strict' };
    expect(policy.requiredGates[1]).toEqual({ value: 'scorecard', source });
    expect(policy.gates.scorecard.minScore).toEqual({ value: 8, source });
  });

  it.each([
    [
      'an unknown profile',
      'relaxed',
      [
        {
          source: { layer: 'profile', name: 'relaxed' },
          key: 'real-app-forever.dev/gate-policy',
          message: "unknown profile 'relaxed', no profiles are configured",
        },
      ],
    ],
    [
      'garbage',
      '{"requiredGates": [',
      [
        {
          source: { layer: 'entity' },
          key: 'real-app-forever.dev/gate-policy',
          message: expect.stringMatching(/^not valid JSON: /),
        },
      ],
    ],
    [
      'an invalid value',
      '{"requiredGates":["lint"],"gates":{"coverage":{"minLineRate":2}}}',
      [
        {
          source: { layer: 'entity' },
          key: 'gates.coverage.minLineRate',
          message: 'must be between 0 and 1',
        },
      ],
    ],
    [
      'an invalid suite pattern',
      '{"gates":{"smoke-test":{"suitePattern":"(["}}}',
      [
        {
          source: { layer: 'entity' },
          key: 'gates.smoke-test.suitePattern',
          message: 'must be a valid regular expression',
        },
      ],
    ],
  ])('refuses and ignores %s in the annotation', (_, annotation, refused) => {
    const policy = resolve(
      {},
      { annotations: { 'real-app-forever.dev/gate-policy': annotation } },
    );
    expect(policy.refused).toEqual(refused);
    expect(policy.requiredGates.map(g => g.value)).toEqual(['unit-tests']);
    expect(policy.version).toBe(resolve({}).version);
  });

  it('refuses unknown gates of an inline layer and applies the rest', () => {
    const policy = resolve(
      {},
      {
        annotations: inline({
          requiredGates: ['fuzzing', 'lint'],
          gates: { fuzzing: { freshnessDays: 1 } },
        }),
      },
    );
    expect(policy.refused.map(r => [r.key, r.message])).toEqual([
      ['requiredGates', expect.stringMatching(/^unknown gate 'fuzzing'/)],
      ['gates.fuzzing', expect.stringMatching(/^unknown gate 'fuzzing'/)],
    ]);
    expect(policy.requiredGates.map(g => g.value)).toEqual([
      'unit-tests',
      'lint',
    ]);
  });

  it('adds the environment layer only when asked for it', () => {
    const gatePolicy = {
      environments: {
        prod: {
          requiredGates: ['smoke-test'],
          gates: { 'smoke-test': { freshnessDays: 1 } },
        },
      },
    };
    const base = resolve(gatePolicy);
    const prod = resolve(gatePolicy, { environment: 'prod' });
    const dev = resolve(gatePolicy, { environment: 'dev' });
    expect(base.requiredGates.map(g => g.value)).toEqual(['unit-tests']);
    expect(prod.environment).toBe('prod');
    expect(prod.requiredGates[1]).toEqual({
      value: 'smoke-test',
      source: { layer: 'environment', name: 'prod' },
    });
    expect(prod.version).not.toBe(base.version);
    expect(dev.version).toBe(base.version);
  });

  it('keeps the version when only the sources change', () => {
    const fromPlatform = resolve({
      riskLevels: { low: { requiredGates: ['unit-tests', 'coverage'] } },
      gates: { coverage: { minLineRate: 0.8 } },
    });
    const fromLayers = resolve({
      groups: {
        [group]: {
          requiredGates: ['coverage'],
          gates: { coverage: { minLineRate: 0.7 } },
        },
      },
      systems: { [system]: { gates: { coverage: { minLineRate: 0.8 } } } },
    });
    expect(fromLayers.gates.coverage.minLineRate?.source.layer).toBe('system');
    expect(fromLayers.version).toBe(fromPlatform.version);
  });

  it('changes the version when enforcement changes', () => {
    const base = {
      riskLevels: { low: { requiredGates: ['unit-tests', 'coverage'] } },
    };
    const versions = [
      resolve(base),
      resolve({ ...base, gates: { coverage: { minLineRate: 0.61 } } }),
      resolve({ ...base, gates: { 'unit-tests': { freshnessDays: 9 } } }),
      resolve({
        riskLevels: { low: { requiredGates: ['coverage', 'unit-tests'] } },
      }),
    ].map(p => p.version);
    expect(new Set(versions).size).toBe(versions.length);
    // Settings of a gate that is not required are not enforced.
    expect(
      resolve({ ...base, gates: { scorecard: { minScore: 9 } } }).version,
    ).toBe(versions[0]);
  });
});
