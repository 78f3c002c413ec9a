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
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  EffectivePolicy,
  PolicyHistoryEntry,
} from '@real-app-forever/plugin-assurance-common';
import { Knex } from 'knex';
import { appendAuditEntry } from '../database/auditLog';
import { toDate } from '../database/time';
import { resolveEntityEnvironments } from './entityEnvironments';
import { PolicyConfig, readPolicyConfig } from './policyConfig';
import { PolicyService } from './PolicyService';
import { resolveEffectivePolicy } from './resolveEffectivePolicy';

const migrationsDir = resolvePackagePath(
  '@real-app-forever/plugin-assurance-backend',
  'migrations',
);

const TABLE = 'assurance_policy_versions';

/** How many versions the history in an answer holds. */
const HISTORY_LIMIT = 20;

/** The actor of policy changes in the audit log: no user made them. */
const POLICY_ACTOR = 'system:policy';

interface VersionRow {
  seq: number;
  version: string;
  previous_version: string | null;
  changed_at: Date | string | number;
}

/**
 * Resolves effective policies from app-config and the catalog, and keeps
 * each entity's policy history in the plugin database, with an audit entry
 * for every change.
 */
export class DefaultPolicyService implements PolicyService {
  /** Throws, naming the key at fault, when the policy in config is invalid. */
  static async create(options: {
    config: Config;
    database: DatabaseService;
    knownGates: ReadonlySet<string>;
    now?: () => Date;
  }): Promise<DefaultPolicyService> {
    const policy = readPolicyConfig(options);
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new DefaultPolicyService(
      db,
      policy,
      options.knownGates,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly policy: PolicyConfig,
    private readonly knownGates: ReadonlySet<string>,
    private readonly now: () => Date,
  ) {}

  async getEffectivePolicy(options: {
    entity: Entity;
    environment?: string;
  }): Promise<EffectivePolicy> {
    const { entity, environment } = options;
    const known = this.listEnvironments(entity);
    if (environment !== undefined && !known.includes(environment)) {
      throw new InputError(
        `Unknown environment '${environment}', known environments are ${known.join(
          ', ',
        )}`,
      );
    }

    const effective = resolveEffectivePolicy({
      config: this.policy,
      entity,
      environment,
      knownGates: this.knownGates,
    });
    if (environment === undefined) {
      await this.recordVersion(effective.entityRef, effective.version);
    }
    return {
      ...effective,
      history: await this.readHistory(effective.entityRef),
    };
  }

  listEnvironments(entity?: Entity): string[] {
    return resolveEntityEnvironments({
      entity,
      configured: this.policy.environments,
    }).environments;
  }

  /**
   * Records `version` as the entity's newest, with an audit entry, unless
   * it already is. Of two concurrent writers of the same change, the second
   * fails on the primary key and records nothing.
   */
  private async recordVersion(entityRef: string, version: string) {
    const newest = await this.newest(this.db, entityRef);
    if (newest?.version === version) {
      return;
    }
    try {
      await this.db.transaction(async tx => {
        const last = await this.newest(tx, entityRef);
        if (last?.version === version) {
          return;
        }
        const now = this.now();
        await tx(TABLE).insert({
          entity_ref: entityRef,
          seq: Number(last?.seq ?? 0) + 1,
          version,
          previous_version: last?.version ?? null,
          changed_at: now,
        });
        await appendAuditEntry({
          tx,
          now,
          entry: {
            actor: POLICY_ACTOR,
            action: 'policy.change',
            entityRef,
            subjectId: version,
            details: { oldVersion: last?.version ?? null, newVersion: version },
          },
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
    }
  }

  private async newest(
    db: Knex | Knex.Transaction,
    entityRef: string,
  ): Promise<Pick<VersionRow, 'seq' | 'version'> | undefined> {
    return db(TABLE)
      .where({ entity_ref: entityRef })
      .orderBy('seq', 'desc')
      .first('seq', 'version');
  }

  private async readHistory(entityRef: string): Promise<PolicyHistoryEntry[]> {
    const rows: VersionRow[] = await this.db(TABLE)
      .where({ entity_ref: entityRef })
      .orderBy('seq', 'desc')
      .limit(HISTORY_LIMIT)
      .select('seq', 'version', 'previous_version', 'changed_at');
    return rows.map(row => ({
      version: row.version,
      ...(row.previous_version && { previousVersion: row.previous_version }),
      changedAt: toDate(row.changed_at).toISOString(),
    }));
  }
}

// NOTE: the same check as DatabaseEvidenceStore's, which does not export it.
function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return (
    code === '23505' || // PostgreSQL
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 // MySQL
  );
}
