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
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { GateOverride } from '@real-app-forever/plugin-assurance-common';

/** What happened to an override that its entity's owners hear about. */
export type OverrideEvent =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'expiring'
  | 'lapsed';

/** The topic of every override notification. */
export const OVERRIDE_NOTIFICATION_TOPIC = 'assurance-overrides';

const TITLES: Record<OverrideEvent, string> = {
  requested: 'Gate override requested',
  approved: 'Gate override approved',
  rejected: 'Gate override rejected',
  expiring: 'Gate override ends soon',
  lapsed: 'Gate override lapsed',
};

const SEVERITIES: Record<OverrideEvent, NotificationSeverity> = {
  requested: 'normal',
  approved: 'normal',
  rejected: 'normal',
  expiring: 'high',
  lapsed: 'high',
};

/**
 * Tells an entity's owners (`spec.owner`) about its overrides through the
 * notifications backend.
 */
export class OverrideNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Sends the notice; throws when the notifications backend fails. */
  async notify(options: {
    entity: Entity;
    override: GateOverride;
    event: OverrideEvent;
  }): Promise<boolean> {
    const { entity, override, event } = options;
    const owner = ownerRefOf(entity);
    if (!owner) {
      this.options.logger.debug('Override notice skipped: no owner', {
        overrideId: override.id,
        entityRef: override.entityRef,
      });
      return false;
    }
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef: owner },
      payload: {
        title: `${TITLES[event]}: ${override.gateId} of ${entity.metadata.name}`,
        description: describe(override, event),
        link: gatesLinkOf(entity),
        severity: SEVERITIES[event],
        topic: OVERRIDE_NOTIFICATION_TOPIC,
        scope: `assurance-override:${override.id}:${event}`,
      },
    });
    return true;
  }

  /**
   * Sends the notice, logging a failure instead of throwing: a request or
   * decision stands even when its notice does not go out.
   */
  async notifyBestEffort(options: {
    entity: Entity;
    override: GateOverride;
    event: OverrideEvent;
  }): Promise<void> {
    try {
      await this.notify(options);
    } catch (error) {
      this.options.logger.warn(
        `Could not send the ${options.event} notice of override ${options.override.id}`,
        error as Error,
      );
    }
  }
}

/** The owner of the entity as a full entity ref, if it has one. */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The entity's Gates tab, relative to the app. */
export function gatesLinkOf(entity: Entity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    entity.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(entity.metadata.name)}/gates`;
}

function describe(override: GateOverride, event: OverrideEvent): string {
  const scope = override.digest ? ` for artifact ${override.digest}` : '';
  const what = `Gate ${override.gateId}${scope}, until ${override.expiresAt}. Reason: ${override.reason}`;
  switch (event) {
    case 'requested':
      return `${override.requestedBy} asked to override a failing gate. ${what}`;
    case 'approved':
      return `${override.decidedBy} approved the override. ${what}${comment(
        override,
      )}`;
    case 'rejected':
      return `${override.decidedBy} rejected the override. ${what}${comment(
        override,
      )}`;
    case 'expiring':
      return `The override ends soon; after that the gate shows its real status again. ${what}`;
    default:
      return `The override has ended; the gate shows its real status again. ${what}`;
  }
}

function comment(override: GateOverride): string {
  return override.decisionComment
    ? ` Comment: ${override.decisionComment}`
    : '';
}
