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

import { formatPolicySource, formatPolicyValue } from './formatPolicy';
import { describeArtifact, formatVersion } from './format';

describe('formatPolicySource', () => {
  it('names the layer and shortens entity refs', () => {
    expect(formatPolicySource({ layer: 'platform' })).toBe('platform');
    expect(
      formatPolicySource({
        layer: 'group',
        name: 'group:default/team-payments',
      }),
    ).toBe('group team-payments');
    expect(formatPolicySource({ layer: 'profile', name: 'strict' })).toBe(
      'profile strict',
    );
    expect(
      formatPolicySource({ layer: 'system', name: 'system:payments' }),
    ).toBe('system payments');
  });
});

describe('formatPolicyValue', () => {
  it('formats every kind of setting', () => {
    expect(formatPolicyValue(true)).toBe('yes');
    expect(formatPolicyValue(0.8)).toBe('0.8');
    expect(formatPolicyValue('high')).toBe('high');
    expect(formatPolicyValue({ critical: 0, high: 2 })).toBe(
      'critical: 0, high: 2',
    );
    expect(formatPolicyValue(undefined)).toBe('—');
  });
});

describe('describeArtifact', () => {
  it('names the artifact and shortens its digest', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(
      describeArtifact({ digest, name: 'payments', version: '1.2.3' }),
    ).toBe('payments 1.2.3 (sha256:abababababab…)');
    expect(describeArtifact({ digest })).toBe('sha256:abababababab…');
  });
});

describe('formatVersion', () => {
  it('keeps the first 8 hex characters', () => {
    expect(formatVersion('sha256:0123456789abcdef')).toBe('01234567');
    expect(formatVersion('fedcba9876')).toBe('fedcba98');
  });
});
