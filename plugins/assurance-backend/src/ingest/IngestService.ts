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
  EvidenceRecord,
  EvidenceUploadFields,
} from '@real-app-forever/plugin-assurance-common';
import { EvidenceParser } from '@real-app-forever/plugin-assurance-node';
import { EvidenceStore } from '../database/EvidenceStore';
import { parseEvidence } from '../parsers';

/**
 * Turns an uploaded file into stored evidence: detect the format, parse,
 * hash, store with an audit entry.
 */
export class IngestService {
  constructor(
    private readonly options: {
      store: EvidenceStore;
      parsers: () => EvidenceParser[];
      now?: () => Date;
    },
  ) {}

  /**
   * Throws EvidenceRefusedError when the file is not usable evidence; in
   * that case nothing is stored.
   */
  async ingest(options: {
    entityRef: string;
    fields: Omit<EvidenceUploadFields, 'entityRef'>;
    fileName: string;
    content: Buffer;
    actor: string;
  }): Promise<{ record: EvidenceRecord; created: boolean }> {
    const { fields, entityRef, content, actor } = options;
    const fileName = sanitizeFileName(options.fileName);

    const { format, summary } = parseEvidence({
      parsers: this.options.parsers(),
      fileName,
      bytes: content,
      format: fields.format,
    });
    const sha256 = createHash('sha256').update(content).digest('hex');
    const id = randomUUID();
    const now = this.options.now?.() ?? new Date();

    return this.options.store.insertEvidence({
      evidence: {
        id,
        entityRef,
        format,
        fileName,
        sha256,
        size: content.length,
        executionId: fields.executionId,
        workItem: fields.workItem,
        artifact: fields.artifact,
        version: fields.version,
        digest: fields.digest,
        releaseId: fields.releaseId,
        commit: fields.commit,
        pipelineUrl: fields.pipelineUrl,
        uploadedBy: actor,
        uploadedAt: now,
        summary,
        content,
      },
      audit: {
        actor,
        action: 'evidence.create',
        entityRef,
        subjectId: id,
        details: {
          format,
          sha256,
          size: content.length,
          executionId: fields.executionId ?? null,
        },
      },
    });
  }
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
