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

import { InputError } from '@backstage/errors';
import { Knex } from 'knex';

/** Whether a database error is a unique-key violation, on any engine. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, errno } = (error ?? {}) as { code?: unknown; errno?: unknown };
  return (
    code === '23505' || // PostgreSQL
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 // MySQL
  );
}

/**
 * A keyset cursor: the time and id of the last row of a page, for lists
 * ordered newest first with the id breaking ties.
 */
export function encodeCursor(position: { at: Date; id: string }): string {
  return Buffer.from(
    JSON.stringify([position.at.toISOString(), position.id]),
  ).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [time, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    const at = new Date(time);
    if (typeof id !== 'string' || Number.isNaN(at.getTime())) {
      throw new Error('malformed');
    }
    return { at, id };
  } catch (error) {
    throw new InputError('cursor is not one this API handed out', error);
  }
}

/**
 * Restricts a query ordered by `column` desc, then `id` desc, to the rows
 * after the cursor's position.
 */
export function afterCursor(
  query: Knex.QueryBuilder,
  column: string,
  cursor: string,
): void {
  const after = decodeCursor(cursor);
  query.where(inner =>
    inner
      .where(column, '<', after.at)
      .orWhere(tie =>
        tie.where(column, '=', after.at).andWhere('id', '<', after.id),
      ),
  );
}
