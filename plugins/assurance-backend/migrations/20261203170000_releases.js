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
 * Releases: artifacts deployed (or asked to be promoted) to an
 * environment, and the head of each environment.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('assurance_releases', table => {
    table.comment(
      'Artifacts deployed, or asked to be promoted, to environments',
    );
    table.string('id', 36).primary().notNullable().comment('UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref of the deployed entity');
    table.string('environment', 63).notNullable().comment('e.g. dev, prod');
    table.string('artifact_name', 255).notNullable().comment('Artifact name');
    table.string('artifact_version', 128).nullable().comment('Its version');
    table
      .string('digest', 160)
      .notNullable()
      .comment('Artifact digest, algorithm:hex, lower case');
    table
      .string('status', 20)
      .notNullable()
      .comment(
        'pending-approval, deploying, succeeded, failed, rolled-back or superseded',
      );
    table
      .string('migration_status', 16)
      .notNullable()
      .comment('none, pending, applied, failed or rolled-back');
    table
      .string('actor', 255)
      .notNullable()
      .comment('Who deployed or asked to promote');
    table.text('reason').nullable().comment('Why');
    table.string('work_item', 255).nullable().comment('Ticket or change id');
    table
      .timestamp('created_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When it was recorded, UTC');
    table
      .timestamp('updated_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When its status last changed, UTC');
    table
      .timestamp('succeeded_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('When it succeeded; kept when it is later superseded');
    table
      .timestamp('approval_expires_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('For a pending approval: when it lapses, UTC');
    table.string('approved_by', 255).nullable().comment('Who approved it');
    table
      .string('rollback_of', 36)
      .nullable()
      .comment('For a rollback: the release it rolled back from');
    table.index(
      ['entity_ref', 'environment', 'created_at'],
      'assurance_releases_env_idx',
    );
  });

  await knex.schema.createTable('assurance_environment_heads', table => {
    table.comment(
      'The active release of each environment; writers lock its row so that an environment has exactly one',
    );
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref');
    table.string('environment', 63).notNullable().comment('e.g. dev, prod');
    table
      .string('release_id', 36)
      .nullable()
      .comment('The active release; null before the first one');
    table
      .string('previous_release_id', 36)
      .nullable()
      .comment(
        'The release that was active before, restored if this one fails',
      );
    table.primary(['entity_ref', 'environment']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('assurance_environment_heads');
  await knex.schema.dropTable('assurance_releases');
};
