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

import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of catalog entities. Assurance permissions use it so
 * that a policy can decide per entity, for example by ownership.
 */
const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * Upload evidence for an entity.
 *
 * @public
 */
export const assuranceEvidenceCreatePermission = createPermission({
  name: 'assurance.evidence.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Read an entity's evidence and gate verdicts.
 *
 * @public
 */
export const assuranceEvidenceReadPermission = createPermission({
  name: 'assurance.evidence.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Delete one evidence record (audited, with a reason).
 *
 * @public
 */
export const assuranceEvidenceDeletePermission = createPermission({
  name: 'assurance.evidence.delete',
  attributes: { action: 'delete' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Ask for a time-bounded override of a failing gate.
 *
 * @public
 */
export const assuranceOverrideRequestPermission = createPermission({
  name: 'assurance.override.request',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Approve or reject someone else's override request.
 *
 * @public
 */
export const assuranceOverrideApprovePermission = createPermission({
  name: 'assurance.override.approve',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Report the config an environment actually runs (drift detection).
 *
 * @public
 */
export const assuranceRuntimeConfigReportPermission = createPermission({
  name: 'assurance.runtime-config.report',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Record a deployment and update its status (pipelines).
 *
 * @public
 */
export const assuranceReleaseRecordPermission = createPermission({
  name: 'assurance.release.record',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Ask to promote an artifact digest to an environment.
 *
 * @public
 */
export const assuranceReleasePromotePermission = createPermission({
  name: 'assurance.release.promote',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Approve someone else's promotion to a guarded environment.
 *
 * @public
 */
export const assuranceReleaseApprovePermission = createPermission({
  name: 'assurance.release.approve',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Roll an environment back to its rollback target.
 *
 * @public
 */
export const assuranceReleaseRollbackPermission = createPermission({
  name: 'assurance.release.rollback',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Every permission of the assurance plugin.
 *
 * @public
 */
export const assurancePermissions = [
  assuranceEvidenceCreatePermission,
  assuranceEvidenceReadPermission,
  assuranceEvidenceDeletePermission,
  assuranceOverrideRequestPermission,
  assuranceOverrideApprovePermission,
  assuranceRuntimeConfigReportPermission,
  assuranceReleaseRecordPermission,
  assuranceReleasePromotePermission,
  assuranceReleaseApprovePermission,
  assuranceReleaseRollbackPermission,
];
