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

/**
 * Reads a timestamp column as a Date. PostgreSQL gives Date objects, SQLite
 * gives the milliseconds knex stored or a string, MySQL gives Date objects.
 */
export function toDate(value: Date | string | number): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  // SQLite may hand back 'YYYY-MM-DD HH:MM:SS.sss' without a zone: it is UTC.
  const iso = /^\d{4}-\d{2}-\d{2} /.test(value)
    ? `${value.replace(' ', 'T')}${
        /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? '' : 'Z'
      }`
    : value;
  return /^\d+$/.test(iso) ? new Date(Number(iso)) : new Date(iso);
}
