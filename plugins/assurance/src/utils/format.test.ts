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

import { formatDigest, formatPercent, safeHttpUrl } from './format';
import { formatEvidenceFormat } from './formatEvidenceFormat';

describe('formatDigest', () => {
  it('keeps the algorithm and shortens the hex', () => {
    expect(formatDigest(`sha256:${'ab'.repeat(32)}`)).toBe(
      'sha256:abababababab…',
    );
    expect(formatDigest('c'.repeat(64), 4)).toBe('cccc…');
    expect(formatDigest('sha1:abc')).toBe('sha1:abc');
  });
});

describe('formatPercent', () => {
  it('formats rates and says n/a for none', () => {
    expect(formatPercent(0.8534)).toBe('85.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('n/a');
  });
});

describe('safeHttpUrl', () => {
  it('accepts http(s) URLs only', () => {
    expect(safeHttpUrl('https://ci.example.com/a')).toBe(
      'https://ci.example.com/a',
    );
    // eslint-disable-next-line no-script-url
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

describe('formatEvidenceFormat', () => {
  it('names known formats and passes unknown ones through', () => {
    expect(formatEvidenceFormat('cyclonedx-json')).toBe('CycloneDX JSON');
    expect(formatEvidenceFormat('mystery')).toBe('mystery');
  });
});
