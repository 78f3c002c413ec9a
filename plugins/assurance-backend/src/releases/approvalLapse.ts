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
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReleaseNotifier } from './ReleaseNotifier';
import { ReleaseStore } from './ReleaseStore';

/** The actor of the lapse entries in the audit log. */
const LAPSE_ACTOR = 'system:release-approval-lapse';

/** Lapsed approvals handled per pass; the rest wait for the next hour. */
const BATCH = 200;

/**
 * One pass of the lapse job: each pending approval whose deadline passed
 * is marked handled, with a `release.approval-lapsed` audit entry in the
 * same transaction, and its entity's owners are told once.
 *
 * The mark is a conditional update, so of replicas racing over a release
 * one wins and only it notifies. The entity is looked up before the mark,
 * so a catalog outage leaves the release for the next pass; a notice that
 * cannot be sent after the mark is logged, not retried (at most once).
 * The release becomes `expired` (reads showed it so from its deadline on):
 * it can no longer be approved, and no longer waits in its environment.
 */
export async function runApprovalLapse(options: {
  releases: Pick<ReleaseStore, 'listLapsedApprovals' | 'markApprovalLapsed'>;
  notifier: Pick<ReleaseNotifier, 'notifyBestEffort'>;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  now: Date;
}): Promise<{ lapsed: number; notified: number; failed: number }> {
  const { releases, notifier, catalog, auth, logger, now } = options;
  const lapsed = await releases.listLapsedApprovals({ now, limit: BATCH });
  const counts = { lapsed: 0, notified: 0, failed: 0 };
  if (lapsed.length === 0) {
    return counts;
  }
  const credentials = await auth.getOwnServiceCredentials();

  for (const release of lapsed) {
    try {
      const entity = await catalog.getEntityByRef(release.entityRef, {
        credentials,
      });
      const won = await releases.markApprovalLapsed({
        id: release.id,
        now,
        audit: {
          actor: LAPSE_ACTOR,
          action: 'release.approval-lapsed',
          entityRef: release.entityRef,
          subjectId: release.id,
          details: {
            environment: release.environment,
            digest: release.artifact.digest,
            requestedBy: release.actor,
            approvalExpiresAt: release.approvalExpiresAt,
            ownerKnown: Boolean(entity),
          },
        },
      });
      if (!won) {
        continue;
      }
      counts.lapsed += 1;
      // An entity that left the catalog has nobody to tell.
      if (
        entity &&
        (await notifier.notifyBestEffort({
          entity,
          release,
          event: 'approval-expired',
        }))
      ) {
        counts.notified += 1;
      }
    } catch (error) {
      counts.failed += 1;
      logger.warn(
        `Could not handle the lapsed approval of release ${release.id}`,
        error as Error,
      );
    }
  }

  logger.info('Release approval lapse pass done', counts);
  return counts;
}

/** Runs the lapse job every hour, on one replica at a time. */
export async function scheduleApprovalLapse(options: {
  scheduler: SchedulerService;
  run: () => Promise<unknown>;
}): Promise<void> {
  await options.scheduler.scheduleTask({
    id: 'assurance-release-approval-lapse',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 2 },
    fn: async () => {
      await options.run();
    },
  });
}
