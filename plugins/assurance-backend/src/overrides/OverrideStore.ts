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

import { GateOverride } from '@real-app-forever/plugin-assurance-common';
import { AuditEntryInput } from '../database/EvidenceStore';
import { OverrideReader } from './OverrideReader';

/** A request for an override, as the route made it. */
export interface NewOverride {
  id: string;
  entityRef: string;
  gateId: string;
  digest?: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
}

/** The notices the owners get about an approved override. */
export type OverrideNotice = 'expiry-warning' | 'lapse';

/**
 * Keeps gate overrides and their decisions. Every write is audited in its
 * transaction.
 */
export interface OverrideStore extends OverrideReader {
  /** One override with `status` as of `now`. */
  getOverride(options: {
    id: string;
    now: Date;
  }): Promise<GateOverride | undefined>;

  /** Stores a pending request. */
  createOverride(options: {
    override: NewOverride;
    audit: AuditEntryInput;
  }): Promise<GateOverride>;

  /**
   * Approves or rejects a request that is still pending and not expired.
   * Answers undefined, and writes nothing, when it no longer is: someone
   * else decided first or the request lapsed.
   */
  decideOverride(options: {
    id: string;
    status: 'approved' | 'rejected';
    decidedBy: string;
    comment?: string;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<GateOverride | undefined>;

  /**
   * Approved overrides whose owners still need a notice: those ending by
   * `warnUntil` that were not warned about, and those that ended and
   * whose lapse was not announced.
   */
  listPendingNotices(options: {
    now: Date;
    warnUntil: Date;
    limit: number;
  }): Promise<{ expiring: GateOverride[]; lapsed: GateOverride[] }>;

  /**
   * Remembers that a notice went out; false when it had been remembered
   * already (by a concurrent run).
   */
  markNoticeSent(options: {
    id: string;
    notice: OverrideNotice;
    now: Date;
    audit: AuditEntryInput;
  }): Promise<boolean>;
}
