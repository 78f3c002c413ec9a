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
  GateOverride,
  GateResult,
} from '@real-app-forever/plugin-assurance-common';

/**
 * Turns a gate that did not pass into `overridden` when an approved,
 * unexpired override of the same gate applies: one without a digest, or
 * one for the artifact under evaluation. The latest-expiring one wins.
 */
export function applyOverride(options: {
  result: GateResult;
  overrides: GateOverride[];
  entityRef: string;
  digest?: string;
  now: Date;
}): GateResult {
  const { result, digest, now } = options;
  if (result.status === 'passed' || result.status === 'overridden') {
    return result;
  }
  const [override] = options.overrides
    .filter(
      o =>
        o.status === 'approved' &&
        o.gateId === result.id &&
        o.entityRef.toLocaleLowerCase('en-US') ===
          options.entityRef.toLocaleLowerCase('en-US') &&
        Date.parse(o.expiresAt) > now.getTime() &&
        (!o.digest || o.digest.toLocaleLowerCase('en-US') === digest),
    )
    .sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt));
  if (!override) {
    return result;
  }
  const approvedBy = override.decidedBy ?? 'an approver';
  return {
    ...result,
    status: 'overridden',
    reason: `Waived until ${override.expiresAt
      .slice(0, 16)
      .replace(
        'T',
        ' ',
      )} UTC by an override approved by ${approvedBy}. Without it: ${
      result.reason
    }`,
    override: {
      id: override.id,
      underlyingStatus: result.status,
      reason: override.reason,
      requestedBy: override.requestedBy,
      approvedBy,
      expiresAt: override.expiresAt,
    },
  };
}
