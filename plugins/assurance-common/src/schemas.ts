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

import { z } from 'zod';
import { EVIDENCE_FORMATS, EvidenceFormat } from './types';
import { pageQuery } from './pageQuery';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform(value => (value === '' ? undefined : value));

/**
 * The form fields that accompany an uploaded evidence file.
 *
 * @public
 */
export const evidenceUploadFieldsSchema = z.object({
  entityRef: z
    .string({ error: 'entityRef is required' })
    .trim()
    .min(1, 'entityRef is required')
    .max(255, 'must be at most 255 characters'),
  format: z
    .enum(EVIDENCE_FORMATS as [EvidenceFormat, ...EvidenceFormat[]], {
      error: `format must be one of ${EVIDENCE_FORMATS.join(', ')}`,
    })
    .optional(),
  executionId: optionalText(255),
  workItem: optionalText(255),
  artifact: optionalText(255),
  version: optionalText(128),
  digest: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9]+:[a-f0-9]{32,128}$/i,
      'digest must look like sha256:<hex>',
    )
    .optional(),
  releaseId: optionalText(255),
  commit: z
    .string()
    .trim()
    .regex(/^[a-f0-9]{7,64}$/i, 'commit must be a hex commit id')
    .optional(),
  pipelineUrl: z
    .url({ protocol: /^https?$/, error: 'pipelineUrl must be an http(s) URL' })
    .max(2048)
    .optional(),
  gate: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9-]{1,64}$/,
      'gate must be a gate id: 1 to 64 lower-case letters, digits and dashes',
    )
    .optional(),
});

/**
 * Parsed upload fields.
 *
 * @public
 */
export type EvidenceUploadFields = z.infer<typeof evidenceUploadFieldsSchema>;

/**
 * Query parameters of the evidence list.
 *
 * @public
 */
export const evidenceListQuerySchema = z.object({
  ...pageQuery(50),
  format: z
    .enum(EVIDENCE_FORMATS as [EvidenceFormat, ...EvidenceFormat[]], {
      error: `format must be one of ${EVIDENCE_FORMATS.join(', ')}`,
    })
    .optional(),
  executionId: optionalText(255),
  artifact: optionalText(255),
  digest: optionalText(160),
  releaseId: optionalText(255),
  workItem: optionalText(255),
});

/**
 * The body of `POST /v1/evidence/links`: evidence kept elsewhere.
 *
 * @public
 */
export const evidenceLinkSchema = evidenceUploadFieldsSchema
  .omit({ format: true })
  .extend({
    format: z.enum(EVIDENCE_FORMATS as [EvidenceFormat, ...EvidenceFormat[]], {
      error: `format is required, one of ${EVIDENCE_FORMATS.join(', ')}`,
    }),
    url: z.url({
      protocol: /^https?$/,
      error: 'url must be an http(s) URL',
    }),
    sha256: z
      .string({ error: 'sha256 is required' })
      .regex(/^[a-f0-9]{64}$/i, 'sha256 must be 64 hex characters')
      .transform(value => value.toLowerCase()),
    size: z
      .number({ error: 'size is required, in bytes' })
      .int('size must be a whole number of bytes')
      .min(0, 'size must not be negative'),
    fileName: optionalText(255),
  });

/**
 * A link to evidence kept elsewhere.
 *
 * @public
 */
export type EvidenceLinkInput = z.infer<typeof evidenceLinkSchema>;

/**
 * The body of `DELETE /v1/evidence/{id}`.
 *
 * @public
 */
export const evidenceDeleteSchema = z.object({
  reason: z
    .string({ error: 'reason is required' })
    .trim()
    .min(3, 'reason must say why, in at least 3 characters')
    .max(1000, 'reason must be at most 1000 characters'),
});

/**
 * Turns a zod error into one readable sentence naming each bad field.
 *
 * @public
 */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map(issue => {
      const path = issue.path.join('.');
      // A message that already names its field (or the list an item is
      // in, as `status` for `status.0`) needs no path in front.
      const field = String(issue.path[0] ?? '');
      return path &&
        !issue.message.startsWith(path) &&
        !issue.message.startsWith(`${field} `)
        ? `${path}: ${issue.message}`
        : issue.message;
    })
    .join('; ');
}
