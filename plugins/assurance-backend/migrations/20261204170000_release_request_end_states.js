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

// @ts-check

const STATUSES =
  'pending-approval, deploying, succeeded, failed, rolled-back, superseded, rejected, withdrawn or expired';
const OLD_STATUSES =
  'pending-approval, deploying, succeeded, failed, rolled-back or superseded';

/**
 * A promotion request that ended without a deploy gets a status of its
 * own instead of keeping `pending-approval`: `rejected` by an approver,
 * `withdrawn` by its requester, `expired` when its lapse was handled.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const ended = () =>
    knex('assurance_releases')
      .where({ status: 'pending-approval' })
      .whereNotNull('rejected_by');
  await ended()
    .whereRaw('LOWER(rejected_by) = LOWER(actor)')
    .update({ status: 'withdrawn' });
  await ended().update({ status: 'rejected' });
  await knex('assurance_releases')
    .where({ status: 'pending-approval' })
    .whereNotNull('approval_lapse_notified_at')
    .update({ status: 'expired' });
  await commentStatus(knex, STATUSES);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('assurance_releases')
    .whereIn('status', ['rejected', 'withdrawn', 'expired'])
    .update({ status: 'pending-approval' });
  await commentStatus(knex, OLD_STATUSES);
};

/**
 * The status column's comment, where the database keeps one.
 *
 * @param {import('knex').Knex} knex
 * @param {string} text
 */
async function commentStatus(knex, text) {
  const client = String(knex.client.config.client);
  if (client === 'pg') {
    // COMMENT takes no bind parameters; the text is one of the constants.
    await knex.raw(
      `COMMENT ON COLUMN assurance_releases.status IS '${text.replace(
        /'/g,
        "''",
      )}'`,
    );
  } else if (client.startsWith('mysql')) {
    await knex.raw(
      'ALTER TABLE assurance_releases MODIFY status VARCHAR(20) NOT NULL COMMENT ?',
      [text],
    );
  }
}
