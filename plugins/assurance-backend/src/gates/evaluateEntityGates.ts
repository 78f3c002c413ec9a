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
  EntityGates,
} from '@real-app-forever/plugin-assurance-common';
import { GateDefinition } from '@real-app-forever/plugin-assurance-node';
import { EvidenceStore } from '../database/EvidenceStore';
import { OverrideReader } from '../overrides/OverrideReader';
import { PolicyService } from '../policy/PolicyService';
import { evaluateGates } from './evaluateGates';
import { loadGateEvidence } from './loadGateEvidence';

/**
 * Computes an entity's gate verdicts (for one artifact and environment,
 * when given) from the stored evidence and overrides. The gates route and
 * promotions both ask this, so they never disagree.
 */
export async function evaluateEntityGates(options: {
  entity: Entity;
  entityRef: string;
  store: EvidenceStore;
  policyService: PolicyService;
  overrides: OverrideReader;
  gates: ReadonlyMap<string, GateDefinition>;
  digest?: string;
  environment?: string;
  /** Evaluate these gates instead of the policy's required ones. */
  requiredGates?: string[];
  now: Date;
}): Promise<EntityGates> {
  const { entity, entityRef, store, gates, digest, environment, now } = options;
  const effective = await options.policyService.getEffectivePolicy({
    entity,
    environment,
  });
  const policy = withRequiredGates(effective, options.requiredGates);
  const required = policy.requiredGates.flatMap(({ value }) => {
    const gate = gates.get(value);
    return gate ? [gate] : [];
  });
  const [evidence, entityOverrides] = await Promise.all([
    loadGateEvidence({ store, entityRef, gates: required, digest }),
    options.overrides.listOverrides({ entityRef, now }),
  ]);
  return evaluateGates({
    entityRef,
    policy,
    gates,
    evidence,
    overrides: entityOverrides,
    digest,
    now,
  });
}

function withRequiredGates(
  policy: EffectivePolicy,
  requiredGates: string[] | undefined,
): EffectivePolicy {
  if (!requiredGates) {
    return policy;
  }
  const sources = new Map(
    policy.requiredGates.map(gate => [gate.value, gate.source]),
  );
  return {
    ...policy,
    requiredGates: requiredGates.map(value => ({
      value,
      source: sources.get(value) ?? {
        layer: 'environment',
        name: policy.environment,
      },
    })),
  };
}
