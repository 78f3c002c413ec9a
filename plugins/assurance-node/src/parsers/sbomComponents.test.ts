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

import { MAX_SBOM_COMPONENTS } from '@real-app-forever/plugin-assurance-common';
import {
  sbomComponent,
  spdxPackageLicenses,
  summariseSbom,
} from './sbomComponents';

describe('summariseSbom', () => {
  it('sorts by name then version, numbers by value, lower case first', () => {
    const summary = summariseSbom({
      specName: 'CycloneDX',
      components: [
        sbomComponent({ name: 'b', version: '1.10.0', licenses: [] }),
        sbomComponent({ name: 'B', version: '1.9.0', licenses: [] }),
        sbomComponent({ name: 'a', version: '2', licenses: [] }),
        sbomComponent({ name: 'b', version: '1.9.0', licenses: [] }),
      ],
      dependencies: [],
    });
    expect(
      summary.components?.map(({ name, version }) => `${name}@${version}`),
    ).toEqual(['a@2', 'b@1.9.0', 'b@1.10.0', 'B@1.9.0']);
  });

  it('keeps the first of components sharing a ref and drops the primary', () => {
    const summary = summariseSbom({
      specName: 'SPDX',
      specVersion: '2.3',
      primary: sbomComponent({ name: 'app', ref: 'app', licenses: [] }),
      components: [
        sbomComponent({ name: 'app', ref: 'app', licenses: [] }),
        sbomComponent({ name: 'x', version: '1', ref: 'x', licenses: [] }),
        sbomComponent({ name: 'x', version: '2', ref: 'x', licenses: [] }),
        sbomComponent({ name: 'y', licenses: [] }),
        sbomComponent({ name: 'y', licenses: [] }),
      ],
      dependencies: [],
    });
    expect(summary.componentCount).toBe(3);
    expect(summary.components?.map(c => `${c.name}@${c.version}`)).toEqual([
      'x@1',
      'y@undefined',
      'y@undefined',
    ]);
    expect(summary.primaryComponent).toEqual({ name: 'app' });
  });

  it('cuts components and edges to MAX_SBOM_COMPONENTS but counts all', () => {
    const total = MAX_SBOM_COMPONENTS + 5;
    const refs = Array.from({ length: total }, (_, i) => `c${i}`);
    const summary = summariseSbom({
      specName: 'CycloneDX',
      components: refs.map(ref =>
        sbomComponent({ name: ref, ref, licenses: [] }),
      ),
      dependencies: refs.map(to => ({ from: 'root', to })),
    });
    expect(summary.componentCount).toBe(total);
    expect(summary.components).toHaveLength(MAX_SBOM_COMPONENTS);
    expect(summary.components?.[0].name).toBe('c0');
    expect(summary.dependencyCount).toBe(total);
    expect(summary.dependencies).toHaveLength(MAX_SBOM_COMPONENTS);
  });
});

describe('sbomComponent', () => {
  it('trims, drops empty fields, dedupes licences and normalises the type', () => {
    expect(
      sbomComponent({
        name: ' lib ',
        version: '',
        purl: null,
        licenses: ['MIT', ' MIT ', '', undefined, 'Apache-2.0'],
        type: 'OPERATING_SYSTEM',
        ref: ' ',
      }),
    ).toEqual({
      name: 'lib',
      licenses: ['MIT', 'Apache-2.0'],
      type: 'operating-system',
    });
    expect(sbomComponent({ licenses: [] })).toEqual({
      name: '(unnamed)',
      licenses: [],
    });
  });
});

describe('spdxPackageLicenses', () => {
  it('takes the concluded licence unless it is NOASSERTION or NONE', () => {
    expect(spdxPackageLicenses({ concluded: 'MIT', declared: 'ISC' })).toEqual([
      'MIT',
    ]);
    expect(
      spdxPackageLicenses({ concluded: 'NOASSERTION', declared: 'ISC' }),
    ).toEqual(['ISC']);
    expect(spdxPackageLicenses({ concluded: 'NONE', declared: 'ISC' })).toEqual(
      ['ISC'],
    );
    expect(
      spdxPackageLicenses({ concluded: 'NOASSERTION', declared: 'NONE' }),
    ).toEqual([]);
    expect(spdxPackageLicenses({})).toEqual([]);
  });
});
