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

/**
 * Time-bounded gate overrides with their approval record.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('assurance_overrides', table => {
    table.comment(
      'Requests to waive a failing gate for a limited time, and their decision',
    );
    table.string('id', 36).primary().notNullable().comment('UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref of the entity whose gate is waived');
    table.string('gate_id', 64).notNullable().comment('The waived gate');
    table
      .string('digest', 160)
      .nullable()
      .comment('Only this artifact, algorithm:hex; null for every artifact');
    table.text('reason').notNullable().comment('Why the gate may be waived');
    table
      .string('requested_by', 255)
      .notNullable()
      .comment('User entity ref or service subject of the requester');
    table
      .timestamp('requested_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When it was requested, UTC');
    table
      .timestamp('expires_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When the override stops counting (or the request lapses), UTC');
    table
      .string('status', 16)
      .notNullable()
      .comment(
        'pending, approved or rejected; expired is computed from expires_at',
      );
    table
      .string('decided_by', 255)
      .nullable()
      .comment('User entity ref or service subject of the approver');
    table
      .timestamp('decided_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('When it was approved or rejected, UTC');
    table.text('decision_comment').nullable().comment('What the approver said');
    table
      .timestamp('expiry_warned_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('When the owners were told the approved override ends soon');
    table
      .timestamp('lapse_notified_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('When the owners were told the approved override lapsed');
    table.index(
      ['entity_ref', 'requested_at'],
      'assurance_overrides_entity_idx',
    );
    table.index(['status', 'expires_at'], 'assurance_overrides_expiry_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('assurance_overrides');
};
