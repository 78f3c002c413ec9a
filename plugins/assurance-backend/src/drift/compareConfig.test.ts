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

import { EffectivePolicy } from '@real-app-forever/plugin-assurance-common';
import {
  compareConfig,
  documentVersion,
  expectedConfig,
  flattenDocument,
} from './compareConfig';

const platform = { layer: 'platform' as const };
const prod = { layer: 'environment' as const, name: 'prod' };

const policy: EffectivePolicy = {
  entityRef: 'component:default/payments-api',
  riskLevel: 'high',
  environment: 'prod',
  version: 'v1',
  requiredGates: [
    { value: 'unit-tests', source: platform },
    { value: 'coverage', source: platform },
    { value: 'dependency-scan', source: prod },
  ],
  gates: {
    coverage: { minLineRate: { value: 0.8, source: prod } },
    'dependency-scan': {
      maxSeverity: { value: 'low', source: platform },
      maxFindings: { value: { high: 0, medium: 2 }, source: platform },
    },
  },
  maxOverrideDays: 30,
  refused: [],
};

const expected = expectedConfig(policy);

describe('expectedConfig', () => {
  it('flattens the effective policy to sorted gates and setting keys', () => {
    expect(Object.fromEntries(expected)).toEqual({
      requiredGates: ['coverage', 'dependency-scan', 'unit-tests'],
      'gates.coverage.minLineRate': 0.8,
      'gates.dependency-scan.maxSeverity': 'low',
      'gates.dependency-scan.maxFindings': { high: 0, medium: 2 },
    });
  });
});

describe('compareConfig', () => {
  const compare = (document: Record<string, unknown>) =>
    compareConfig({ expected, actual: flattenDocument(document) });

  it('reads the nested form', () => {
    expect(
      compare({
        requiredGates: ['unit-tests', 'dependency-scan', 'coverage'],
        gates: {
          coverage: { minLineRate: 0.8 },
          'dependency-scan': {
            maxSeverity: 'low',
            maxFindings: { medium: 2, high: 0 },
          },
        },
      }),
    ).toEqual({ inSync: true, differences: [], compared: 4, ignored: [] });
  });

  it('reads the flat form, also with a gate as an object', () => {
    expect(
      compare({
        requiredGates: ['coverage', 'dependency-scan', 'unit-tests'],
        'gates.coverage.minLineRate': 0.8,
        'gates.dependency-scan': {
          maxSeverity: 'low',
          maxFindings: { high: 0, medium: 2 },
        },
      }).inSync,
    ).toBe(true);
  });

  it('reads an effective policy, taking the value of each { value, source }', () => {
    const used = { ...policy, version: 'other', riskLevel: 'low' };
    expect(compare(used as unknown as Record<string, unknown>)).toEqual({
      inSync: true,
      differences: [],
      compared: 4,
      ignored: [
        'entityRef',
        'environment',
        'maxOverrideDays',
        'refused',
        'riskLevel',
        'version',
      ],
    });
  });

  it('reports a missing key and a different value, and ignores extra keys', () => {
    const result = compare({
      requiredGates: ['coverage', 'unit-tests'],
      'gates.coverage.minLineRate': 0.6,
      'gates.dependency-scan.maxSeverity': 'low',
      'gates.lint.maxWarnings': 10,
      featureFlags: { beta: true },
    });
    expect(result).toEqual({
      inSync: false,
      compared: 4,
      differences: [
        {
          key: 'requiredGates',
          expected: ['coverage', 'dependency-scan', 'unit-tests'],
          actual: ['coverage', 'unit-tests'],
        },
        { key: 'gates.coverage.minLineRate', expected: 0.8, actual: 0.6 },
        {
          key: 'gates.dependency-scan.maxFindings',
          expected: { high: 0, medium: 2 },
        },
      ],
      ignored: ['featureFlags', 'gates.lint.maxWarnings'],
    });
  });

  it('shows a policy change as drift of an unchanged document', () => {
    const document = {
      requiredGates: ['coverage', 'dependency-scan', 'unit-tests'],
      gates: {
        coverage: { minLineRate: 0.8 },
        'dependency-scan': {
          maxSeverity: 'low',
          maxFindings: { high: 0, medium: 2 },
        },
      },
    };
    const raised = expectedConfig({
      ...policy,
      gates: {
        ...policy.gates,
        coverage: { minLineRate: { value: 0.9, source: prod } },
      },
    });
    expect(
      compareConfig({ expected: raised, actual: flattenDocument(document) })
        .differences,
    ).toEqual([
      { key: 'gates.coverage.minLineRate', expected: 0.9, actual: 0.8 },
    ]);
  });

  it('says that nothing is expected of an empty policy', () => {
    const empty = expectedConfig({ ...policy, requiredGates: [], gates: {} });
    expect(
      compareConfig({ expected: empty, actual: flattenDocument({}) }),
    ).toMatchObject({ inSync: false, compared: 1 });
    expect(
      compareConfig({
        expected: empty,
        actual: flattenDocument({ requiredGates: [] }),
      }),
    ).toMatchObject({ inSync: true });
  });
});

describe('documentVersion', () => {
  it('hashes canonical JSON, whatever the key order', () => {
    expect(documentVersion({ a: 1, b: { c: [1, 2], d: null } })).toBe(
      documentVersion({ b: { d: null, c: [1, 2] }, a: 1 }),
    );
    expect(documentVersion({ a: 1 })).not.toBe(documentVersion({ a: 2 }));
    expect(documentVersion({})).toMatch(/^[a-f0-9]{64}$/);
  });
});
