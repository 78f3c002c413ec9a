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

import type { PolicySource } from '@real-app-forever/plugin-assurance-common';

/**
 * Names the layer a policy value came from: `platform`,
 * `group team-payments`, `profile strict`, `environment prod`. A name that
 * is an entity ref is shortened to its name.
 */
export function formatPolicySource(source: PolicySource): string {
  if (!source.name) {
    return source.layer;
  }
  const name = source.name;
  const short = name.includes('/')
    ? name.slice(name.lastIndexOf('/') + 1)
    : name.slice(name.indexOf(':') + 1);
  return `${source.layer} ${short}`;
}

/**
 * Formats a policy setting's value for a table cell: `yes`/`no`, numbers
 * and strings as they are, `critical: 0, high: 2` for a map.
 */
export function formatPolicyValue(value: unknown): string {
  if (value === undefined || value === null) {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (Array.isArray(value)) {
    return value.map(formatPolicyValue).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${formatPolicyValue(item)}`)
      .join(', ');
  }
  return String(value);
}
