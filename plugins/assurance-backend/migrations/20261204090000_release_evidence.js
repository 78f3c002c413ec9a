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
 * Evidence a release names beyond its digest's, and the handling of
 * pending approvals that lapsed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('assurance_release_evidence', table => {
    table.comment(
      'Evidence a release was recorded with (deployment logs, smoke tests); evidence naming its digest is found through the artifact links instead',
    );
    table
      .string('release_id', 36)
      .notNullable()
      .references('id')
      .inTable('assurance_releases')
      .onDelete('CASCADE')
      .comment('The release');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref of the release and of the evidence');
    // No foreign key: retention may delete the evidence, and reads join
    // the evidence that still exists.
    table.string('evidence_id', 36).notNullable().comment('The evidence');
    table
      .integer('position')
      .notNullable()
      .comment('Order in which the recording named it, from 0');
    table.primary(['release_id', 'evidence_id']);
    table.index(['entity_ref'], 'assurance_release_evidence_entity_idx');
  });

  await knex.schema.alterTable('assurance_releases', table => {
    table
      .timestamp('approval_lapse_notified_at', { useTz: true, precision: 3 })
      .nullable()
      .comment(
        'When the lapse of its pending approval was handled (owners told, audited); null until then',
      );
    table.index(
      ['status', 'approval_expires_at'],
      'assurance_releases_lapse_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('assurance_releases', table => {
    table.dropIndex(
      ['status', 'approval_expires_at'],
      'assurance_releases_lapse_idx',
    );
    table.dropColumn('approval_lapse_notified_at');
  });
  await knex.schema.dropTable('assurance_release_evidence');
};
