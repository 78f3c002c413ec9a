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
import {
  EvidenceParser,
  EvidenceRefusedError,
} from '@real-app-forever/plugin-assurance-node';
import { z } from 'zod';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';

interface BomComponent {
  'bom-ref'?: unknown;
  components?: BomComponent[] | null;
}

const componentSchema: z.ZodType<BomComponent> = z.looseObject({
  'bom-ref': z.unknown().optional(),
  get components() {
    return z.array(componentSchema).nullish();
  },
});

const bomSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX', { error: 'must be "CycloneDX"' }),
  specVersion: z.string().nullish(),
  metadata: z
    .looseObject({
      component: z
        .looseObject({
          name: z.string().nullish(),
          version: z.string().nullish(),
        })
        .nullish(),
    })
    .nullish(),
  components: z.array(componentSchema).nullish(),
});

/** The reason a CycloneDX XML document is refused. */
export const CYCLONEDX_XML_REFUSAL =
  'CycloneDX XML is not supported yet; upload the JSON form of the SBOM';

/** Whether the text looks like a CycloneDX BOM in XML. */
export function looksLikeCycloneDxXml(text: string): boolean {
  return (
    text.trimStart().startsWith('<') &&
    /<(\w+:)?bom[\s>]/.test(text) &&
    text.includes('cyclonedx.org/schema/bom')
  );
}

/**
 * Reads CycloneDX JSON SBOMs. `detect` also claims CycloneDX XML, so that
 * an XML BOM is refused with a reason that says what to upload instead.
 */
export const cyclonedxJsonParser: EvidenceParser = {
  format: 'cyclonedx-json',

  detect: input =>
    readJsonObjectOrUndefined(input)?.bomFormat === 'CycloneDX' ||
    looksLikeCycloneDxXml(input.text),

  parse: input => {
    if (looksLikeCycloneDxXml(input.text)) {
      throw new EvidenceRefusedError(CYCLONEDX_XML_REFUSAL);
    }
    const bom = parseJsonShape({
      value: readJson(input),
      schema: bomSchema,
      expected: 'a CycloneDX JSON SBOM',
    });
    const primary = bom.metadata?.component;
    const summary: SbomSummary = {
      kind: 'sbom',
      specVersion: bom.specVersion ?? undefined,
      componentCount: countComponents(bom.components ?? []),
    };
    if (primary?.name) {
      summary.primaryComponent = {
        name: primary.name,
        version: primary.version ?? undefined,
      };
    }
    return summary;
  },
};

/**
 * Counts components, nested `components` included. Components that share a
 * `bom-ref` are one component listed twice; components without a `bom-ref`
 * cannot be told apart and each counts. The subject of the BOM
 * (`metadata.component`) is not one of its components and is not counted.
 */
function countComponents(components: BomComponent[]): number {
  const refs = new Set<string>();
  let withoutRef = 0;
  const pending = [...components];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const ref = next['bom-ref'];
    if (typeof ref === 'string' && ref !== '') {
      refs.add(ref);
    } else {
      withoutRef++;
    }
    pending.push(...(next.components ?? []));
  }
  return refs.size + withoutRef;
}
