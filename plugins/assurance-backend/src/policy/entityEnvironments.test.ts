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
import {
  ENVIRONMENTS_ANNOTATION,
  parseEnvironmentsAnnotation,
  resolveEntityEnvironments,
} from './entityEnvironments';

const configured = ['dev', 'staging', 'prod'];

function entityWith(annotation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      ...(annotation !== undefined && {
        annotations: { [ENVIRONMENTS_ANNOTATION]: annotation },
      }),
    },
  };
}

describe('resolveEntityEnvironments', () => {
  it('uses config without an entity or without the annotation', () => {
    const expected = {
      environments: configured,
      source: 'config',
      problems: [],
    };
    expect(resolveEntityEnvironments({ configured })).toEqual(expected);
    expect(
      resolveEntityEnvironments({ entity: entityWith(), configured }),
    ).toEqual(expected);
  });

  it('uses a valid annotation, in its order, spaces trimmed', () => {
    expect(
      resolveEntityEnvironments({
        entity: entityWith(' dev, qa ,staging,  prod '),
        configured,
      }),
    ).toEqual({
      environments: ['dev', 'qa', 'staging', 'prod'],
      source: 'annotation',
      problems: [],
    });
    expect(
      resolveEntityEnvironments({ entity: entityWith('live'), configured }),
    ).toMatchObject({ environments: ['live'], source: 'annotation' });
  });

  it('falls back to config on an invalid annotation and says why', () => {
    const result = resolveEntityEnvironments({
      entity: entityWith('dev, QA, dev, , 9lives'),
      configured,
    });
    expect(result).toEqual({
      environments: configured,
      source: 'config',
      problems: [
        expect.stringContaining("'QA' is not an environment name"),
        `${ENVIRONMENTS_ANNOTATION}: 'dev' is named twice`,
        `${ENVIRONMENTS_ANNOTATION}: entry 4 is empty`,
        expect.stringContaining("'9lives' is not an environment name"),
      ],
    });
  });

  it('does not share the configured array', () => {
    const result = resolveEntityEnvironments({ configured });
    result.environments.push('x');
    expect(configured).toEqual(['dev', 'staging', 'prod']);
  });
});

describe('parseEnvironmentsAnnotation', () => {
  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['dev,', 'entry 2 is empty'],
    ['dev_1', "'dev_1' is not an environment name"],
    [`a${'b'.repeat(63)}`, 'is not an environment name'],
  ])('refuses %p', (value, problem) => {
    expect(parseEnvironmentsAnnotation(value).problems).toEqual([
      expect.stringContaining(problem),
    ]);
  });

  it('accepts names of up to 63 characters with digits and dashes', () => {
    const long = `a${'b'.repeat(62)}`;
    expect(parseEnvironmentsAnnotation(`eu-1,${long}`)).toEqual({
      names: ['eu-1', long],
      problems: [],
    });
  });
});
