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

import { parseEntityRef } from '@backstage/catalog-model';
import {
  EffectivePolicy,
  GatePolicyLayer,
  GateSettings,
  PolicySource,
  SEVERITIES,
  Severity,
  SourcedValue,
  severityRank,
} from '@real-app-forever/plugin-assurance-common';

/** A policy layer and where it came from. */
export interface SourcedLayer {
  source: PolicySource;
  layer: GatePolicyLayer;
}

/** A value a layer tried to set that is not in force. */
export type PolicyRefusal = EffectivePolicy['refused'][number];

/** The settings of one gate, each with its source. */
export type SourcedSettings = EffectivePolicy['gates'][string];

/** Layers merged: required gates and settings, with what was refused. */
export interface MergedPolicy {
  requiredGates: Array<SourcedValue<string>>;
  gates: Record<string, SourcedSettings>;
  refused: PolicyRefusal[];
}

/** Setting keys, in the order they are merged, shown and hashed. */
export const SETTING_KEYS: ReadonlyArray<keyof GateSettings> = [
  'freshnessDays',
  'maxSeverity',
  'maxFindings',
  'maxErrors',
  'maxWarnings',
  'minLineRate',
  'minScore',
  'requireVerifiedSignature',
  'suitePattern',
];

type ScalarKey = Exclude<keyof GateSettings, 'maxFindings'>;

/**
 * Merges policy layers, lowest first. Required gates are the union in the
 * order first seen. A setting may be tightened by any layer; loosening it
 * is refused unless `allowLowering`. `suitePattern` is not a strictness
 * setting: any layer may set it. Gate ids outside `knownGates` are refused.
 */
export function mergeLayers(options: {
  layers: SourcedLayer[];
  allowLowering: boolean;
  knownGates: ReadonlySet<string>;
}): MergedPolicy {
  const { allowLowering, knownGates } = options;
  const requiredGates: Array<SourcedValue<string>> = [];
  const gates: Record<string, SourcedSettings> = {};
  const refused: PolicyRefusal[] = [];

  for (const { source, layer } of options.layers) {
    for (const id of layer.requiredGates ?? []) {
      if (!knownGates.has(id)) {
        refused.push({
          source,
          key: 'requiredGates',
          message: unknownGateMessage(id, knownGates),
        });
      } else if (!requiredGates.some(gate => gate.value === id)) {
        requiredGates.push({ value: id, source });
      }
    }

    for (const [id, settings] of Object.entries(layer.gates ?? {})) {
      if (!knownGates.has(id)) {
        refused.push({
          source,
          key: `gates.${id}`,
          message: unknownGateMessage(id, knownGates),
        });
        continue;
      }
      const current = (gates[id] ??= {});
      const lowering = (
        path: string,
        before: SourcedValue<unknown>,
        after: unknown,
      ) =>
        refused.push({
          source,
          key: `gates.${id}.${path}`,
          message: loweringMessage(before, after),
        });
      for (const key of SETTING_KEYS) {
        if (key === 'maxFindings') {
          mergeMaxFindings({
            current,
            added: settings.maxFindings,
            source,
            allowLowering,
            lowering,
          });
          continue;
        }
        const after = settings[key];
        const before = current[key] as SourcedValue<unknown> | undefined;
        if (after === undefined || before?.value === after) {
          continue;
        }
        if (
          before &&
          !allowLowering &&
          strictness(key, before.value, after) < 0
        ) {
          lowering(key, before, after);
          continue;
        }
        (current as Record<string, SourcedValue<unknown>>)[key] = {
          value: after,
          source,
        };
      }
    }
  }

  return { requiredGates, gates, refused };
}

/** How a layer's source is named in messages. */
export function describeSource(source: PolicySource): string {
  switch (source.layer) {
    case 'platform':
      return 'the platform policy';
    case 'entity':
      return 'the entity annotation';
    case 'group':
    case 'system':
      return `${source.layer} ${shortRef(source.name ?? '')}`;
    default:
      return `${source.layer} ${source.name ?? ''}`.trim();
  }
}

/** The message of an unknown gate id. */
export function unknownGateMessage(
  id: string,
  knownGates: ReadonlySet<string>,
): string {
  return `unknown gate '${id}', known gates are ${[...knownGates].join(', ')}`;
}

function mergeMaxFindings(options: {
  current: SourcedSettings;
  added: Partial<Record<Severity, number>> | undefined;
  source: PolicySource;
  allowLowering: boolean;
  lowering: (
    path: string,
    before: SourcedValue<unknown>,
    after: unknown,
  ) => void;
}) {
  const { current, added, source, allowLowering, lowering } = options;
  if (!added) {
    return;
  }
  const before = current.maxFindings;
  const next: Partial<Record<Severity, number>> = { ...before?.value };
  let changed = false;
  for (const severity of SEVERITIES) {
    const after = added[severity];
    const old = next[severity];
    if (after === undefined || after === old) {
      continue;
    }
    if (before && old !== undefined && after > old && !allowLowering) {
      lowering(
        `maxFindings.${severity}`,
        { value: old, source: before.source },
        after,
      );
      continue;
    }
    next[severity] = after;
    changed = true;
  }
  if (changed) {
    current.maxFindings = { value: next, source };
  }
}

/**
 * Above zero when `after` is stricter than `before`, below zero when it is
 * looser, zero when neither.
 */
function strictness(key: ScalarKey, before: unknown, after: unknown): number {
  switch (key) {
    case 'freshnessDays':
    case 'maxErrors':
    case 'maxWarnings':
      return (before as number) - (after as number);
    case 'minLineRate':
    case 'minScore':
      return (after as number) - (before as number);
    case 'maxSeverity':
      return (
        severityRank(before as Severity | 'none') -
        severityRank(after as Severity | 'none')
      );
    case 'requireVerifiedSignature':
      return Number(after) - Number(before);
    default:
      return 0;
  }
}

function loweringMessage(before: SourcedValue<unknown>, after: unknown) {
  let verb = 'loosens';
  if (typeof before.value === 'number' && typeof after === 'number') {
    verb = after < before.value ? 'lowers' : 'raises';
  }
  return `${verb} ${String(before.value)} (from ${describeSource(
    before.source,
  )}) to ${String(after)}; the platform policy does not allow lowering`;
}

function shortRef(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}
