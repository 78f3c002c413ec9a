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

import { SbomSummary } from '@real-app-forever/plugin-assurance-common';
import { cyclonedxJsonParser } from './cyclonedx';
import { refusalOf } from './__testUtils__/corpus';

function parseBom(bom: unknown) {
  return cyclonedxJsonParser.parse({
    fileName: 'bom.json',
    text: JSON.stringify(bom),
  }) as SbomSummary;
}

/** A component with `depth` levels of components nested in it. */
function nested(depth: number, innermost: Record<string, unknown> = {}) {
  let component: Record<string, unknown> = { name: `c${depth}`, ...innermost };
  for (let level = depth - 1; level >= 0; level--) {
    component = { name: `c${level}`, components: [component] };
  }
  return component;
}

// The parser checks BOMs whose components nest a few levels deep with a
// compiled schema and deeper ones with the recursive schema: both must
// read and refuse alike, at every depth.
describe('cyclonedxJsonParser, for components nested at any depth', () => {
  it.each([0, 1, 3, 4, 5, 8, 20])('reads components %i levels deep', depth => {
    const summary = parseBom({
      bomFormat: 'CycloneDX',
      components: [nested(depth, { version: '1', components: [] })],
      metadata: { component: nested(depth) },
    });
    expect(summary.componentCount).toBe(2 * depth + 1);
    expect(summary.components?.[2 * depth]).toEqual({
      name: `c${depth}`,
      version: '1',
      licenses: [],
    });
  });

  it.each([0, 1, 3, 4, 5, 8, 20])(
    'refuses a bad field %i levels deep, naming it',
    depth => {
      const path = Array.from({ length: depth }, () => 'components.0').join(
        '.',
      );
      expect(
        refusalOf(() =>
          parseBom({
            bomFormat: 'CycloneDX',
            components: [nested(depth, { version: 7 })],
          }),
        ).message,
      ).toBe(
        `not a CycloneDX JSON SBOM: components.0.${
          path ? `${path}.` : ''
        }version: Invalid input: expected string, received number`,
      );
    },
  );
});
