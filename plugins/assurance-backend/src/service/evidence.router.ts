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

import { createHash } from 'node:crypto';
import { AuditorService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  EvidenceVerification,
  assuranceEvidenceCreatePermission,
  assuranceEvidenceDeletePermission,
  assuranceEvidenceReadPermission,
  evidenceDeleteSchema,
  evidenceLinkSchema,
  evidenceUploadFieldsSchema,
} from '@real-app-forever/plugin-assurance-common';
import { DatabaseLifecycleStore } from '../database/DatabaseLifecycleStore';
import { EvidenceRefusedError } from '@real-app-forever/plugin-assurance-node';
import Router from 'express-promise-router';
import { parseInput } from './parseInput';
import { EvidenceStore } from '../database/EvidenceStore';
import { IngestService } from '../ingest/IngestService';
import { EntityAccess } from './EntityAccess';
import { createUploadReader } from './upload';

/**
 * Routes for uploading evidence and reading one evidence record.
 */
export function createEvidenceRouter(options: {
  access: EntityAccess;
  store: EvidenceStore;
  lifecycle: DatabaseLifecycleStore;
  ingest: IngestService;
  auditor: AuditorService;
  maxUploadBytes: number;
  now?: () => Date;
}) {
  const { access, store, lifecycle, ingest, auditor } = options;
  const now = () => options.now?.() ?? new Date();
  const readUpload = createUploadReader({ maxBytes: options.maxUploadBytes });
  const router = Router();

  router.post('/v1/evidence', async (req, res) => {
    const credentials = await access.credentials(req);

    await readUpload(req, res);
    const parsed = parseInput(evidenceUploadFieldsSchema, req.body);
    if (!req.file) {
      throw new InputError('The upload has no "file" part');
    }
    const { entityRef: ref, ...fields } = parsed;
    const { entityRef } = await access.allowedEntity({
      ref,
      permission: assuranceEvidenceCreatePermission,
      credentials,
    });

    const auditEvent = await auditor.createEvent({
      eventId: 'evidence-upload',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef, executionId: fields.executionId ?? null },
    });
    try {
      const { record, created } = await ingest.ingest({
        entityRef,
        fields,
        fileName: req.file.originalname,
        content: req.file.buffer,
        actor: access.actorOf(credentials),
      });
      await auditEvent.success({
        meta: { evidenceId: record.id, format: record.format, created },
      });
      res.status(created ? 201 : 200).json(record);
    } catch (error) {
      await auditEvent.fail({ error: error as Error });
      if (error instanceof EvidenceRefusedError) {
        // The reason is the whole message; the cause would only repeat it.
        throw new InputError(`Evidence refused: ${error.message}`);
      }
      throw error;
    }
  });

  router.get('/v1/evidence/:id', async (req, res) => {
    const credentials = await access.credentials(req);
    const record = await store.getEvidence({ id: req.params.id });
    if (!record) {
      throw new NotFoundError(`No evidence with id '${req.params.id}'`);
    }
    await access.authorize({
      permission: assuranceEvidenceReadPermission,
      entityRef: record.entityRef,
      credentials,
    });
    res.json(record);
  });

  router.get('/v1/evidence/:id/content', async (req, res) => {
    const credentials = await access.credentials(req);
    const found = await store.getEvidenceContent({ id: req.params.id });
    if (!found) {
      throw new NotFoundError(`No evidence with id '${req.params.id}'`);
    }
    const { record, content } = found;
    await access.authorize({
      permission: assuranceEvidenceReadPermission,
      entityRef: record.entityRef,
      credentials,
    });

    res.setHeader('Content-Type', contentTypeOf(record.format));
    res.setHeader('Content-Length', String(content.length));
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${record.fileName.replace(/["\\]/g, '_')}"`,
    );
    res.setHeader('X-Content-SHA256', record.sha256);
    res.setHeader(
      'Repr-Digest',
      `sha-256=:${Buffer.from(record.sha256, 'hex').toString('base64')}:`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(content);
  });

  router.post('/v1/evidence/links', async (req, res) => {
    const credentials = await access.credentials(req);
    const parsed = parseInput(evidenceLinkSchema, req.body);
    const { entityRef: ref, ...link } = parsed;
    const { entityRef } = await access.allowedEntity({
      ref,
      permission: assuranceEvidenceCreatePermission,
      credentials,
    });

    const { record, created } = await ingest.ingestLink({
      entityRef,
      link,
      actor: access.actorOf(credentials),
    });
    res.status(created ? 201 : 200).json(record);
  });

  router.get('/v1/evidence/:id/verify', async (req, res) => {
    const credentials = await access.credentials(req);
    const found = await store.getEvidenceContent({ id: req.params.id });
    if (!found) {
      const record = await store.getEvidence({ id: req.params.id });
      throw record
        ? new InputError(
            'This evidence is a link to a file kept elsewhere; the backend does not fetch it, so it cannot re-hash it',
          )
        : new NotFoundError(`No evidence with id '${req.params.id}'`);
    }
    await access.authorize({
      permission: assuranceEvidenceReadPermission,
      entityRef: found.record.entityRef,
      credentials,
    });

    const actualSha256 = createHash('sha256')
      .update(found.content)
      .digest('hex');
    const verification: EvidenceVerification = {
      id: found.record.id,
      expectedSha256: found.record.sha256,
      actualSha256,
      matches: actualSha256 === found.record.sha256,
      size: found.content.length,
      verifiedAt: now().toISOString(),
    };
    res.json(verification);
  });

  router.delete('/v1/evidence/:id', async (req, res) => {
    const credentials = await access.credentials(req);
    const parsed = parseInput(evidenceDeleteSchema, {
      reason: req.body?.reason ?? req.query.reason,
    });
    const record = await store.getEvidence({ id: req.params.id });
    if (!record) {
      throw new NotFoundError(`No evidence with id '${req.params.id}'`);
    }
    await access.authorize({
      permission: assuranceEvidenceDeletePermission,
      entityRef: record.entityRef,
      credentials,
    });

    const auditEvent = await auditor.createEvent({
      eventId: 'evidence-delete',
      severityLevel: 'high',
      request: req,
      meta: { evidenceId: record.id, entityRef: record.entityRef },
    });
    await lifecycle.deleteEvidence({
      id: record.id,
      now: now(),
      audit: {
        actor: access.actorOf(credentials),
        action: 'evidence.delete',
        entityRef: record.entityRef,
        subjectId: record.id,
        details: {
          reason: parsed.reason,
          format: record.format,
          sha256: record.sha256,
        },
      },
    });
    await auditEvent.success();
    res.status(204).end();
  });

  return router;
}

function contentTypeOf(format: string): string {
  return format === 'junit' ? 'application/xml' : 'application/json';
}
