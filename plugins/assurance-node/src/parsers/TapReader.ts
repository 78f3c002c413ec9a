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

import { EvidenceRefusedError } from '../types';
import { clipMessage } from './parserUtils';
import { Block, checkBlockPlan, newBlock } from './tapBlock';
import {
  indentOf,
  parsePlan,
  parseSubtestComment,
  parseTestPoint,
  TapTestPoint,
  yamlMessage,
} from './tapLines';
import { addListed, Failure, mergeTally, Tally } from './tapTally';

/**
 * Reads the lines of a TAP document into a tally; `tapParser` describes
 * the rules.
 */
export class TapReader {
  private readonly stack: Block[] = [newBlock({ indent: 0 })];
  /** Indents below which no YAML end marker (`...`) is left. */
  private readonly noYamlEnd = new Set<number>();
  /** The test point of the line before, for the YAML block after it. */
  private lastPoint?: { indent: number; failure?: Failure };
  private sawTap = false;
  private bailedOut = false;

  constructor(private readonly lines: string[]) {}

  read(): Tally {
    for (let index = 0; index < this.lines.length; index++) {
      index = this.readLine(index);
      if (this.bailedOut) {
        break;
      }
    }
    if (!this.sawTap) {
      throw new EvidenceRefusedError(
        'not TAP output: no test point (ok / not ok), plan (1..N) or "Bail out!" found',
      );
    }
    const root = this.stack[0];
    this.adopt({ block: root, child: this.popDeeper(0) });
    this.checkPlan({ block: root, isRoot: true });
    return root.tally;
  }

  /** Reads the line at `index`; returns the index of the last line used. */
  private readLine(index: number): number {
    const line = this.lines[index];
    const content = line.trim();
    if (content === '') {
      return index;
    }
    const indent = indentOf(line);
    const lastPoint = this.lastPoint;
    this.lastPoint = undefined;

    if (content === '---' && lastPoint && indent >= lastPoint.indent) {
      const end = this.yamlEnd({ from: index + 1, indent });
      if (end >= 0) {
        if (lastPoint.failure && !lastPoint.failure.message) {
          lastPoint.failure.message = clipMessage(
            yamlMessage(this.lines.slice(index + 1, end)),
          );
        }
        return end;
      }
    }

    if (content.startsWith('Bail out!')) {
      this.sawTap = true;
      this.bailedOut = true;
      const reason = content.slice('Bail out!'.length).trim();
      const tally = this.stack[this.stack.length - 1].tally;
      tally.total++;
      tally.errored++;
      addListed({
        tally,
        failure: {
          name: clipMessage(`Bail out! ${reason}`) ?? 'Bail out!',
          type: 'error',
        },
      });
      return index;
    }

    const subtest = parseSubtestComment(content);
    if (subtest !== undefined) {
      const { block, child, created } = this.blockAt(indent);
      this.adopt({ block, child });
      if (created) {
        block.name = subtest || undefined;
      } else {
        block.nextChildName = subtest || undefined;
      }
      return index;
    }

    const point = parseTestPoint(content);
    if (point) {
      this.readTestPoint({ point, indent });
      return index;
    }

    const plan = parsePlan(content);
    if (plan) {
      this.sawTap = true;
      const { block, child } = this.blockAt(indent);
      this.adopt({ block, child });
      block.plan ??= plan;
    } else if (content === '}') {
      const { block, child } = this.blockAt(indent);
      this.adopt({ block, child });
    }
    return index;
  }

  private readTestPoint(options: { point: TapTestPoint; indent: number }) {
    const { point, indent } = options;
    this.sawTap = true;
    const found = this.blockAt(indent);
    const block = found.block;
    let child = found.child;
    if (block.openParent) {
      // A buffered subtest whose `}` never came.
      this.adopt({ block, child });
      child = undefined;
    }
    block.points++;
    if (point.opensBlock) {
      block.openParent = point;
      return;
    }
    const failure = this.attach({ block, point, child });
    this.lastPoint = { indent, failure };
  }

  /** The block at `indent`, opening it when needed, and the one it closed. */
  private blockAt(indent: number): {
    block: Block;
    child?: Block;
    created: boolean;
  } {
    const child = this.popDeeper(indent);
    const top = this.stack[this.stack.length - 1];
    if (top.indent === indent) {
      return { block: top, child, created: false };
    }
    const block = newBlock({ indent, name: top.nextChildName });
    top.nextChildName = undefined;
    this.stack.push(block);
    return { block, child, created: true };
  }

  /** Closes the blocks deeper than `indent`; returns the outermost one. */
  private popDeeper(indent: number): Block | undefined {
    let child: Block | undefined;
    while (this.stack[this.stack.length - 1].indent > indent) {
      const block = this.stack.pop()!;
      this.adopt({ block, child });
      this.checkPlan({ block, isRoot: false });
      child = block;
    }
    return child;
  }

  /** Gives a closed subtest to the block's open parent, or counts it in. */
  private adopt(options: { block: Block; child?: Block }) {
    const { block, child } = options;
    const parent = block.openParent;
    block.openParent = undefined;
    if (parent) {
      this.attach({ block, point: parent, child });
    } else if (child) {
      mergeTally({ into: block.tally, from: child.tally, suite: child.name });
    }
  }

  /**
   * Counts a test point, with the subtest it summarises if any; returns
   * its listed failure, for the YAML block that may follow.
   */
  private attach(options: {
    block: Block;
    point: TapTestPoint;
    child?: Block;
  }): Failure | undefined {
    const { block, point, child } = options;
    const tally = block.tally;
    const name =
      point.description ||
      (point.number === undefined ? '(unnamed test)' : `test ${point.number}`);
    if (child && child.tally.total > 0) {
      if (point.directive) {
        tally.total += child.tally.total;
        tally.skipped += child.tally.total;
        return undefined;
      }
      mergeTally({ into: tally, from: child.tally, suite: name });
      if (point.ok || child.tally.failed + child.tally.errored > 0) {
        return undefined;
      }
    }
    tally.total++;
    if (point.directive) {
      tally.skipped++;
      return undefined;
    }
    if (point.ok) {
      tally.passed++;
      return undefined;
    }
    tally.failed++;
    return addListed({ tally, failure: { name, type: 'failure' } });
  }

  private checkPlan(options: { block: Block; isRoot: boolean }) {
    checkBlockPlan({ ...options, bailedOut: this.bailedOut });
  }

  /** The index of the `...` that ends a YAML block, or -1 when none does. */
  private yamlEnd(options: { from: number; indent: number }): number {
    const { from, indent } = options;
    if (this.noYamlEnd.has(indent)) {
      return -1;
    }
    for (let index = from; index < this.lines.length; index++) {
      const line = this.lines[index];
      if (line.trim() === '...' && indentOf(line) === indent) {
        return index;
      }
    }
    this.noYamlEnd.add(indent);
    return -1;
  }
}
