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
 * The history of each entity's effective gate policy.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('assurance_policy_versions', table => {
    table.comment(
      'Each new version of an entity effective gate policy, as first seen',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref');
    table
      .integer('seq')
      .notNullable()
      .comment(
        'Position in the entity history, from 1; unique per entity, so that two concurrent writers of the same change cannot both record it',
      );
    table
      .string('version', 64)
      .notNullable()
      .comment('Hex sha256 of the effective required gates and settings');
    table
      .string('previous_version', 64)
      .nullable()
      .comment('The version before this one; null for the first');
    table
      .timestamp('changed_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When the backend first saw this version, UTC');
    // NOTE: not unique on (entity_ref, version): a policy may go back to an
    // earlier version, and that change is recorded too. The primary key
    // also serves as the index on entity_ref.
    table.primary(['entity_ref', 'seq']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('assurance_policy_versions');
};
