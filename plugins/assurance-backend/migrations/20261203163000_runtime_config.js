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
 * Reports of the config each environment actually runs (drift detection).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('assurance_runtime_config', table => {
    table.comment('The config an environment reported it runs, per entity');
    table.string('id', 36).primary().notNullable().comment('UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref');
    table
      .string('environment', 64)
      .notNullable()
      .comment('The environment that runs the config, e.g. prod');
    table
      .string('version', 64)
      .notNullable()
      .comment('Hex sha256 of the canonical JSON of the document');
    // NOTE: MySQL's plain TEXT stops at 64 KiB; documents may be 256 KiB.
    table
      .text('document', 'longtext')
      .notNullable()
      .comment('The reported document, JSON');
    table
      .string('reported_by', 255)
      .notNullable()
      .comment('User entity ref or service subject');
    table
      .timestamp('reported_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When it was reported, UTC');
    table
      .boolean('in_sync')
      .notNullable()
      .comment('True when it matched the expected config when reported');
    table
      .text('differences', 'longtext')
      .notNullable()
      .comment('Keys that differed when reported, JSON');
    table.index(
      ['entity_ref', 'environment', 'reported_at'],
      'assurance_runtime_config_entity_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('assurance_runtime_config');
};
