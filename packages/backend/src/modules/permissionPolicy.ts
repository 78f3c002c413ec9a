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
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
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
  normalizeEntityRef,
} from '@real-app-forever/plugin-assurance-common';

const ASSURANCE_PERMISSION_PREFIX = 'assurance.';

/**
 * The portal's permission policy.
 *
 * - Signed-in users read assurance data of every entity.
 * - Users upload evidence, request gate overrides, report runtime config,
 *   record releases, promote and roll back only for entities they own.
 * - Members of the evidence admin groups (`assurance.evidenceAdminGroups`)
 *   may delete evidence; nobody else may.
 * - Members of the approver groups (`assurance.approverGroups`) may
 *   approve or reject gate overrides and approve guarded promotions;
 *   nobody else may. That nobody decides their own request is enforced by
 *   the assurance backend, not here.
 * - Any other assurance permission is denied, so that a permission added
 *   later stays closed until this policy decides about it.
 * - Everything outside the assurance plugin is allowed, as with allow-all.
 *
 * Service principals, such as the CI token, never reach a policy; their
 * access is limited by `backend.auth.externalAccess[].accessRestrictions`.
 */
export class AssurancePermissionPolicy implements PermissionPolicy {
  readonly #adminGroups: Set<string>;
  readonly #approverGroups: Set<string>;

  constructor(
    options: { evidenceAdminGroups?: string[]; approverGroups?: string[] } = {},
  ) {
    this.#adminGroups = groupSet(options.evidenceAdminGroups);
    this.#approverGroups = groupSet(options.approverGroups);
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;

    if (!permission.name.startsWith(ASSURANCE_PERMISSION_PREFIX)) {
      return { result: AuthorizeResult.ALLOW };
    }

    if (!user) {
      return { result: AuthorizeResult.DENY };
    }

    if (isPermission(permission, assuranceEvidenceReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }

    if (
      isPermission(permission, assuranceEvidenceCreatePermission) ||
      isPermission(permission, assuranceOverrideRequestPermission) ||
      isPermission(permission, assuranceRuntimeConfigReportPermission) ||
      isPermission(permission, assuranceReleaseRecordPermission) ||
      isPermission(permission, assuranceReleasePromotePermission) ||
      isPermission(permission, assuranceReleaseRollbackPermission)
    ) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs,
        }),
      );
    }

    if (isPermission(permission, assuranceEvidenceDeletePermission)) {
      return memberOf(user, this.#adminGroups);
    }

    if (
      isPermission(permission, assuranceOverrideApprovePermission) ||
      isPermission(permission, assuranceReleaseApprovePermission)
    ) {
      return memberOf(user, this.#approverGroups);
    }

    return { result: AuthorizeResult.DENY };
  }
}

function groupSet(refs: string[] = []): Set<string> {
  return new Set(
    refs.map(ref => normalizeEntityRef(ref, { defaultKind: 'group' })),
  );
}

/** ALLOW when the user belongs to one of the groups. */
function memberOf(user: PolicyQueryUser, groups: Set<string>): PolicyDecision {
  const isMember = user.info.ownershipEntityRefs.some(ref =>
    groups.has(normalizeEntityRef(ref)),
  );
  return { result: isMember ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
}

/**
 * Installs {@link AssurancePermissionPolicy} in the permission backend.
 */
export const permissionModuleAssurancePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'assurance-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new AssurancePermissionPolicy({
            evidenceAdminGroups: config.getOptionalStringArray(
              'assurance.evidenceAdminGroups',
            ),
            approverGroups: config.getOptionalStringArray(
              'assurance.approverGroups',
            ),
          }),
        );
      },
    });
  },
});

export default permissionModuleAssurancePolicy;
