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

import { SbomSummary } from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser, EvidenceRefusedError } from '../types';
import { z } from 'zod';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';
import {
  SbomDependency,
  sbomComponent,
  spdxPackageLicenses,
  summariseSbom,
} from './sbomComponents';

/**
 * The parts of an SPDX 2 document that the summary reads, in the shape of
 * the JSON form; the tag-value parser builds the same shape.
 */
export interface SpdxDocument {
  spdxVersion: string;
  SPDXID?: string | null;
  documentDescribes?: string[] | null;
  packages?: SpdxPackage[] | null;
  relationships?: SpdxRelationship[] | null;
}

/** An SPDX package. Files and snippets are not components. */
export interface SpdxPackage {
  SPDXID: string;
  name?: string | null;
  versionInfo?: string | null;
  licenseConcluded?: string | null;
  licenseDeclared?: string | null;
  primaryPackagePurpose?: string | null;
  externalRefs?: Array<{
    referenceType?: string | null;
    referenceLocator?: string | null;
  }> | null;
}

/** `spdxElementId relationshipType relatedSpdxElement`. */
export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: string;
  relatedSpdxElement: string;
}

/**
 * Relationship types that are dependency edges. `A DEPENDS_ON B` is an
 * edge from A to B; `A *DEPENDENCY_OF B` is an edge from B to A.
 * Containment (CONTAINS, CONTAINED_BY) is not a dependency: tools use it
 * for an image holding its packages and a package holding its files, which
 * CycloneDX writes as nested components, not as dependencies. Linking
 * (STATIC_LINK, DYNAMIC_LINK) and build relations (BUILD_TOOL_OF, …) are
 * not counted either.
 */
const DEPENDENCY_OF_TYPES = new Set([
  'DEPENDENCY_OF',
  'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
]);

// Values that stand for no element at the end of a relationship.
const NO_ELEMENT = new Set(['NONE', 'NOASSERTION']);

const SPDX_2_VERSION = /^SPDX-(2\.\d+)$/;

const text = z.string().nullish();

const documentSchema = z.looseObject({
  spdxVersion: z.string(),
  SPDXID: text,
  documentDescribes: z.array(z.string()).nullish(),
  packages: z
    .array(
      z.looseObject({
        SPDXID: z.string(),
        name: text,
        versionInfo: text,
        licenseConcluded: text,
        licenseDeclared: text,
        primaryPackagePurpose: text,
        externalRefs: z
          .array(z.looseObject({ referenceType: text, referenceLocator: text }))
          .nullish(),
      }),
    )
    .nullish(),
  relationships: z
    .array(
      z.looseObject({
        spdxElementId: z.string(),
        relationshipType: z.string(),
        relatedSpdxElement: z.string(),
      }),
    )
    .nullish(),
});

/** Reads SPDX 2.x JSON documents (2.2 and 2.3 in practice). */
export const spdxJsonParser: EvidenceParser = {
  format: 'spdx-json',

  detect: input =>
    typeof readJsonObjectOrUndefined(input)?.spdxVersion === 'string',

  parse: input =>
    summariseSpdx(
      parseJsonShape({
        value: readJson(input),
        schema: documentSchema,
        expected: 'an SPDX JSON document',
      }),
    ),
};

/**
 * The summary of an SPDX 2 document read from JSON or tag-value. The
 * primary component is the first package the document describes
 * (`documentDescribes`, then `DESCRIBES` and `DESCRIBED_BY` relationships
 * of the document); every other package is a component.
 */
export function summariseSpdx(document: SpdxDocument): SbomSummary {
  const specVersion = document.spdxVersion.trim().match(SPDX_2_VERSION)?.[1];
  if (!specVersion) {
    throw new EvidenceRefusedError(
      `SPDX version '${document.spdxVersion}' is not supported; upload SPDX 2.2 or 2.3 (JSON or tag-value) or CycloneDX`,
    );
  }
  const documentId = document.SPDXID || 'SPDXRef-DOCUMENT';
  const relationships = (document.relationships ?? []).map(trimRelationship);
  const components = (document.packages ?? []).map(toSbomComponent);

  const described = [
    ...(document.documentDescribes ?? []),
    ...relationships.flatMap(({ from, type, to }) => {
      if (type === 'DESCRIBES' && from === documentId) {
        return [to];
      }
      return type === 'DESCRIBED_BY' && to === documentId ? [from] : [];
    }),
  ];
  const byRef = new Map(
    components.map(component => [component.ref, component]),
  );
  const primary = described
    .map(ref => byRef.get(ref.trim()))
    .find(component => component !== undefined);

  return summariseSbom({
    specName: 'SPDX',
    specVersion,
    primary,
    components,
    dependencies: relationships.flatMap(dependencyEdge),
  });
}

function toSbomComponent(spdxPackage: SpdxPackage) {
  const purl = (spdxPackage.externalRefs ?? []).find(
    ref => ref.referenceType?.trim() === 'purl',
  )?.referenceLocator;
  return sbomComponent({
    name: spdxPackage.name,
    version: spdxPackage.versionInfo,
    purl,
    licenses: spdxPackageLicenses({
      concluded: spdxPackage.licenseConcluded,
      declared: spdxPackage.licenseDeclared,
    }),
    type: spdxPackage.primaryPackagePurpose,
    ref: spdxPackage.SPDXID,
  });
}

function trimRelationship(relationship: SpdxRelationship) {
  return {
    from: relationship.spdxElementId.trim(),
    type: relationship.relationshipType.trim().toUpperCase(),
    to: relationship.relatedSpdxElement.trim(),
  };
}

function dependencyEdge(relationship: {
  from: string;
  type: string;
  to: string;
}): SbomDependency[] {
  const { from, type, to } = relationship;
  if (NO_ELEMENT.has(from) || NO_ELEMENT.has(to)) {
    return [];
  }
  if (type === 'DEPENDS_ON') {
    return [{ from, to }];
  }
  return DEPENDENCY_OF_TYPES.has(type) ? [{ from: to, to: from }] : [];
}
