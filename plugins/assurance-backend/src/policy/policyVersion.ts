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

import { createHash } from 'node:crypto';
import { MergedPolicy, SETTING_KEYS } from './mergeLayers';

/**
 * The version of an effective policy: the hex sha256 of the canonical JSON
 * of its required gate ids (in order) and its setting values. Sources are
 * left out, so the version changes exactly when what is enforced changes.
 */
export function policyVersion(
  policy: Pick<MergedPolicy, 'requiredGates' | 'gates'>,
): string {
  const gates = Object.fromEntries(
    Object.entries(policy.gates).map(([id, settings]) => [
      id,
      Object.fromEntries(
        SETTING_KEYS.filter(key => settings[key] !== undefined).map(key => [
          key,
          settings[key]!.value,
        ]),
      ),
    ]),
  );
  const document = {
    requiredGates: policy.requiredGates.map(gate => gate.value),
    gates,
  };
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so that
 * equal values always give the same text.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : Number(a > b)));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
