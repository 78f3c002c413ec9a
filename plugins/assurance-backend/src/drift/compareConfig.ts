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
import { EffectivePolicy } from '@real-app-forever/plugin-assurance-common';

/** Config as keys and values: `requiredGates` and `gates.<id>.<setting>`. */
export type FlatConfig = Map<string, unknown>;

/** One key whose reported value is not the expected one. */
export interface ConfigDifference {
  key: string;
  expected: unknown;
  /** Undefined (absent in JSON) when the key was not reported. */
  actual: unknown;
}

/** How a reported config compares with the expected one. */
export interface ConfigComparison {
  inSync: boolean;
  differences: ConfigDifference[];
  /** How many expected keys were compared. */
  compared: number;
  /** Reported keys that are not expected; they do not count as drift. */
  ignored: string[];
}

/**
 * The config an environment is expected to run: the effective gate policy
 * as `requiredGates` (sorted) and `gates.<id>.<setting>` keys.
 */
export function expectedConfig(policy: EffectivePolicy): FlatConfig {
  const config: FlatConfig = new Map();
  config.set(
    'requiredGates',
    normalizeGateList(policy.requiredGates.map(gate => gate.value)),
  );
  for (const [gateId, settings] of Object.entries(policy.gates)) {
    for (const [setting, sourced] of Object.entries(settings ?? {})) {
      if (sourced !== undefined) {
        config.set(`gates.${gateId}.${setting}`, sourced.value);
      }
    }
  }
  return config;
}

/**
 * Reads a reported document into keys the same way. It may be flat
 * (`{ "gates.coverage.minLineRate": 0.8 }`), nested
 * (`{ gates: { coverage: { minLineRate: 0.8 } } }`) or an effective policy
 * whose values are `{ value, source }`; the forms may be mixed.
 */
export function flattenDocument(document: Record<string, unknown>): FlatConfig {
  const config: FlatConfig = new Map();
  const addGate = (gateId: string, settings: unknown) => {
    const values = unwrap(settings);
    if (!isPlainObject(values)) {
      config.set(`gates.${gateId}`, values);
      return;
    }
    for (const [setting, value] of Object.entries(values)) {
      config.set(`gates.${gateId}.${setting}`, unwrap(value));
    }
  };

  for (const [key, raw] of Object.entries(document)) {
    const value = unwrap(raw);
    if (key === 'requiredGates' && Array.isArray(value)) {
      config.set(key, normalizeGateList(value.map(unwrap)));
    } else if (key === 'gates' && isPlainObject(value)) {
      for (const [gateId, settings] of Object.entries(value)) {
        addGate(gateId, settings);
      }
    } else if (/^gates\.[^.]+$/.test(key)) {
      addGate(key.slice('gates.'.length), value);
    } else {
      config.set(key, value);
    }
  }
  return config;
}

/**
 * Compares every expected key with the reported one. A key that is missing
 * or has another value is a difference; keys only the report has are
 * ignored.
 */
export function compareConfig(options: {
  expected: FlatConfig;
  actual: FlatConfig;
}): ConfigComparison {
  const { expected, actual } = options;
  const differences: ConfigDifference[] = [];
  for (const [key, value] of expected) {
    if (!actual.has(key)) {
      differences.push({ key, expected: value, actual: undefined });
    } else if (canonicalJson(actual.get(key)) !== canonicalJson(value)) {
      differences.push({ key, expected: value, actual: actual.get(key) });
    }
  }
  const ignored = [...actual.keys()].filter(key => !expected.has(key)).sort();
  return {
    inSync: differences.length === 0,
    differences,
    compared: expected.size,
    ignored,
  };
}

/** JSON with object keys sorted at every level, for hashing and equality. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) {
    return 'null';
  }
  return JSON.stringify(sortKeys(value));
}

/** The version of a reported document: sha256 of its canonical JSON. */
export function documentVersion(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, sortKeys(value[key])]),
    );
  }
  return value;
}

/** Gate lists compare as sets: sorted, each gate once. */
function normalizeGateList(gates: unknown[]): unknown[] {
  const unique = [...new Set(gates.map(gate => canonicalJson(gate)))];
  return unique.sort().map(json => JSON.parse(json));
}

/** `{ value, source }` of an effective policy becomes its value. */
function unwrap(value: unknown): unknown {
  if (
    isPlainObject(value) &&
    'value' in value &&
    isPlainObject(value.source) &&
    Object.keys(value).every(key => key === 'value' || key === 'source')
  ) {
    return value.value;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
