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
 * A promotion request can be rejected (by an approver) or withdrawn (by
 * its requester): who ended it and why. The request keeps its
 * `pending-approval` status, like one that lapsed, with its approval
 * deadline moved to the moment it was ended.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('assurance_releases', table => {
    table
      .string('rejected_by', 255)
      .nullable()
      .comment(
        'Who rejected or withdrew the promotion request; null unless one did',
      );
    table
      .text('rejection_reason')
      .nullable()
      .comment('Why the promotion request was rejected or withdrawn');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('assurance_releases', table => {
    table.dropColumn('rejection_reason');
    table.dropColumn('rejected_by');
  });
};
