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
 * Every permission of the assurance plugin.
 *
 * @public
 */
export const assurancePermissions = [
  assuranceEvidenceCreatePermission,
  assuranceEvidenceReadPermission,
];
