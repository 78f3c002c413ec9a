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

import { StaticAnalysisSummary } from '@real-app-forever/plugin-assurance-common';
import { clipMessage, ownValue } from './parserUtils';
import {
  SarifResult,
  SarifRule,
  SarifRun,
  SarifToolComponent,
} from './sarifSchema';

export type SarifLevel = StaticAnalysisSummary['results'][number]['level'];

const LEVELS: readonly SarifLevel[] = ['error', 'warning', 'note', 'none'];

/** The rule a result refers to and the tool component that defines it. */
export type RuleFinder = (result: SarifResult) => {
  rule?: SarifRule;
  component?: SarifToolComponent;
};

/**
 * Finds the rule a result refers to and the tool component that defines it:
 * by `rule.index` or `ruleIndex` first, in the component that
 * `rule.toolComponent` names (the driver when absent), then by id. Made once
 * per run: the rules of each component are indexed by id on first use.
 */
export function createRuleFinder(run: SarifRun): RuleFinder {
  const driver = run.tool.driver;
  const extensions = run.tool.extensions;
  const components = [driver, ...(extensions ?? [])];
  const rulesById = new Map<SarifToolComponent, Map<string, SarifRule>>();
  const ruleWithId = (options: {
    component: SarifToolComponent;
    id: string;
    baseId: string;
  }): SarifRule | undefined => {
    const { component, id, baseId } = options;
    let byId = rulesById.get(component);
    if (!byId) {
      byId = new Map();
      for (const rule of component.rules ?? []) {
        // The first rule with an id wins, as a search in order would.
        if (typeof rule.id === 'string' && !byId.has(rule.id)) {
          byId.set(rule.id, rule);
        }
      }
      rulesById.set(component, byId);
    }
    return byId.get(id) ?? byId.get(baseId);
  };

  return result => {
    const reference = result.rule?.toolComponent;
    let component: SarifToolComponent | undefined = driver;
    if (typeof reference?.index === 'number') {
      component = extensions?.[reference.index];
    } else if (reference?.name) {
      component = components.find(c => c.name === reference.name);
    }

    const index = result.rule?.index ?? result.ruleIndex;
    const byIndex =
      typeof index === 'number' && index >= 0
        ? component?.rules?.[index]
        : undefined;
    if (byIndex) {
      return { rule: byIndex, component };
    }

    const id = result.rule?.id ?? result.ruleId;
    if (!id) {
      return { component };
    }
    // A hierarchical id such as "CA2101/1" names a sub-rule of "CA2101".
    const slash = id.indexOf('/');
    const baseId = slash < 0 ? id : id.slice(0, slash);
    // The referenced component first, then the others in order.
    if (component) {
      const rule = ruleWithId({ component, id, baseId });
      if (rule) {
        return { rule, component };
      }
    }
    for (const candidate of components) {
      if (candidate !== component) {
        const rule = ruleWithId({ component: candidate, id, baseId });
        if (rule) {
          return { rule, component: candidate };
        }
      }
    }
    return { component };
  };
}

/**
 * The effective level (SARIF 2.1.0 §3.27.10): the result's own level; else
 * `none` when its kind says it is not a failure; else the rule's default;
 * else `warning`. A level SARIF does not define is read as `warning`.
 */
export function resultLevel(options: {
  result: SarifResult;
  rule?: SarifRule;
}): SarifLevel {
  const { result, rule } = options;
  if (result.level) {
    return toLevel(result.level);
  }
  if (result.kind && result.kind !== 'fail') {
    return 'none';
  }
  const ruleLevel = rule?.defaultConfiguration?.level;
  return ruleLevel ? toLevel(ruleLevel) : 'warning';
}

/**
 * The result's message: its text or markdown, else the rule's (or the
 * component's) message string named by `message.id`, with `{n}` replaced
 * by the arguments; else the rule's short description.
 */
export function resultMessage(options: {
  result: SarifResult;
  rule?: SarifRule;
  component?: SarifToolComponent;
}): string {
  const { result, rule, component } = options;
  const message = result.message;
  const args = message?.arguments ?? [];
  let text = message?.text || message?.markdown;
  if (!text && message?.id) {
    const strings =
      ownValue({ record: rule?.messageStrings, key: message.id }) ??
      ownValue({ record: component?.globalMessageStrings, key: message.id });
    text = strings?.text || strings?.markdown;
  }
  const filled = text ? fillArguments({ text, args }) : undefined;
  return (
    clipMessage(filled) ??
    clipMessage(rule?.shortDescription?.text ?? undefined) ??
    '(no message)'
  );
}

/** `uri:line` of the first physical location, or undefined. */
export function resultLocation(result: SarifResult): string | undefined {
  const physical = result.locations?.[0]?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (!uri) {
    return undefined;
  }
  const line = physical?.region?.startLine;
  return typeof line === 'number' ? `${uri}:${line}` : uri;
}

/**
 * Whether a result is suppressed: it has suppressions, and at least one is
 * accepted (`status` absent means accepted). Suppressions under review or
 * rejected leave the result counted.
 */
export function isSuppressed(result: SarifResult): boolean {
  return (result.suppressions ?? []).some(
    suppression => !suppression.status || suppression.status === 'accepted',
  );
}

/** Sort order of levels: errors first. */
export function levelRank(level: SarifLevel): number {
  return LEVELS.indexOf(level);
}

function toLevel(value: string): SarifLevel {
  const level = value.toLowerCase() as SarifLevel;
  return LEVELS.includes(level) ? level : 'warning';
}

function fillArguments(options: { text: string; args: unknown[] }): string {
  const { text, args } = options;
  if (!text.includes('{')) {
    return text;
  }
  return text.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined || value === null ? placeholder : String(value);
  });
}
