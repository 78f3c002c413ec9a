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

import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Release } from '@real-app-forever/plugin-assurance-common';
import { ownerRefOf } from '../overrides/OverrideNotifier';

/** What happened to a release that its entity's owners hear about. */
export type ReleaseEvent =
  | 'promoted'
  | 'approval-requested'
  | 'approved'
  | 'approval-expired'
  | 'rejected'
  | 'failed'
  | 'rolled-back';

/** The topic of every release notification. */
export const RELEASE_NOTIFICATION_TOPIC = 'assurance-releases';

const TITLES: Record<ReleaseEvent, string> = {
  promoted: 'Promoted',
  'approval-requested': 'Promotion waits for approval',
  approved: 'Promotion approved',
  'approval-expired': 'Promotion approval lapsed',
  rejected: 'Promotion rejected',
  failed: 'Release failed',
  'rolled-back': 'Rolled back',
};

const SEVERITIES: Record<ReleaseEvent, NotificationSeverity> = {
  promoted: 'normal',
  'approval-requested': 'normal',
  approved: 'normal',
  'approval-expired': 'normal',
  rejected: 'normal',
  failed: 'high',
  'rolled-back': 'high',
};

/**
 * Tells an entity's owners (`spec.owner`) about promotions, approval
 * requests and their lapse, failures and rollbacks. A notice that cannot
 * be sent is logged: the release stands without it.
 */
export class ReleaseNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Sends the notice; false when there is no owner or sending failed. */
  async notifyBestEffort(options: {
    entity: Entity;
    release: Release;
    event: ReleaseEvent;
  }): Promise<boolean> {
    const { entity, release, event } = options;
    const owner = ownerRefOf(entity);
    if (!owner) {
      return false;
    }
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: {
          title: `${TITLES[event]}: ${entity.metadata.name} to ${release.environment}`,
          description: `${release.artifact.name} ${
            release.artifact.version ?? ''
          } (${release.artifact.digest}), by ${release.actor}${
            release.reason ? `. Reason: ${release.reason}` : ''
          }${event === 'approval-expired' ? lapseNote(release) : ''}${
            event === 'rejected' ? rejectionNote(release) : ''
          }`,
          link: releasesLinkOf(entity),
          severity: SEVERITIES[event],
          topic: RELEASE_NOTIFICATION_TOPIC,
          scope: `assurance-release:${release.id}:${event}`,
        },
      });
      return true;
    } catch (error) {
      this.options.logger.warn(
        `Could not send the ${event} notice of release ${release.id}`,
        error as Error,
      );
      return false;
    }
  }
}

function lapseNote(release: Release): string {
  return `. Nobody approved it by ${
    release.approvalExpiresAt ?? 'its deadline'
  }; ask for the promotion again to deploy it.`;
}

function rejectionNote(release: Release): string {
  return `. Stopped by ${release.rejectedBy ?? 'someone'}: ${
    release.rejectionReason ?? 'no reason given'
  }`;
}

/** The entity's Releases tab, relative to the app. */
function releasesLinkOf(entity: Entity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    entity.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(entity.metadata.name)}/releases`;
}
