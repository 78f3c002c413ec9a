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

import { ProvenanceSummary } from '@real-app-forever/plugin-assurance-common';
import { clipMessage, isRecord } from '../parserUtils';
import { readDigestSet } from './inToto';

/** The facts a SLSA provenance predicate gives. */
export type SlsaFacts = Pick<
  ProvenanceSummary,
  'builderId' | 'buildType' | 'sourceRepository' | 'sourceRef' | 'sourceDigest'
>;

const SLSA_V0 = /^https:\/\/slsa\.dev\/provenance\/v0\.[12]$/;
const SLSA_V1 = /^https:\/\/slsa\.dev\/provenance\/v1(\.\d+)?$/;

/** Digest algorithms a source digest is taken from, preferred first. */
const SOURCE_DIGEST_ALGORITHMS = ['gitCommit', 'sha1', 'sha256', 'sha512'];

/** Whether a predicate type is SLSA provenance (v0.1, v0.2 or v1). */
export function isSlsaProvenance(predicateType: string | undefined): boolean {
  return (
    predicateType !== undefined &&
    (SLSA_V0.test(predicateType) || SLSA_V1.test(predicateType))
  );
}

/**
 * Reads builder and source facts from a SLSA provenance predicate. Facts the
 * predicate lacks are absent; other predicate types give none.
 */
export function readSlsaFacts(options: {
  predicateType: string | undefined;
  predicate: unknown;
}): SlsaFacts {
  const { predicateType, predicate } = options;
  if (!predicateType || !isRecord(predicate)) {
    return {};
  }
  if (SLSA_V1.test(predicateType)) {
    return withoutUndefined(readV1(predicate));
  }
  if (SLSA_V0.test(predicateType)) {
    return withoutUndefined(readV0(predicate));
  }
  return {};
}

/**
 * Splits a source URI such as `git+https://github.com/o/r@refs/heads/main`
 * into the repository (`https://github.com/o/r`) and the ref.
 */
export function splitSourceUri(uri: string): {
  repository: string;
  ref?: string;
} {
  const bare = uri.replace(/^git\+/, '');
  // An `@` before the path belongs to the authority (user@host), not a ref.
  const pathStart = bare.indexOf('/', bare.indexOf('://') + 3);
  const at = bare.lastIndexOf('@');
  if (at > pathStart && pathStart > 0) {
    return {
      repository: bare.slice(0, at),
      ref: bare.slice(at + 1) || undefined,
    };
  }
  return { repository: bare };
}

/** SLSA v0.1 (`recipe`) and v0.2 (`invocation.configSource`). */
function readV0(predicate: Record<string, unknown>): SlsaFacts {
  const materials = Array.isArray(predicate.materials)
    ? predicate.materials.filter(isRecord)
    : [];
  const recipe = record(predicate.recipe);
  const configSource = record(record(predicate.invocation)?.configSource);
  const definedIn = recipe?.definedInMaterial;
  const source =
    configSource ??
    (typeof definedIn === 'number' ? materials[definedIn] : undefined) ??
    materials.find(m => text(m.uri)?.startsWith('git+'));

  const uri = text(source?.uri);
  const split = uri ? splitSourceUri(uri) : undefined;
  return {
    builderId: text(record(predicate.builder)?.id),
    buildType: text(predicate.buildType) ?? text(recipe?.type),
    sourceRepository: split?.repository,
    sourceRef: split?.ref,
    sourceDigest: pickDigest(source?.digest),
  };
}

/**
 * SLSA v1: the source is read from `externalParameters` — `workflow`
 * (GitHub Actions build types), `source` (a URI or `{ uri, digest }`) or
 * `repository`/`ref` — and its digest from the matching resolved dependency.
 */
function readV1(predicate: Record<string, unknown>): SlsaFacts {
  const definition = record(predicate.buildDefinition);
  const external = record(definition?.externalParameters);
  const workflow = record(external?.workflow);
  const source = external?.source;
  const sourceUri =
    typeof source === 'string' ? source : text(record(source)?.uri);
  const split = sourceUri ? splitSourceUri(sourceUri) : undefined;

  const repository =
    text(workflow?.repository) ??
    split?.repository ??
    text(external?.repository);
  const dependencies = Array.isArray(definition?.resolvedDependencies)
    ? definition.resolvedDependencies.filter(isRecord)
    : [];
  const dependency =
    dependencies.find(
      d =>
        repository !== undefined &&
        splitSourceUri(text(d.uri) ?? '').repository === repository,
    ) ?? dependencies.find(d => text(d.uri)?.startsWith('git+'));
  const dependencyUri = text(dependency?.uri);

  return {
    builderId: text(record(record(predicate.runDetails)?.builder)?.id),
    buildType: text(definition?.buildType),
    sourceRepository:
      repository ??
      (dependencyUri ? splitSourceUri(dependencyUri).repository : undefined),
    sourceRef:
      text(workflow?.ref) ??
      split?.ref ??
      text(external?.ref) ??
      (dependencyUri ? splitSourceUri(dependencyUri).ref : undefined),
    sourceDigest:
      pickDigest(record(source)?.digest) ?? pickDigest(dependency?.digest),
  };
}

/** A digest set's preferred entry as `algorithm:value`. */
function pickDigest(value: unknown): string | undefined {
  const digests = readDigestSet(value);
  const algorithm =
    SOURCE_DIGEST_ALGORITHMS.find(a => digests[a] !== undefined) ??
    Object.keys(digests)[0];
  return algorithm ? `${algorithm}:${digests[algorithm]}` : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? clipMessage(value) : undefined;
}

function withoutUndefined(facts: SlsaFacts): SlsaFacts {
  return Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== undefined),
  );
}
