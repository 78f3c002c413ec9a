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

import { readFile } from 'node:fs/promises';
import { LoggerService } from '@backstage/backend-plugin-api';
import { entityRefToPath } from '@real-app-forever/plugin-assurance-common';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

const digestSchema = z
  .string()
  .regex(/^sha256:[a-f0-9]{64}$/, 'a digest is sha256:<64 hex digits>');

const recordStep = z.strictObject({
  record: z.string().min(1),
  version: z.string().min(1),
  daysAgo: z.number().min(0).max(365),
  status: z.enum(['succeeded', 'failed']).default('succeeded'),
  migrationStatus: z
    .enum(['none', 'pending', 'applied', 'failed', 'rolled-back'])
    .default('none'),
  reason: z.string().optional(),
  workItem: z.string().optional(),
});

const rollbackStep = z.strictObject({
  rollback: z.string().min(1),
  reason: z.string().min(1),
});

const promoteStep = z.strictObject({
  promote: z.string().min(1),
  version: z.string().min(1),
  reason: z.string().optional(),
});

const entityPlanSchema = z
  .strictObject({
    artifact: z.string().min(1),
    versions: z.record(z.string(), digestSchema),
    builds: z.record(z.string(), z.string()).default({}),
    steps: z.array(z.union([recordStep, rollbackStep, promoteStep])),
  })
  .superRefine((plan, ctx) => {
    const named = [
      ...Object.values(plan.builds),
      ...plan.steps.flatMap(step => ('version' in step ? [step.version] : [])),
    ];
    for (const version of named) {
      if (!plan.versions[version]) {
        ctx.addIssue({
          code: 'custom',
          message: `version ${version} has no digest under versions`,
        });
      }
    }
  });

const planSchema = z.strictObject({
  entities: z.record(z.string(), entityPlanSchema),
});

/** The example release history: per entity, its versions and the steps. */
export type ExampleReleasePlan = z.infer<typeof planSchema>;
type Step = ExampleReleasePlan['entities'][string]['steps'][number];

/** Reads and checks `examples/releases.yaml`. */
export async function loadExampleReleases(
  path: string,
): Promise<ExampleReleasePlan> {
  const parsed = planSchema.safeParse(parseYaml(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path} is not a valid example release plan: ${z.prettifyError(
        parsed.error,
      )}`,
    );
  }
  return parsed.data;
}

/**
 * The artifact an example build produced, so that its evidence names the
 * digest; undefined for builds that were never released.
 */
export function exampleBuildArtifact(
  plan: ExampleReleasePlan,
  entityRef: string,
  executionId: string,
): { name: string; version: string; digest: string } | undefined {
  const entity = plan.entities[entityRef];
  const version = entity?.builds[executionId];
  if (!entity || !version) {
    return undefined;
  }
  return { name: entity.artifact, version, digest: entity.versions[version] };
}

/** What seeding the example releases did. */
export interface ReleaseSeedResult {
  /** Entities whose steps all ran. */
  seeded: number;
  /** Entities that had releases already. */
  skipped: number;
  /** Entities whose steps stopped at a refused or failed call. */
  failed: number;
}

/**
 * Replays the plan through the assurance API, entity by entity, in order.
 * An entity that has releases already is skipped, so that a restart adds
 * nothing; a call that fails stops that entity's remaining steps.
 */
export async function seedExampleReleases(options: {
  plan: ExampleReleasePlan;
  /** The assurance plugin's base URL. */
  baseUrl: string;
  getToken: () => Promise<string>;
  logger: LoggerService;
  fetch?: typeof fetch;
  now?: () => Date;
}): Promise<ReleaseSeedResult> {
  const { plan, baseUrl, getToken, logger } = options;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const result: ReleaseSeedResult = { seeded: 0, skipped: 0, failed: 0 };

  const call = async (method: string, path: string, body?: object) => {
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await getToken()}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined);
      throw new Error(`${method} ${path} answered ${response.status}`);
    }
    return response.json();
  };

  for (const [entityRef, entity] of Object.entries(plan.entities)) {
    const entityPath = `/v1/entities/${entityRefToPath(entityRef)}`;
    try {
      const { items } = await call('GET', `${entityPath}/releases`);
      if (items.length > 0) {
        result.skipped += 1;
        continue;
      }
      for (const step of entity.steps) {
        await runStep({ step, entity, entityPath, call, now, logger });
      }
      result.seeded += 1;
    } catch (error) {
      result.failed += 1;
      logger.warn(`Could not seed the example releases of ${entityRef}`, {
        error: String(error),
      });
    }
  }
  return result;
}

async function runStep(options: {
  step: Step;
  entity: ExampleReleasePlan['entities'][string];
  entityPath: string;
  call: (method: string, path: string, body?: object) => Promise<any>;
  now: () => Date;
  logger: LoggerService;
}): Promise<void> {
  const { step, entity, entityPath, call, now, logger } = options;
  const artifact = (version: string) => ({
    name: entity.artifact,
    version,
    digest: entity.versions[version],
  });

  if ('record' in step) {
    const { record, version, daysAgo, ...rest } = step;
    await call('POST', `${entityPath}/releases`, {
      ...rest,
      environment: record,
      artifact: artifact(version),
      deployedAt: new Date(now().getTime() - daysAgo * DAY_MS).toISOString(),
    });
  } else if ('rollback' in step) {
    const { release } = await call(
      'POST',
      `${entityPath}/environments/${encodeURIComponent(
        step.rollback,
      )}/rollbacks`,
      { reason: step.reason },
    );
    // The pipeline that redeploys the target reports it done.
    await call('PATCH', `/v1/releases/${encodeURIComponent(release.id)}`, {
      status: 'succeeded',
    });
  } else {
    const { name, version, digest } = artifact(step.version);
    const decision = await call(
      'POST',
      `${entityPath}/environments/${encodeURIComponent(
        step.promote,
      )}/promotions`,
      { digest, name, version, reason: step.reason },
    );
    if (decision.decision === 'refused') {
      throw new Error(
        `promotion of ${version} to ${
          step.promote
        } refused: ${decision.reasons.join('; ')}`,
      );
    }
    logger.info('Example promotion requested', {
      environment: step.promote,
      version,
      decision: decision.decision,
    });
  }
}
