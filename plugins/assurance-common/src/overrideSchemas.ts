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

/**
 * The body of
 * `POST /v1/entities/{kind}/{namespace}/{name}/gates/{gate}/overrides`:
 * why the gate should be waived and until when. Give the expiry either as
 * a moment (`expiresAt`) or as a number of days from now
 * (`expiresInDays`), not both.
 *
 * @public
 */
export const overrideRequestSchema = z
  .object({
    reason: z
      .string({ error: 'reason is required' })
      .trim()
      .min(10, 'reason must say why, in at least 10 characters')
      .max(2000, 'reason must be at most 2000 characters'),
    expiresAt: z.iso
      .datetime({
        offset: true,
        error: 'expiresAt must be an ISO 8601 date and time',
      })
      .optional(),
    expiresInDays: z
      .number({ error: 'expiresInDays must be a number of days' })
      .int('expiresInDays must be a whole number of days')
      .min(1, 'expiresInDays must be at least 1')
      .optional(),
    digest: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9]+:[a-f0-9]{32,128}$/i,
        'digest must look like sha256:<hex>',
      )
      .optional(),
  })
  .refine(
    body =>
      (body.expiresAt === undefined) !== (body.expiresInDays === undefined),
    { error: 'give either expiresAt or expiresInDays (exactly one)' },
  );

/**
 * The body of a request for a gate override.
 *
 * @public
 */
export type OverrideRequestInput = z.infer<typeof overrideRequestSchema>;

/**
 * The body of `POST /v1/overrides/{id}/approve`.
 *
 * @public
 */
export const overrideApproveSchema = z.object({
  comment: z
    .string()
    .trim()
    .max(2000, 'comment must be at most 2000 characters')
    .optional()
    .transform(value => (value === '' ? undefined : value)),
});

/**
 * The body of `POST /v1/overrides/{id}/reject`: a rejection says why.
 *
 * @public
 */
export const overrideRejectSchema = z.object({
  comment: z
    .string({ error: 'comment is required: say why the override is rejected' })
    .trim()
    .min(1, 'comment is required: say why the override is rejected')
    .max(2000, 'comment must be at most 2000 characters'),
});
