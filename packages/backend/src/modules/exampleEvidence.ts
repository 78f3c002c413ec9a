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

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { LoggerService } from '@backstage/backend-plugin-api';
import { EvidenceFormat } from '@real-app-forever/plugin-assurance-common';

/** One example evidence file, in upload order. */
export interface ExampleEvidenceFile {
  /** `component:default/<entity folder>`. */
  entityRef: string;
  /** The execution folder's name. */
  executionId: string;
  fileName: string;
  path: string;
  /** Left out when the name does not tell; the backend then detects it. */
  format?: EvidenceFormat;
  /** The artifact the build produced, when it was released. */
  artifact?: { name: string; version: string; digest: string };
}

/** What a seeding run did. */
export interface SeedResult {
  created: number;
  existing: number;
  failed: number;
  skipped: number;
}

/** How long uploads are retried while the catalog ingests the entities. */
export interface SeedRetryOptions {
  /** Per entity, from its first attempt; about two minutes by default. */
  timeoutMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: SeedRetryOptions = {
  timeoutMs: 120_000,
  initialDelayMs: 1_000,
  maxDelayMs: 15_000,
};

const FORMAT_BY_SUFFIX: ReadonlyArray<[string, EvidenceFormat]> = [
  ['.cdx.json', 'cyclonedx-json'],
  ['.npm-audit.json', 'npm-audit'],
  ['.sarif.json', 'sarif'],
  ['.sarif', 'sarif'],
];

// 404: the catalog has not ingested the entity yet, or the route is not up.
const RETRIED_STATUSES = new Set([404, 429, 502, 503, 504]);

const collator = new Intl.Collator('en', { numeric: true });
const byName = (a: string, b: string) => collator.compare(a, b);

/**
 * Lists `<root>/<entity>/<execution>/<file>` in upload order: entities,
 * executions and files each sorted by name, with numbers compared as
 * numbers, so that `run-2` comes after `run-1` and before `run-10`. Files
 * and folders whose names start with a dot, and files outside an execution
 * folder, are left out.
 */
export async function findExampleEvidence(
  root: string,
): Promise<ExampleEvidenceFile[]> {
  const files: ExampleEvidenceFile[] = [];

  for (const entity of await listEntries(root, 'directory')) {
    const entityDir = join(root, entity);
    for (const executionId of await listEntries(entityDir, 'directory')) {
      const executionDir = join(entityDir, executionId);
      for (const fileName of await listEntries(executionDir, 'file')) {
        files.push({
          entityRef: `component:default/${entity}`,
          executionId,
          fileName,
          path: join(executionDir, fileName),
          format: formatFromFileName(fileName),
        });
      }
    }
  }

  return files;
}

/**
 * Reads the evidence format from a file name's suffix where it is certain:
 * `.sarif` is SARIF, `.cdx.json` CycloneDX JSON and `.npm-audit.json` npm
 * audit. Every other file is left to the backend's detection, which tells
 * apart the many XML and JSON formats by their content.
 */
export function formatFromFileName(
  fileName: string,
): EvidenceFormat | undefined {
  const lower = fileName.toLocaleLowerCase('en-US');
  return FORMAT_BY_SUFFIX.find(([suffix]) => lower.endsWith(suffix))?.[1];
}

/**
 * Uploads the files one at a time, in order, through the evidence API.
 * Statuses that mean "not ready yet" are retried with backoff; when an
 * entity stays unknown past the timeout, its remaining files are skipped.
 */
export async function uploadExampleEvidence(options: {
  files: ExampleEvidenceFile[];
  /** The assurance plugin's base URL. */
  baseUrl: string;
  getToken: () => Promise<string>;
  logger: LoggerService;
  fetch?: typeof fetch;
  retry?: Partial<SeedRetryOptions>;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}): Promise<SeedResult> {
  const { files, baseUrl, getToken, logger, signal } = options;
  const doFetch = options.fetch ?? fetch;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const sleep =
    options.sleep ??
    ((ms: number, s?: AbortSignal) => sleepFor(ms, undefined, { signal: s }));
  const result: SeedResult = { created: 0, existing: 0, failed: 0, skipped: 0 };
  const givenUp = new Set<string>();
  const firstAttempt = new Map<string, number>();

  for (const file of files) {
    signal?.throwIfAborted();
    const ids = {
      entityRef: file.entityRef,
      executionId: file.executionId,
      fileName: file.fileName,
    };
    if (givenUp.has(file.entityRef)) {
      result.skipped += 1;
      continue;
    }
    if (!firstAttempt.has(file.entityRef)) {
      firstAttempt.set(file.entityRef, Date.now());
    }

    const content = await readFile(file.path);
    let delay = retry.initialDelayMs;
    for (;;) {
      const outcome = await postEvidence({
        file,
        content,
        baseUrl,
        token: await getToken(),
        doFetch,
        signal,
      });

      if (outcome === 201 || outcome === 200) {
        result[outcome === 201 ? 'created' : 'existing'] += 1;
        logger.debug('Uploaded example evidence', { ...ids, status: outcome });
        break;
      }

      const retryable =
        typeof outcome !== 'number' || RETRIED_STATUSES.has(outcome);
      const elapsed = Date.now() - firstAttempt.get(file.entityRef)!;
      if (retryable && elapsed + delay <= retry.timeoutMs) {
        logger.debug('Example evidence upload not accepted yet, retrying', {
          ...ids,
          status: typeof outcome === 'number' ? outcome : outcome.error,
          delayMs: delay,
        });
        await sleep(delay, signal);
        delay = Math.min(delay * 2, retry.maxDelayMs);
        continue;
      }

      result.failed += 1;
      if (retryable) {
        givenUp.add(file.entityRef);
      }
      logger.warn('Could not upload example evidence', {
        ...ids,
        status: typeof outcome === 'number' ? outcome : outcome.error,
      });
      break;
    }
  }

  return result;
}

async function listEntries(
  dir: string,
  kind: 'directory' | 'file',
): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter(entry =>
      kind === 'directory' ? entry.isDirectory() : entry.isFile(),
    )
    .map(entry => entry.name)
    .filter(name => !name.startsWith('.'))
    .sort(byName);
}

/**
 * Returns the HTTP status, or the error code when the request failed. Only
 * the status is kept: error bodies can quote the uploaded file.
 */
async function postEvidence(options: {
  file: ExampleEvidenceFile;
  content: Buffer;
  baseUrl: string;
  token: string;
  doFetch: typeof fetch;
  signal?: AbortSignal;
}): Promise<number | { error: string }> {
  const { file, content, baseUrl, token, doFetch, signal } = options;
  const form = new FormData();
  form.append('entityRef', file.entityRef);
  form.append('executionId', file.executionId);
  if (file.format) {
    form.append('format', file.format);
  }
  if (file.artifact) {
    form.append('artifact', file.artifact.name);
    form.append('version', file.artifact.version);
    form.append('digest', file.artifact.digest);
  }
  form.append('file', new Blob([content]), file.fileName);

  try {
    const res = await doFetch(`${baseUrl}/v1/evidence`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
      signal,
    });
    // Read the body so that the connection is released.
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch (error) {
    signal?.throwIfAborted();
    const cause = (error as { cause?: { code?: unknown } })?.cause;
    return {
      error: typeof cause?.code === 'string' ? cause.code : 'FETCH_FAILED',
    };
  }
}
