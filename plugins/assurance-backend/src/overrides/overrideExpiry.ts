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
import { GateOverride } from '@real-app-forever/plugin-assurance-common';
import { DateTime } from 'luxon';
import { OverrideNotifier } from './OverrideNotifier';
import { OverrideNotice, OverrideStore } from './OverrideStore';

/** The actor of the notices in the audit log. */
const EXPIRY_ACTOR = 'system:override-expiry';

/** Overrides handled per pass; the rest wait for the next hour. */
const BATCH = 200;

/** Days before its end that an approved override is announced by default. */
export const DEFAULT_NOTIFY_DAYS_BEFORE = 3;

/** Reads `assurance.overrides.notifyDaysBefore`; throws when it is bad. */
export function readNotifyDaysBefore(config: Config): number {
  const key = 'assurance.overrides.notifyDaysBefore';
  const days = config.getOptionalNumber(key) ?? DEFAULT_NOTIFY_DAYS_BEFORE;
  if (!Number.isInteger(days) || days < 0) {
    throw new Error(`Invalid config ${key}: must be a whole number ≥ 0`);
  }
  return days;
}

/**
 * One pass of the expiry job: warns the owners of approved overrides that
 * end within `notifyDaysBefore` days and tells them when one has ended,
 * each once. A notice is remembered only after it went out, so one that
 * failed is tried again on the next pass.
 */
export async function runOverrideExpiry(options: {
  store: OverrideStore;
  notifier: OverrideNotifier;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  notifyDaysBefore: number;
  now: Date;
}): Promise<{ warned: number; lapsed: number; failed: number }> {
  const { store, notifier, catalog, auth, logger, now } = options;
  const warnUntil = DateTime.fromJSDate(now)
    .plus({ days: options.notifyDaysBefore })
    .toJSDate();
  const pending = await store.listPendingNotices({
    now,
    warnUntil,
    limit: BATCH,
  });
  const credentials = await auth.getOwnServiceCredentials();

  const counts = { warned: 0, lapsed: 0, failed: 0 };
  const handle = async (override: GateOverride, notice: OverrideNotice) => {
    try {
      const entity = await catalog.getEntityByRef(override.entityRef, {
        credentials,
      });
      // An entity that left the catalog has nobody to tell; the notice is
      // still remembered so that it is not looked for every hour.
      const sent = entity
        ? await notifier.notify({
            entity,
            override,
            event: notice === 'lapse' ? 'lapsed' : 'expiring',
          })
        : false;
      const marked = await store.markNoticeSent({
        id: override.id,
        notice,
        now,
        audit: {
          actor: EXPIRY_ACTOR,
          action:
            notice === 'lapse' ? 'override.lapse' : 'override.expiry-warning',
          entityRef: override.entityRef,
          subjectId: override.id,
          details: {
            gateId: override.gateId,
            expiresAt: override.expiresAt,
            notified: sent,
          },
        },
      });
      if (marked) {
        counts[notice === 'lapse' ? 'lapsed' : 'warned'] += 1;
      }
    } catch (error) {
      counts.failed += 1;
      logger.warn(
        `Could not send the ${notice} notice of override ${override.id}`,
        error as Error,
      );
    }
  };

  for (const override of pending.expiring) {
    await handle(override, 'expiry-warning');
  }
  for (const override of pending.lapsed) {
    await handle(override, 'lapse');
  }

  logger.info('Override expiry pass done', counts);
  return counts;
}

/** Runs the expiry job every hour, on one replica at a time. */
export async function scheduleOverrideExpiry(options: {
  scheduler: SchedulerService;
  run: () => Promise<unknown>;
}): Promise<void> {
  await options.scheduler.scheduleTask({
    id: 'assurance-override-expiry',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await options.run();
    },
  });
}
