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
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isMySql = knex.client.config.client.includes('mysql');

  await knex.schema.createTable('assurance_evidence', table => {
    table.comment('Evidence files uploaded for catalog entities');
    table.string('id', 36).primary().notNullable().comment('UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Normalised entity ref, kind:namespace/name in lower case');
    table.string('format', 64).notNullable().comment('Parsed evidence format');
    table
      .string('file_name', 255)
      .notNullable()
      .comment('Name given on upload');
    table
      .string('sha256', 64)
      .notNullable()
      .comment('Hex sha256, computed by the server');
    table.bigInteger('size').notNullable().comment('Size in bytes');
    table
      .string('execution_key', 255)
      .notNullable()
      .defaultTo('')
      .comment(
        'The execution id, or an empty string; part of the idempotency key',
      );
    table
      .string('work_item', 255)
      .nullable()
      .comment('Ticket key or pull request URL');
    table.string('artifact', 255).nullable().comment('Artifact name');
    table.string('version', 128).nullable().comment('Artifact version');
    table
      .string('digest', 160)
      .nullable()
      .comment('Artifact digest, algorithm:hex');
    table
      .string('release_id', 255)
      .nullable()
      .comment('Release the evidence belongs to');
    table.string('commit_sha', 64).nullable().comment('Source commit');
    table
      .string('pipeline_url', 2048)
      .nullable()
      .comment('Link to the pipeline run');
    table
      .string('uploaded_by', 255)
      .notNullable()
      .comment('User entity ref or service subject');
    table
      .timestamp('uploaded_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('Upload time, UTC');
    table.text('summary').notNullable().comment('Parsed facts as JSON');
    table.unique(['entity_ref', 'execution_key', 'sha256'], {
      indexName: 'assurance_evidence_idempotency_idx',
    });
    table.index(
      ['entity_ref', 'uploaded_at'],
      'assurance_evidence_entity_time_idx',
    );
    table.index(
      ['entity_ref', 'format', 'uploaded_at'],
      'assurance_evidence_entity_format_idx',
    );
  });

  await knex.schema.createTable('assurance_evidence_content', table => {
    table.comment('The original bytes of each evidence file');
    table
      .string('evidence_id', 36)
      .primary()
      .notNullable()
      .references('id')
      .inTable('assurance_evidence')
      .onDelete('CASCADE')
      .comment('The evidence the bytes belong to');
    // NOTE: MySQL's plain BLOB stops at 64 KiB.
    if (isMySql) {
      table
        .specificType('content', 'LONGBLOB')
        .notNullable()
        .comment('File bytes');
    } else {
      table.binary('content').notNullable().comment('File bytes');
    }
  });

  await knex.schema.createTable('assurance_audit_log', table => {
    table.comment(
      'Every write of the plugin, hash-chained to make tampering detectable',
    );
    table.bigIncrements('seq').primary().comment('Order of the entries');
    table
      .timestamp('occurred_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When the write happened, UTC');
    table
      .string('actor', 255)
      .notNullable()
      .comment('User entity ref or service subject');
    table
      .string('action', 64)
      .notNullable()
      .comment('What was done, e.g. evidence.create');
    table
      .string('entity_ref', 255)
      .nullable()
      .comment('The entity the write concerns');
    table
      .string('subject_id', 64)
      .nullable()
      .comment('Id of the record written');
    table
      .text('details')
      .notNullable()
      .comment('Non-secret facts about the write, JSON');
    table
      .string('prev_hash', 64)
      .notNullable()
      .comment('Hash of the previous entry');
    table
      .string('hash', 64)
      .notNullable()
      .comment('sha256 over prev_hash and this entry');
    table.index(['entity_ref', 'occurred_at'], 'assurance_audit_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('assurance_audit_log');
  await knex.schema.dropTable('assurance_evidence_content');
  await knex.schema.dropTable('assurance_evidence');
};
