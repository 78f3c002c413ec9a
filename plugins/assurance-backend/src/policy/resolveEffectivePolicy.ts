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
  EffectivePolicy,
  GATE_POLICY_ANNOTATION,
  GatePolicyLayer,
  RISK_LEVEL_ANNOTATION,
  gatePolicyLayerSchema,
  normalizeEntityRef,
} from '@real-app-forever/plugin-assurance-common';
import { formatConfigPath } from './configPath';
import { PolicyConfig } from './policyConfig';
import {
  MergedPolicy,
  PolicyRefusal,
  SourcedLayer,
  mergeLayers,
} from './mergeLayers';
import { policyVersion } from './policyVersion';
import { resolveRiskLevel } from './riskLevel';

/**
 * The policy in force for an entity (and environment), from its layers,
 * lowest first: platform (risk level), owning group, system, the profile or
 * inline policy of the entity's annotation, environment. A pure function of
 * its inputs; the history is left to the caller.
 */
export function resolveEffectivePolicy(options: {
  config: PolicyConfig;
  entity: Entity;
  environment?: string;
  knownGates: ReadonlySet<string>;
}): EffectivePolicy {
  const { config, entity, environment, knownGates } = options;
  const entityRef = normalizeEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
  const riskLevel = resolveRiskLevel({
    annotation: entity.metadata.annotations?.[RISK_LEVEL_ANNOTATION],
    policy: config,
  });

  const layers: SourcedLayer[] = [
    { source: { layer: 'platform' }, layer: config.platform[riskLevel] },
  ];
  for (const [layer, ref, map] of [
    ['group', entity.spec?.owner, config.groups],
    ['system', entity.spec?.system, config.systems],
  ] as const) {
    const name = relatedRef(ref, layer, entity.metadata.namespace);
    const found = name && map.get(name);
    if (found) {
      layers.push({ source: { layer, name }, layer: found });
    }
  }
  const annotation = readAnnotationLayer({
    annotation: entity.metadata.annotations?.[GATE_POLICY_ANNOTATION],
    profiles: config.profiles,
  });
  layers.push(...annotation.layers);
  const environmentLayer =
    environment !== undefined && config.environmentLayers.get(environment);
  if (environmentLayer) {
    layers.push({
      source: { layer: 'environment', name: environment },
      layer: environmentLayer,
    });
  }

  const merged = onlyRequired(
    mergeLayers({
      layers,
      allowLowering: config.allowLowering,
      knownGates,
    }),
  );
  return {
    entityRef,
    riskLevel,
    ...(environment !== undefined && { environment }),
    version: policyVersion(merged),
    requiredGates: merged.requiredGates,
    gates: merged.gates,
    maxOverrideDays: config.maxOverrideDays,
    refused: [...annotation.refused, ...merged.refused],
  };
}

/**
 * The layer the gate-policy annotation picks: a profile by name, or an
 * inline layer as JSON. What cannot be read is refused and ignored whole.
 */
export function readAnnotationLayer(options: {
  annotation: string | undefined;
  profiles: ReadonlyMap<string, GatePolicyLayer>;
}): { layers: SourcedLayer[]; refused: PolicyRefusal[] } {
  const value = options.annotation?.trim();
  if (!value) {
    return { layers: [], refused: [] };
  }

  if (!value.startsWith('{')) {
    const profile = options.profiles.get(value);
    if (profile) {
      return {
        layers: [{ source: { layer: 'profile', name: value }, layer: profile }],
        refused: [],
      };
    }
    const known = [...options.profiles.keys()];
    return refuse(
      { layer: 'profile', name: value },
      `unknown profile '${value}', ${
        known.length
          ? `known profiles are ${known.join(', ')}`
          : 'no profiles are configured'
      }`,
    );
  }

  const source = { layer: 'entity' } as const;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    return refuse(source, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = gatePolicyLayerSchema.safeParse(json);
  if (!parsed.success) {
    return {
      layers: [],
      refused: parsed.error.issues.map(issue => ({
        source,
        key:
          formatConfigPath(issue.path).replace(/^\./, '') ||
          GATE_POLICY_ANNOTATION,
        message: issue.message,
      })),
    };
  }
  return { layers: [{ source, layer: parsed.data }], refused: [] };
}

function refuse(source: SourcedLayer['source'], message: string) {
  return {
    layers: [],
    refused: [{ source, key: GATE_POLICY_ANNOTATION, message }],
  };
}

/** The entity's owner or system as a normalised ref, if it is one. */
function relatedRef(
  ref: unknown,
  defaultKind: string,
  defaultNamespace: string | undefined,
): string | undefined {
  if (typeof ref !== 'string' || !ref.trim()) {
    return undefined;
  }
  try {
    return normalizeEntityRef(ref, {
      defaultKind,
      defaultNamespace: defaultNamespace ?? 'default',
    });
  } catch {
    return undefined;
  }
}

/** Settings only for the gates that are required, in their order. */
function onlyRequired(merged: MergedPolicy): MergedPolicy {
  return {
    ...merged,
    gates: Object.fromEntries(
      merged.requiredGates.map(({ value: id }) => [id, merged.gates[id] ?? {}]),
    ),
  };
}
