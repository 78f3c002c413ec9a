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

import { createHash, randomUUID } from 'node:crypto';
import {
  EvidenceLinkInput,
  EvidenceRecord,
  EvidenceSummary,
  EvidenceUploadFields,
} from '@real-app-forever/plugin-assurance-common';
import {
  EvidenceParser,
  parseEvidence,
} from '@real-app-forever/plugin-assurance-node';
import {
  ArtifactReference,
  EvidenceStore,
  NewEvidence,
} from '../database/EvidenceStore';
import { maybeGunzip } from './gzip';

/**
 * Turns an uploaded file into stored evidence: detect the format, parse,
 * hash, store with an audit entry.
 */
export class IngestService {
  constructor(
    private readonly options: {
      store: EvidenceStore;
      parsers: () => EvidenceParser[];
      /** The largest file accepted, also after unpacking gzip. */
      maxBytes: number;
      now?: () => Date;
    },
  ) {}

  /**
   * Throws EvidenceRefusedError when the file is not usable evidence, and
   * PayloadTooLargeError when a gzip upload unpacks past the limit; in
   * both cases nothing is stored.
   */
  async ingest(options: {
    entityRef: string;
    fields: Omit<EvidenceUploadFields, 'entityRef'>;
    fileName: string;
    content: Buffer;
    actor: string;
  }): Promise<{ record: EvidenceRecord; created: boolean }> {
    const { fields, entityRef, actor } = options;
    const { bytes, fileName } = maybeGunzip({
      bytes: options.content,
      fileName: sanitizeFileName(options.fileName),
      maxBytes: this.options.maxBytes,
    });

    const { format, summary, redactedText } = parseEvidence({
      parsers: this.options.parsers(),
      fileName,
      bytes,
      format: fields.format,
    });
    // Secrets never reach the database: what is stored (and hashed) is the
    // redacted text when the parser produced one.
    const redacted =
      redactedText !== undefined && redactedText !== bytes.toString('utf8');
    const content = redacted ? Buffer.from(redactedText, 'utf8') : bytes;

    return this.#store({
      fields,
      evidence: {
        entityRef,
        format,
        fileName,
        sha256: createHash('sha256').update(content).digest('hex'),
        size: content.length,
        uploadedBy: actor,
        summary,
        content,
        redacted,
      },
    });
  }

  /** Records evidence kept elsewhere; its facts are not read. */
  async ingestLink(options: {
    entityRef: string;
    link: Omit<EvidenceLinkInput, 'entityRef'>;
    actor: string;
  }): Promise<{ record: EvidenceRecord; created: boolean }> {
    const { link, entityRef, actor } = options;
    const fileName = sanitizeFileName(
      link.fileName ?? new URL(link.url).pathname,
    );
    const summary: EvidenceSummary = { kind: 'link', url: link.url };
    return this.#store({
      fields: link,
      evidence: {
        entityRef,
        format: link.format,
        fileName,
        sha256: link.sha256,
        size: link.size,
        uploadedBy: actor,
        summary,
        url: link.url,
      },
    });
  }

  async #store(options: {
    fields: Omit<EvidenceUploadFields, 'entityRef' | 'format'>;
    evidence: Omit<NewEvidence, 'id' | 'uploadedAt'>;
  }): Promise<{ record: EvidenceRecord; created: boolean }> {
    const { fields, evidence } = options;
    const id = randomUUID();
    const now = this.options.now?.() ?? new Date();
    return this.options.store.insertEvidence({
      evidence: {
        ...evidence,
        id,
        uploadedAt: now,
        executionId: fields.executionId,
        workItem: fields.workItem,
        artifact: fields.artifact,
        version: fields.version,
        digest: fields.digest?.toLocaleLowerCase('en-US'),
        releaseId: fields.releaseId,
        commit: fields.commit,
        pipelineUrl: fields.pipelineUrl,
        gate: fields.gate,
        artifacts: artifactsOf({ fields, summary: evidence.summary }),
      },
      audit: {
        actor: evidence.uploadedBy,
        action: evidence.url ? 'evidence.link' : 'evidence.create',
        entityRef: evidence.entityRef,
        subjectId: id,
        details: {
          format: evidence.format,
          sha256: evidence.sha256,
          size: evidence.size,
          executionId: fields.executionId ?? null,
          gate: fields.gate ?? null,
          redacted: evidence.redacted ?? false,
        },
      },
    });
  }
}

/**
 * The artifacts evidence names: the digest the pipeline declared, and the
 * subjects of provenance.
 */
function artifactsOf(options: {
  fields: Omit<EvidenceUploadFields, 'entityRef' | 'format'>;
  summary: EvidenceSummary;
}): ArtifactReference[] {
  const { fields, summary } = options;
  const references: ArtifactReference[] = [];
  if (fields.digest) {
    references.push({
      digest: fields.digest,
      name: fields.artifact,
      version: fields.version,
      relation: 'declared',
    });
  }
  if (summary.kind === 'provenance') {
    for (const subject of summary.subjects) {
      for (const [algorithm, hex] of Object.entries(subject.digest)) {
        if (/^[a-z0-9]+$/i.test(algorithm) && /^[a-f0-9]{32,128}$/i.test(hex)) {
          references.push({
            digest: `${algorithm}:${hex}`,
            name: subject.name || undefined,
            relation: 'subject',
          });
        }
      }
    }
  }
  return references;
}

/**
 * Keeps the last path segment of an uploaded file's name, without control
 * characters, at most 255 characters.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'evidence').slice(0, 255);
}
