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

import { Config } from '@backstage/config';
import {
  GatePolicyConfig,
  GatePolicyLayer,
  GateSettings,
  PolicySource,
  RISK_LEVELS,
  RiskLevel,
  environmentsSchema,
  gatePolicyConfigSchema,
  normalizeEntityRef,
} from '@real-app-forever/plugin-assurance-common';
import {
  DEFAULT_ENVIRONMENTS,
  DEFAULT_MAX_OVERRIDE_DAYS,
  DEFAULT_REQUIRED_GATES,
  DEFAULT_RISK_LEVEL,
  builtInGateSettings,
} from './gateDefaults';
import { describeIssues, formatConfigPath } from './configPath';
import { mergeLayers, unknownGateMessage } from './mergeLayers';

/** `assurance.gatePolicy` and `assurance.environments`, validated. */
export interface PolicyConfig {
  defaultRiskLevel: RiskLevel;
  allowLowering: boolean;
  maxOverrideDays: number;
  environments: string[];
  /** Per risk level: built-in settings, then `gates`, then the level's own. */
  platform: Record<RiskLevel, GatePolicyLayer>;
  /** By normalised entity ref of the owner. */
  groups: ReadonlyMap<string, GatePolicyLayer>;
  /** By normalised entity ref of the system. */
  systems: ReadonlyMap<string, GatePolicyLayer>;
  profiles: ReadonlyMap<string, GatePolicyLayer>;
  environmentLayers: ReadonlyMap<string, GatePolicyLayer>;
}

type LayerKind = 'groups' | 'systems' | 'profiles' | 'environments';

const LAYER_KINDS: Array<[LayerKind, PolicySource['layer']]> = [
  ['groups', 'group'],
  ['systems', 'system'],
  ['profiles', 'profile'],
  ['environments', 'environment'],
];

/**
 * Reads and checks the gate policy in app-config. Throws an error naming
 * each config key at fault, so that a bad policy stops the backend at
 * startup: invalid values, unknown gates, and (unless `allowLowering`) a
 * group, system, profile or environment layer that loosens the platform's
 * settings of some risk level.
 */
export function readPolicyConfig(options: {
  config: Config;
  knownGates: ReadonlySet<string>;
}): PolicyConfig {
  const { config, knownGates } = options;
  const problems: string[] = [];

  const rawEnvironments = config.getOptional('assurance.environments');
  const environments = environmentsSchema.safeParse(
    rawEnvironments ?? DEFAULT_ENVIRONMENTS,
  );
  if (!environments.success) {
    problems.push(...describeIssues('assurance.environments', environments));
  }
  const parsed = gatePolicyConfigSchema.safeParse(
    config.getOptional('assurance.gatePolicy') ?? {},
  );
  if (!parsed.success) {
    problems.push(...describeIssues('assurance.gatePolicy', parsed));
  }
  if (!parsed.success || !environments.success) {
    throw invalid(problems);
  }

  const raw = parsed.data;
  problems.push(...checkGateIds(raw, knownGates));
  const platform = Object.fromEntries(
    RISK_LEVELS.map(riskLevel => [
      riskLevel,
      {
        requiredGates: [
          ...new Set(
            raw.riskLevels?.[riskLevel]?.requiredGates ??
              DEFAULT_REQUIRED_GATES[riskLevel],
          ),
        ],
        gates: overlay(
          builtInGateSettings({ riskLevel, knownGates }),
          raw.gates,
          raw.riskLevels?.[riskLevel]?.gates,
        ),
      },
    ]),
  ) as Record<RiskLevel, GatePolicyLayer>;

  const maps = Object.fromEntries(
    LAYER_KINDS.map(([kind]) => [
      kind,
      layerMap({ kind, raw, environments: environments.data, problems }),
    ]),
  ) as Record<LayerKind, Map<string, GatePolicyLayer>>;
  const allowLowering = raw.allowLowering ?? false;
  if (!allowLowering && problems.length === 0) {
    problems.push(...checkLowerings({ raw, platform, knownGates }));
  }
  if (problems.length > 0) {
    throw invalid(problems);
  }

  return {
    defaultRiskLevel: raw.defaultRiskLevel ?? DEFAULT_RISK_LEVEL,
    allowLowering,
    maxOverrideDays: raw.maxOverrideDays ?? DEFAULT_MAX_OVERRIDE_DAYS,
    environments: environments.data,
    platform,
    groups: maps.groups,
    systems: maps.systems,
    profiles: maps.profiles,
    environmentLayers: maps.environments,
  };
}

