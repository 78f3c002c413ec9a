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
import { pageQuery } from './pageQuery';
import { RELEASE_STATUSES } from './releases';

const digestSchema = z
  .string({ error: 'digest is required' })
  .trim()
  .regex(/^[a-z0-9]+:[a-f0-9]{32,128}$/i, 'digest must look like sha256:<hex>')
  .transform(digest => digest.toLocaleLowerCase('en-US'));

const reasonSchema = z
  .string()
  .trim()
  .max(2000, 'reason must be at most 2000 characters');

const migrationStatusSchema = z.enum(
  ['none', 'pending', 'applied', 'failed', 'rolled-back'],
  {
    error:
      'migrationStatus must be none, pending, applied, failed or rolled-back',
  },
);

/**
 * The body of `POST /v1/entities/{kind}/{namespace}/{name}/releases`: a
 * deployment a pipeline reports.
 *
 * @public
 */
export const releaseRecordSchema = z.object({
  environment: z
    .string({ error: 'environment is required' })
    .trim()
    .min(1, 'environment must not be empty')
    .max(63, 'environment must be at most 63 characters'),
  artifact: z.object(
    {
      name: z
        .string({ error: 'artifact.name is required' })
        .trim()
        .min(1, 'artifact.name must not be empty')
        .max(255, 'artifact.name must be at most 255 characters'),
      version: z.string().trim().max(128).optional(),
      digest: digestSchema,
    },
    { error: 'artifact must be an object with name, version and digest' },
  ),
  status: z
    .enum(['deploying', 'succeeded', 'failed'], {
      error: 'status must be deploying, succeeded or failed',
    })
    .default('deploying'),
  migrationStatus: migrationStatusSchema.default('none'),
  reason: reasonSchema.optional(),
  workItem: z.string().trim().max(255).optional(),
  /**
   * When the deployment happened, for a pipeline that reports after the
   * fact or imports history; defaults to now and may not be in the future.
   */
  deployedAt: z.iso
    .datetime({
      offset: true,
      error: 'deployedAt must be an ISO 8601 date-time with a time zone',
    })
    .optional(),
  /** Evidence of this deployment (logs, smoke tests) beyond the digest's. */
  evidenceIds: z
    .array(z.uuid({ error: 'evidenceIds must hold evidence ids (UUIDs)' }), {
      error: 'evidenceIds must be a list of evidence ids',
    })
    .max(100, 'evidenceIds may hold at most 100 ids')
    .optional(),
});

/**
 * The body of a deployment record.
 *
 * @public
 */
export type ReleaseRecordInput = z.infer<typeof releaseRecordSchema>;

/**
 * The body of `PATCH /v1/releases/{id}`: how the deployment proceeds.
 *
 * @public
 */
export const releaseUpdateSchema = z
  .object({
    status: z
      .enum(['succeeded', 'failed'], {
        error: 'status must be succeeded or failed',
      })
      .optional(),
    migrationStatus: migrationStatusSchema.optional(),
  })
  .refine(
    body => body.status !== undefined || body.migrationStatus !== undefined,
    { error: 'give status, migrationStatus or both' },
  );

/**
 * The body of `POST /v1/entities/{kind}/{namespace}/{name}/environments/{env}/promotions`:
 * the artifact digest to promote.
 *
 * @public
 */
export const promotionRequestSchema = z.object({
  digest: digestSchema,
  name: z.string().trim().min(1).max(255).optional(),
  version: z.string().trim().max(128).optional(),
  reason: reasonSchema.optional(),
});

/**
 * The body of `POST /v1/entities/{kind}/{namespace}/{name}/environments/{env}/rollbacks`:
 * a rollback says why.
 *
 * @public
 */
export const rollbackRequestSchema = z.object({
  reason: z
    .string({ error: 'reason is required: say why you roll back' })
    .trim()
    .min(1, 'reason is required: say why you roll back')
    .max(2000, 'reason must be at most 2000 characters'),
});

/**
 * The body of `POST /v1/releases/{id}/reject`: rejecting (or withdrawing)
 * a promotion request says why.
 *
 * @public
 */
export const rejectPromotionSchema = z.object({
  reason: z
    .string({ error: 'reason is required: say why the promotion stops' })
    .trim()
    .min(1, 'reason is required: say why the promotion stops')
    .max(2000, 'reason must be at most 2000 characters'),
});

/**
 * The query of `GET /v1/entities/{kind}/{namespace}/{name}/releases`:
 * `environment`, `status` (comma-separated, any of) and `since` (ISO 8601),
 * a page at a time: `limit` (1–200, default 100) and the `cursor` of the
 * previous page's `nextCursor`.
 *
 * @public
 */
export const releaseListQuerySchema = z.object({
  ...pageQuery(100),
  environment: z.string().trim().min(1).max(63).optional(),
  status: z
    .string()
    .trim()
    .transform(value => value.split(',').map(part => part.trim()))
    .pipe(
      z.array(
        z.enum(RELEASE_STATUSES, {
          error: `status must be a comma-separated list of ${RELEASE_STATUSES.join(
            ', ',
          )}`,
        }),
      ),
    )
    .optional(),
  since: z.iso
    .datetime({
      offset: true,
      error: 'since must be an ISO 8601 date-time with a time zone',
    })
    .optional(),
});

/**
 * The query of `GET /v1/entities/{kind}/{namespace}/{name}/releases/measures`:
 * the environment (default: the last, production) and how many weeks back.
 *
 * @public
 */
export const deploymentMeasuresQuerySchema = z.object({
  environment: z.string().trim().min(1).max(63).optional(),
  weeks: z.coerce
    .number({ error: 'weeks must be a whole number from 1 to 52' })
    .int('weeks must be a whole number from 1 to 52')
    .min(1, 'weeks must be a whole number from 1 to 52')
    .max(52, 'weeks must be a whole number from 1 to 52')
    .default(12),
});
