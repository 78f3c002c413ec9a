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
 * Evidence kept elsewhere (links), redacted uploads, and artifacts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('assurance_evidence', table => {
    table
      .string('storage', 16)
      .notNullable()
      .defaultTo('content')
      .comment('content when the bytes are kept here, link when kept at url');
    table
      .string('url', 2048)
      .nullable()
      .comment('Where linked evidence is kept');
    table
      .boolean('redacted')
      .notNullable()
      .defaultTo(false)
      .comment('True when secrets were removed before storing');
  });

  await knex.schema.createTable('assurance_artifacts', table => {
    table.comment(
      'Build outputs, known by digest; evidence is matched to them',
    );
    table.string('entity_ref', 255).notNullable().comment('Owning entity');
    table.string('digest', 160).notNullable().comment('algorithm:hex');
    table.string('name', 255).nullable().comment('Artifact name, when known');
    table
      .string('version', 128)
      .nullable()
      .comment('Artifact version, when known');
    table
      .timestamp('first_seen_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('First evidence naming it, UTC');
    table
      .timestamp('last_seen_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('Newest evidence naming it, UTC');
    table.primary(['entity_ref', 'digest']);
  });

  await knex.schema.createTable('assurance_artifact_evidence', table => {
    table.comment('Which evidence names which artifact');
    table.string('entity_ref', 255).notNullable().comment('Owning entity');
    table.string('digest', 160).notNullable().comment('The artifact digest');
    table
      .string('evidence_id', 36)
      .notNullable()
      .references('id')
      .inTable('assurance_evidence')
      .onDelete('CASCADE')
      .comment('The evidence');
    table
      .string('relation', 16)
      .notNullable()
      .comment('declared (upload field) or subject (provenance subject)');
    table.primary(['entity_ref', 'digest', 'evidence_id']);
    table.index(['evidence_id'], 'assurance_artifact_evidence_evidence_idx');
  });

  await knex.schema.createTable('assurance_entity_presence', table => {
    table.comment('Entities with evidence that the catalog no longer knows');
    table.string('entity_ref', 255).primary().comment('The missing entity');
    table
      .timestamp('missing_since', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When the retention job first missed it, UTC');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('assurance_entity_presence');
  await knex.schema.dropTable('assurance_artifact_evidence');
  await knex.schema.dropTable('assurance_artifacts');
  await knex.schema.alterTable('assurance_evidence', table => {
    table.dropColumn('redacted');
    table.dropColumn('url');
    table.dropColumn('storage');
  });
};
