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

/**
 * The annotation that gives an entity its own environments, in promotion
 * order, e.g. `dev, qa, staging, prod`.
 */
export const ENVIRONMENTS_ANNOTATION = 'real-app-forever.dev/environments';

/** A name the annotation may use: lower case, like a DNS label. */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** An entity's environments and where they come from. */
export interface EntityEnvironments {
  /** In promotion order; the last is production. */
  environments: string[];
  source: 'config' | 'annotation';
  /**
   * What is wrong with the annotation, when it is set but invalid; the
   * configured environments apply then.
   */
  problems: string[];
}

/**
 * The environments of an entity: those its annotation names when it is
 * valid, else the configured ones. An invalid annotation never fails a
 * read; it falls back to config and says why. Pure.
 */
export function resolveEntityEnvironments(options: {
  entity?: Entity;
  configured: readonly string[];
}): EntityEnvironments {
  const configured = {
    environments: [...options.configured],
    source: 'config' as const,
  };
  const raw = options.entity?.metadata.annotations?.[ENVIRONMENTS_ANNOTATION];
  if (raw === undefined) {
    return { ...configured, problems: [] };
  }
  const { names, problems } = parseEnvironmentsAnnotation(raw);
  return problems.length > 0
    ? { ...configured, problems }
    : { environments: names, source: 'annotation', problems: [] };
}

/**
 * Splits the annotation at commas and checks each name; every problem is
 * a sentence that names the annotation.
 */
export function parseEnvironmentsAnnotation(value: string): {
  names: string[];
  problems: string[];
} {
  const prefix = `${ENVIRONMENTS_ANNOTATION}:`;
  if (value.trim() === '') {
    return {
      names: [],
      problems: [`${prefix} is empty; name at least one environment`],
    };
  }
  const names = value.split(',').map(part => part.trim());
  const problems: string[] = [];
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (name === '') {
      problems.push(`${prefix} entry ${index + 1} is empty`);
    } else if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
      problems.push(
        `${prefix} '${name}' is not an environment name (lower-case letters, digits and -, starting with a letter, at most 63 characters)`,
      );
    } else if (seen.has(name)) {
      problems.push(`${prefix} '${name}' is named twice`);
    }
    seen.add(name);
  });
  return { names, problems };
}