function invalid(problems: string[]): Error {
  return new Error(`Invalid gate policy in app-config: ${problems.join('; ')}`);
}

/** Later settings replace earlier ones key by key; the platform may loosen. */
function overlay(
  ...layers: Array<Record<string, GateSettings> | undefined>
): Record<string, GateSettings> {
  const result: Record<string, GateSettings> = {};
  for (const layer of layers) {
    for (const [id, settings] of Object.entries(layer ?? {})) {
      const maxFindings = settings.maxFindings && {
        ...result[id]?.maxFindings,
        ...settings.maxFindings,
      };
      result[id] = {
        ...result[id],
        ...settings,
        ...(maxFindings && { maxFindings }),
      };
    }
  }
  return result;
}

function* namedLayers(raw: GatePolicyConfig) {
  yield { path: [] as string[], layer: { gates: raw.gates } };
  for (const level of RISK_LEVELS) {
    const layer = raw.riskLevels?.[level];
    if (layer) {
      yield { path: ['riskLevels', level], layer };
    }
  }
  for (const [kind] of LAYER_KINDS) {
    for (const [name, layer] of Object.entries(raw[kind] ?? {})) {
      yield { path: [kind, name], layer };
    }
  }
}

function checkGateIds(raw: GatePolicyConfig, knownGates: ReadonlySet<string>) {
  const problems: string[] = [];
  const at = (path: PropertyKey[], id: string) =>
    problems.push(
      `assurance.gatePolicy${formatConfigPath(path)}: ${unknownGateMessage(
        id,
        knownGates,
      )}`,
    );
  for (const { path, layer } of namedLayers(raw)) {
    (layer.requiredGates ?? []).forEach((id, index) => {
      if (!knownGates.has(id)) {
        at([...path, 'requiredGates', index], id);
      }
    });
    for (const id of Object.keys(layer.gates ?? {})) {
      if (!knownGates.has(id)) {
        at([...path, 'gates', id], id);
      }
    }
  }
  return problems;
}

function layerMap(options: {
  kind: LayerKind;
  raw: GatePolicyConfig;
  environments: string[];
  problems: string[];
}): Map<string, GatePolicyLayer> {
  const { kind, raw, environments, problems } = options;
  const result = new Map<string, GatePolicyLayer>();
  const firstKey = new Map<string, string>();
  for (const [key, layer] of Object.entries(raw[kind] ?? {})) {
    const path = `assurance.gatePolicy${formatConfigPath([kind, key])}`;
    let name = key;
    if (kind === 'groups' || kind === 'systems') {
      try {
        name = normalizeEntityRef(key, {
          defaultKind: kind === 'groups' ? 'group' : 'system',
        });
      } catch (error) {
        problems.push(
          `${path}: not an entity reference: ${(error as Error).message}`,
        );
        continue;
      }
    }
    if (kind === 'environments' && !environments.includes(key)) {
      problems.push(
        `${path}: unknown environment '${key}', known environments are ${environments.join(
          ', ',
        )} (assurance.environments)`,
      );
    }
    if (firstKey.has(name)) {
      problems.push(
        `${path}: names the same ${name} as "${firstKey.get(name)}"`,
      );
    }
    firstKey.set(name, key);
    result.set(name, layer);
  }
  return result;
}

function checkLowerings(options: {
  raw: GatePolicyConfig;
  platform: Record<RiskLevel, GatePolicyLayer>;
  knownGates: ReadonlySet<string>;
}): string[] {
  const problems = new Map<string, string>();
  for (const [kind, layerName] of LAYER_KINDS) {
    for (const [key, layer] of Object.entries(options.raw[kind] ?? {})) {
      for (const riskLevel of RISK_LEVELS) {
        const { refused } = mergeLayers({
          layers: [
            {
              source: { layer: 'platform' },
              layer: options.platform[riskLevel],
            },
            { source: { layer: layerName, name: key }, layer },
          ],
          allowLowering: false,
          knownGates: options.knownGates,
        });
        for (const refusal of refused) {
          const path = `assurance.gatePolicy${formatConfigPath([kind, key])}.${
            refusal.key
          }`;
          if (!problems.has(path)) {
            problems.set(
              path,
              `${path}: at risk level ${riskLevel}, ${refusal.message}`,
            );
          }
        }
      }
    }
  }
  return [...problems.values()];
}
