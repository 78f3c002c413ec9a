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
 * Which gate a SARIF report belongs to, by the names of the tools that
 * wrote it (`runs[].tool.driver.name`).
 */

import { EvidenceRecord } from '@real-app-forever/plugin-assurance-common';

/**
 * Secret scanners, by a fragment of their normalised name (lower case,
 * letters and digits only).
 */
const SECRET_SCANNERS = [
  'gitleaks',
  'trufflehog',
  'detectsecrets',
  'ggshield',
  'gitguardian',
  'secretlint',
  'gitsecrets',
  'talisman',
  'noseyparker',
  'kingfisher',
  'whispers',
];

/** Linters, by a fragment of their normalised name. */
const LINTERS = [
  'eslint',
  'tslint',
  'jshint',
  'oxlint',
  'biome',
  'stylelint',
  'pylint',
  'flake8',
  'ruff',
  'pycodestyle',
  'rubocop',
  'golangcilint',
  'golint',
  'revive',
  'staticcheck',
  'shellcheck',
  'hadolint',
  'tflint',
  'markdownlint',
  'yamllint',
  'ktlint',
  'swiftlint',
  'clippy',
  'checkstyle',
  'phpcs',
  'credo',
];

/**
 * - `secrets` when any tool is a secret scanner;
 * - `lint` when every tool is a linter;
 * - `analysis` otherwise, also when the facts name no tool.
 */
export type SarifKind = 'secrets' | 'lint' | 'analysis';

export function sarifKindOf(record: EvidenceRecord): SarifKind {
  const tools =
    record.summary?.kind === 'static-analysis'
      ? record.summary.tools.map(normalise)
      : [];
  if (tools.some(tool => SECRET_SCANNERS.some(name => tool.includes(name)))) {
    return 'secrets';
  }
  if (
    tools.length > 0 &&
    tools.every(tool => LINTERS.some(name => tool.includes(name)))
  ) {
    return 'lint';
  }
  return 'analysis';
}

function normalise(tool: string): string {
  return tool.toLocaleLowerCase('en-US').replace(/[^a-z0-9]/g, '');
}
