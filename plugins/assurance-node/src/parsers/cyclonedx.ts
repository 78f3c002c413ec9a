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
  SbomComponent,
  SbomSummary,
} from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser } from '../types';
import { z } from 'zod';
import {
  parseJsonShape,
  readJson,
  readJsonObjectOrUndefined,
} from './readJson';
import {
  SbomDependency,
  sbomComponent,
  summariseSbom,
  trimmed,
} from './sbomComponents';

/**
 * The parts of a CycloneDX BOM that the summary reads, in the shape of the
 * JSON form; the XML parser builds the same shape.
 */
export interface CycloneDxBom {
  specVersion?: string | null;
  metadata?: { component?: CycloneDxComponent | null } | null;
  components?: CycloneDxComponent[] | null;
  dependencies?: Array<{ ref: string; dependsOn?: string[] | null }> | null;
}

/** A CycloneDX component, with its nested components. */
export interface CycloneDxComponent {
  'bom-ref'?: string | null;
  type?: string | null;
  group?: string | null;
  name?: string | null;
  version?: string | null;
  purl?: string | null;
  licenses?: CycloneDxLicense[] | null;
  components?: CycloneDxComponent[] | null;
}

/** One entry of a component's `licenses`: a licence or an expression. */
export interface CycloneDxLicense {
  license?: { id?: string | null; name?: string | null } | null;
  expression?: string | null;
}

const text = z.string().nullish();

const licenseSchema = z.looseObject({
  license: z.looseObject({ id: text, name: text }).nullish(),
  expression: text,
});

const componentFields = {
  'bom-ref': text,
  type: text,
  group: text,
  name: text,
  version: text,
  purl: text,
  licenses: z.array(licenseSchema).nullish(),
};

const componentSchema: z.ZodType<CycloneDxComponent> = z.looseObject({
  ...componentFields,
  get components() {
    return z.array(componentSchema).nullish();
  },
});

function bomSchemaOf(component: z.ZodType<CycloneDxComponent>) {
  return z.looseObject({
    bomFormat: z.literal('CycloneDX', { error: 'must be "CycloneDX"' }),
    specVersion: text,
    // `metadata.tools` is an array up to 1.4 and an object of `components`
    // and `services` from 1.5 on; the summary does not read it.
    metadata: z.looseObject({ component: component.nullish() }).nullish(),
    components: z.array(component).nullish(),
    dependencies: z
      .array(
        z.looseObject({
          ref: z.string(),
          dependsOn: z.array(z.string()).nullish(),
        }),
      )
      .nullish(),
  });
}

const bomSchema = bomSchemaOf(componentSchema);

// Components nest a level or two in practice.
const COMPILED_NESTING = 4;

/**
 * The checks of `bomSchema` for BOMs whose components nest at most
 * {@link COMPILED_NESTING} levels deep (the innermost level may hold no
 * components), compiled by zod into one fast function: zod cannot compile
 * the recursive schema. It accepts only what `bomSchema` accepts; a BOM it
 * does not accept is checked by `bomSchema`, which gives the reasons.
 */
const shallowBomSchema = z.compile(
  bomSchemaOf(nestedComponentSchema(COMPILED_NESTING)),
);

/** `componentSchema` unrolled: components nested `levels` deep at most. */
function nestedComponentSchema(levels: number): z.ZodType<CycloneDxComponent> {
  let schema: z.ZodType<CycloneDxComponent> = z.looseObject({
    ...componentFields,
    components: z.array(z.never()).nullish(),
  });
  for (let level = 1; level < levels; level++) {
    schema = z.looseObject({
      ...componentFields,
      components: z.array(schema).nullish(),
    });
  }
  return schema;
}

/**
 * Reads CycloneDX JSON SBOMs (1.2 to 1.7): components, nested ones
 * included, the subject of the BOM (`metadata.component`) and the
 * dependency graph.
 */
export const cyclonedxJsonParser: EvidenceParser = {
  format: 'cyclonedx-json',

  detect: input => readJsonObjectOrUndefined(input)?.bomFormat === 'CycloneDX',

  parse: input => {
    const value = readJson(input);
    const shallow = shallowBomSchema.safeParse(value);
    return summariseCycloneDx(
      shallow.success
        ? shallow.data
        : parseJsonShape({
            value,
            schema: bomSchema,
            expected: 'a CycloneDX JSON SBOM',
          }),
    );
  },
};

/**
 * The summary of a CycloneDX BOM read from JSON or XML. Every component
 * counts, nested ones included, and so do the components nested in
 * `metadata.component`: they are parts of the subject, not the subject.
 */
export function summariseCycloneDx(bom: CycloneDxBom): SbomSummary {
  const primary = bom.metadata?.component ?? undefined;
  const components = flatten([
    ...(primary?.components ?? []),
    ...(bom.components ?? []),
  ]);
  const dependencies: SbomDependency[] = [];
  for (const { ref, dependsOn } of bom.dependencies ?? []) {
    for (const to of dependsOn ?? []) {
      dependencies.push({ from: ref, to });
    }
  }
  return summariseSbom({
    specName: 'CycloneDX',
    specVersion: trimmed(bom.specVersion),
    primary: primary ? toSbomComponent(primary) : undefined,
    components: components.map(toSbomComponent),
    dependencies,
  });
}

/** Components and their nested components, depth first, in order. */
function flatten(components: CycloneDxComponent[]): CycloneDxComponent[] {
  const all: CycloneDxComponent[] = [];
  const pending = [...components].reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    all.push(next);
    const nested = next.components;
    if (nested) {
      for (let i = nested.length - 1; i >= 0; i--) {
        pending.push(nested[i]);
      }
    }
  }
  return all;
}

/**
 * A CycloneDX component as a summary component. The group is part of the
 * name, as in a package URL: `@types/node`, `org.slf4j/slf4j-api`.
 */
function toSbomComponent(component: CycloneDxComponent): SbomComponent {
  const group = trimmed(component.group);
  const name = trimmed(component.name);
  const licenses: Array<string | null | undefined> = [];
  for (const entry of component.licenses ?? []) {
    licenses.push(entry.license?.id ?? entry.license?.name, entry.expression);
  }
  return sbomComponent({
    name: group && name ? `${group}/${name}` : name,
    version: component.version,
    purl: component.purl,
    licenses,
    type: component.type,
    ref: component['bom-ref'],
  });
}
