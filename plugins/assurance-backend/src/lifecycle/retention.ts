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

import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EVIDENCE_FORMATS,
  EvidenceFormat,
} from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';

/**
 * How long evidence is kept, from `assurance.retention`.
 */
export interface RetentionPolicy {
  /** Days to keep each format; a format without a number is kept forever. */
  days: Partial<Record<EvidenceFormat, number>>;
  /** Days an entity may be missing from the catalog before its evidence goes. */
  orphanGraceDays: number;
}

const days = z.number().int().min(1, 'must be at least 1 day');

/** Reads the retention policy; throws naming the key at fault. */
export function readRetentionPolicy(config: Config): RetentionPolicy {
  const schema = z
    .object({
      defaultDays: days.optional(),
      formats: z
        .partialRecord(
          z.enum(EVIDENCE_FORMATS as [EvidenceFormat, ...EvidenceFormat[]]),
          days,
        )
        .optional(),
      orphanGraceDays: days.optional(),
    })
    .strict();
  const parsed = schema.safeParse(
    config.getOptional('assurance.retention') ?? {},
  );
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map(
        issue =>
          `assurance.retention${issue.path
            .map(p => `.${String(p)}`)
            .join('')}: ${issue.message}`,
      )
      .join('; ');
    throw new Error(`Invalid retention config: ${problems}`);
  }
  const { defaultDays, orphanGraceDays = 30 } = parsed.data;
  const formats: Partial<Record<EvidenceFormat, number>> =
    parsed.data.formats ?? {};
  return {
    days: Object.fromEntries(
      EVIDENCE_FORMATS.flatMap(format => {
        const kept = formats[format] ?? defaultDays;
        return kept ? [[format, kept]] : [];
      }),
    ),
    orphanGraceDays,
  };
}

/**
 * One pass of the retention job: expires old evidence (keeping each
 * entity's newest execution per format) and purges the evidence of
 * entities that have been gone from the catalog longer than the grace
 * period.
 */
export async function runRetention(options: {
  store: DatabaseLifecycleStore;
  catalog: CatalogService;
  auth: AuthService;
  policy: RetentionPolicy;
  logger: LoggerService;
  now: Date;
}): Promise<{ expired: number; purged: number }> {
  const { store, catalog, auth, policy, logger, now } = options;

  let expired = 0;
  for (const [format, kept] of Object.entries(policy.days)) {
    expired += await store.applyRetention({
      format: format as EvidenceFormat,
      before: DateTime.fromJSDate(now).minus({ days: kept }).toJSDate(),
      now,
    });
  }

  const entityRefs = await store.listEntityRefs();
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs, fields: ['kind', 'metadata.name'] },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  const missing = entityRefs.filter((_, index) => !items[index]);
  const present = entityRefs.filter((_, index) => items[index]);
  const missingSince = await store.trackMissing({ missing, present, now });

  const graceStart = DateTime.fromJSDate(now)
    .minus({ days: policy.orphanGraceDays })
    .toJSDate();
  let purged = 0;
  for (const [entityRef, since] of missingSince) {
    if (since <= graceStart) {
      purged += await store.purgeEntity({
        entityRef,
        now,
        graceDays: policy.orphanGraceDays,
      });
    }
  }

  logger.info('Evidence retention pass done', {
    expired,
    purged,
    missingEntities: missing.length,
  });
  return { expired, purged };
}

/** Runs the retention job every six hours, on one replica at a time. */
export async function scheduleRetention(options: {
  scheduler: SchedulerService;
  run: () => Promise<unknown>;
}): Promise<void> {
  await options.scheduler.scheduleTask({
    id: 'assurance-evidence-retention',
    frequency: { hours: 6 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 2 },
    fn: async () => {
      await options.run();
    },
  });
}
