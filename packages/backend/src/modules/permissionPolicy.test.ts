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
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  assuranceEvidenceCreatePermission,
  assuranceEvidenceDeletePermission,
  assuranceEvidenceReadPermission,
  assuranceOverrideApprovePermission,
  assuranceOverrideRequestPermission,
  assuranceReleaseApprovePermission,
  assuranceReleasePromotePermission,
  assuranceReleaseRecordPermission,
  assuranceReleaseRollbackPermission,
  assuranceRuntimeConfigReportPermission,
} from '@real-app-forever/plugin-assurance-common';
import permissionModuleAssurancePolicy, {
  AssurancePermissionPolicy,
} from './permissionPolicy';

const guest: PolicyQueryUser = {
  credentials: mockCredentials.user('user:default/guest'),
  info: {
    userEntityRef: 'user:default/guest',
    ownershipEntityRefs: ['user:default/guest', 'group:default/team-payments'],
  },
};

describe('AssurancePermissionPolicy', () => {
  const policy = new AssurancePermissionPolicy();

  it('allows users to read assurance data', async () => {
    await expect(
      policy.handle({ permission: assuranceEvidenceReadPermission }, guest),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows uploads only for entities the user owns', async () => {
    await expect(
      policy.handle({ permission: assuranceEvidenceCreatePermission }, guest),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/guest', 'group:default/team-payments'],
        },
      },
    });
  });

  it.each([
    assuranceOverrideRequestPermission,
    assuranceRuntimeConfigReportPermission,
    assuranceReleaseRecordPermission,
    assuranceReleasePromotePermission,
    assuranceReleaseRollbackPermission,
  ])('allows $name only for entities the user owns', async permission => {
    await expect(policy.handle({ permission }, guest)).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/guest', 'group:default/team-payments'],
        },
      },
    });
  });

  it.each([
    assuranceOverrideApprovePermission,
    assuranceReleaseApprovePermission,
  ])('lets only members of the approver groups $name', async permission => {
    const withApprovers = new AssurancePermissionPolicy({
      approverGroups: ['group:default/release-approvers'],
      evidenceAdminGroups: ['platform-engineering'],
    });
    const approver: PolicyQueryUser = {
      ...guest,
      info: {
        userEntityRef: 'user:default/bob',
        ownershipEntityRefs: [
          'user:default/bob',
          'group:default/Release-Approvers',
        ],
      },
    };
    const admin: PolicyQueryUser = {
      ...guest,
      info: {
        userEntityRef: 'user:default/priya.nair',
        ownershipEntityRefs: ['group:default/platform-engineering'],
      },
    };
    await expect(
      withApprovers.handle({ permission }, approver),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    for (const other of [guest, admin]) {
      await expect(
        withApprovers.handle({ permission }, other),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
    }
    // Nobody approves when no approver group is configured.
    await expect(policy.handle({ permission }, approver)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    // Approvers get no other power from it.
    await expect(
      withApprovers.handle(
        { permission: assuranceEvidenceDeletePermission },
        approver,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('denies assurance permissions it does not know', async () => {
    const unknown = [
      createPermission({ name: 'assurance.admin', attributes: {} }),
    ];

    for (const permission of unknown) {
      await expect(policy.handle({ permission }, guest)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('lets only evidence admins delete evidence', async () => {
    const withAdmins = new AssurancePermissionPolicy({
      evidenceAdminGroups: ['platform-engineering'],
    });
    const admin: PolicyQueryUser = {
      ...guest,
      info: {
        userEntityRef: 'user:default/priya.nair',
        ownershipEntityRefs: ['group:default/platform-engineering'],
      },
    };
    const permission = assuranceEvidenceDeletePermission;
    await expect(withAdmins.handle({ permission }, admin)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(withAdmins.handle({ permission }, guest)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(policy.handle({ permission }, admin)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('denies assurance permissions without a user', async () => {
    for (const permission of [
      assuranceEvidenceReadPermission,
      assuranceEvidenceCreatePermission,
      assuranceOverrideRequestPermission,
      assuranceOverrideApprovePermission,
      assuranceRuntimeConfigReportPermission,
    ]) {
      await expect(policy.handle({ permission })).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('allows everything outside the assurance plugin', async () => {
    const others = [
      createPermission({
        name: 'catalog.entity.delete',
        attributes: { action: 'delete' },
        resourceType: 'catalog-entity',
      }),
      createPermission({
        name: 'scaffolder.task.create',
        attributes: { action: 'create' },
      }),
      // Only the `assurance.` prefix belongs to the plugin.
      createPermission({ name: 'assurancex.thing.read', attributes: {} }),
    ];

    for (const permission of others) {
      await expect(policy.handle({ permission }, guest)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
      await expect(policy.handle({ permission })).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });
});

describe('permissionModuleAssurancePolicy', () => {
  it('is the policy of the permission backend', async () => {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleAssurancePolicy,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            // The mock user owns only itself, so it stands in for a group.
            assurance: { approverGroups: ['user:default/guest'] },
          },
        }),
      ],
    });

    const res = await fetch(
      `http://localhost:${server.port()}/api/permission/authorize`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header('user:default/guest'),
        },
        body: JSON.stringify({
          items: [
            {
              id: 'unknown',
              permission: {
                type: 'basic',
                name: 'assurance.x',
                attributes: {},
              },
            },
            {
              id: 'approve',
              // Sent as basic: no plugin here registers catalog-entity
              // resources; the policy decides by name alone.
              permission: {
                type: 'basic',
                name: 'assurance.override.approve',
                attributes: { action: 'update' },
              },
            },
            {
              id: 'other',
              permission: {
                type: 'basic',
                name: 'catalog.entity.create',
                attributes: { action: 'create' },
              },
            },
          ],
        }),
      },
    );

    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({
      items: [
        { id: 'unknown', result: AuthorizeResult.DENY },
        { id: 'approve', result: AuthorizeResult.ALLOW },
        { id: 'other', result: AuthorizeResult.ALLOW },
      ],
    });
  });
});
