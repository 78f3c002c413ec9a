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
  MAX_SBOM_COMPONENTS,
  SbomComponent,
  SbomSummary,
} from '@real-app-forever/plugin-assurance-common';

/** A dependency edge: `from` depends on `to`, both component refs. */
export interface SbomDependency {
  from: string;
  to: string;
}

/**
 * What every SBOM parser reads from its format before normalisation:
 * components in document order, duplicates and the primary one included.
 */
export interface SbomDocument {
  specName: 'CycloneDX' | 'SPDX';
  specVersion?: string;
  /** The subject of the SBOM, with the ref it has in the document. */
  primary?: SbomComponent;
  components: SbomComponent[];
  dependencies: SbomDependency[];
}

// SPDX values that say a licence field holds no licence information.
const NO_LICENSE_INFORMATION = new Set(['NOASSERTION', 'NONE']);

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Normalises what a parser read into an SBOM summary. Components that share
 * a ref are one component listed twice, and the first one is kept;
 * components without a ref cannot be told apart and each is kept. A
 * component with the primary component's ref is the primary one, which is
 * not counted. Components are sorted by name then version, and the lists of
 * components and edges are cut to {@link MAX_SBOM_COMPONENTS}.
 */
export function summariseSbom(document: SbomDocument): SbomSummary {
  const { specName, specVersion, primary, components, dependencies } = document;
  const refs = new Set<string>(primary?.ref ? [primary.ref] : []);
  const kept = components.filter(component => {
    if (!component.ref) {
      return true;
    }
    if (refs.has(component.ref)) {
      return false;
    }
    refs.add(component.ref);
    return true;
  });
  const edges = uniqueEdges(dependencies);

  const summary: SbomSummary = {
    kind: 'sbom',
    specName,
    ...(specVersion ? { specVersion } : {}),
    componentCount: kept.length,
  };
  if (primary?.name) {
    summary.primaryComponent = withoutUndefined({
      name: primary.name,
      version: primary.version,
      purl: primary.purl,
    });
  }
  kept.sort(compareComponents);
  // `kept` and `edges` are new arrays: cut only when they are too long.
  summary.components =
    kept.length > MAX_SBOM_COMPONENTS
      ? kept.slice(0, MAX_SBOM_COMPONENTS)
      : kept;
  summary.dependencies =
    edges.length > MAX_SBOM_COMPONENTS
      ? edges.slice(0, MAX_SBOM_COMPONENTS)
      : edges;
  summary.dependencyCount = edges.length;
  return summary;
}

/**
 * Builds a component, leaving out the fields without a value, trimming
 * text and lower-casing the type (`OPERATING_SYSTEM` becomes
 * `operating-system`, as CycloneDX spells it).
 */
export function sbomComponent(fields: {
  name?: string | null;
  version?: string | null;
  purl?: string | null;
  licenses: Array<string | null | undefined>;
  type?: string | null;
  ref?: string | null;
}): SbomComponent {
  // Built field by field, without intermediate objects: SBOMs list
  // thousands of components. The keys keep the order of the type.
  const version = trimmed(fields.version);
  const purl = trimmed(fields.purl);
  const type = trimmed(fields.type)?.toLowerCase();
  const ref = trimmed(fields.ref);
  const component = {
    name: trimmed(fields.name) ?? '(unnamed)',
  } as SbomComponent;
  if (version !== undefined) {
    component.version = version;
  }
  if (purl !== undefined) {
    component.purl = purl;
  }
  component.licenses = uniqueLicenses(fields.licenses);
  if (type !== undefined) {
    component.type = type.includes('_') ? type.replace(/_/g, '-') : type;
  }
  if (ref !== undefined) {
    component.ref = ref;
  }
  return component;
}

/**
 * The licence of an SPDX package: the concluded licence when the document
 * asserts one, otherwise the declared licence. `NOASSERTION` and `NONE`
 * hold no licence.
 */
export function spdxPackageLicenses(options: {
  concluded?: string | null;
  declared?: string | null;
}): string[] {
  const known = [options.concluded, options.declared]
    .map(trimmed)
    .find(value => value && !NO_LICENSE_INFORMATION.has(value));
  return known ? [known] : [];
}

/** The text trimmed, or undefined when it is absent or blank. */
export function trimmed(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

function uniqueLicenses(values: Array<string | null | undefined>): string[] {
  if (values.length > 8) {
    return [...new Set(values.map(trimmed).filter(isDefined))];
  }
  // A component has a licence or two: a linear search beats a set.
  const licenses: string[] = [];
  for (const value of values) {
    const license = trimmed(value);
    if (license !== undefined && !licenses.includes(license)) {
      licenses.push(license);
    }
  }
  return licenses;
}

function uniqueEdges(edges: SbomDependency[]): SbomDependency[] {
  const seen = new Map<string, Set<string>>();
  const unique: SbomDependency[] = [];
  // Edges come grouped by `from`: its targets are looked up once a group.
  let from: string | undefined;
  let targets = new Set<string>();
  for (const edge of edges) {
    if (edge.from !== from) {
      from = edge.from;
      const known = seen.get(from);
      if (known) {
        targets = known;
      } else {
        targets = new Set();
        seen.set(from, targets);
      }
    }
    if (!targets.has(edge.to)) {
      targets.add(edge.to);
      unique.push(edge);
    }
  }
  return unique;
}

function compareComponents(a: SbomComponent, b: SbomComponent): number {
  return (
    collator.compare(a.name, b.name) ||
    collator.compare(a.version ?? '', b.version ?? '') ||
    collator.compare(a.purl ?? '', b.purl ?? '') ||
    collator.compare(a.ref ?? '', b.ref ?? '')
  );
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as T;
}
