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

import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { GateOverride } from '@real-app-forever/plugin-assurance-common';
import { OverrideNotifier, gatesLinkOf, ownerRefOf } from './OverrideNotifier';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Payments-API', namespace: 'finance' },
  spec: { owner: 'team-payments' },
};

const override: GateOverride = {
  id: 'o-1',
  entityRef: 'component:finance/payments-api',
  gateId: 'coverage',
  reason: 'Legacy module is being rewritten',
  requestedBy: 'user:default/ada',
  requestedAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2026-12-20T00:00:00.000Z',
  status: 'rejected',
  decidedBy: 'user:default/bob',
  decisionComment: 'Write the tests first',
};

describe('OverrideNotifier', () => {
  it('names the owner in the namespace of the entity, as a group by default', () => {
    expect(ownerRefOf(entity)).toBe('group:finance/team-payments');
    expect(ownerRefOf({ ...entity, spec: { owner: 'user:default/ada' } })).toBe(
      'user:default/ada',
    );
    expect(ownerRefOf({ ...entity, spec: {} })).toBeUndefined();
    expect(gatesLinkOf(entity)).toBe(
      '/catalog/finance/component/Payments-API/gates',
    );
  });

  it('sends the decision to the owners', async () => {
    const send = jest.fn(async () => {});
    const notifier = new OverrideNotifier({
      notifications: { send },
      logger: mockServices.logger.mock(),
    });
    await expect(
      notifier.notify({ entity, override, event: 'rejected' }),
    ).resolves.toBe(true);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:finance/team-payments' },
      payload: {
        title: 'Gate override rejected: coverage of Payments-API',
        description:
          'user:default/bob rejected the override. Gate coverage, until 2026-12-20T00:00:00.000Z. Reason: Legacy module is being rewritten Comment: Write the tests first',
        link: '/catalog/finance/component/Payments-API/gates',
        severity: 'normal',
        topic: 'assurance-overrides',
        scope: 'assurance-override:o-1:rejected',
      },
    });
  });

  it('skips entities without an owner and swallows failures when asked', async () => {
    const send = jest.fn(async () => {
      throw new Error('down');
    });
    const logger = mockServices.logger.mock();
    const notifier = new OverrideNotifier({
      notifications: { send },
      logger,
    });
    await expect(
      notifier.notify({
        entity: { ...entity, spec: {} },
        override,
        event: 'requested',
      }),
    ).resolves.toBe(false);
    await expect(
      notifier.notifyBestEffort({ entity, override, event: 'requested' }),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not send the requested notice of override o-1',
      expect.any(Error),
    );
  });
});
