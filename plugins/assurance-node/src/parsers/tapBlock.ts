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

import { TapPlan, TapTestPoint } from './tapLines';
import { addErrored, emptyTally, Tally } from './tapTally';

/** The test points of one level: the document, or one subtest. */
export interface Block {
  indent: number;
  /** From a `# Subtest: name` comment. */
  name?: string;
  plan?: TapPlan;
  /** Test points seen at this level, subtest summaries included. */
  points: number;
  tally: Tally;
  /** Perl's `# Subtest: name` at the parent's indent names the next child. */
  nextChildName?: string;
  /** A buffered subtest's test point (`ok 1 - name {`) until its `}`. */
  openParent?: TapTestPoint;
}

export function newBlock(options: { indent: number; name?: string }): Block {
  return {
    ...options,
    points: 0,
    tally: emptyTally(),
  };
}

/** Adds the errors of a block whose test points do not match its plan. */
export function checkBlockPlan(options: {
  block: Block;
  isRoot: boolean;
  bailedOut: boolean;
}): void {
  const { block, isRoot, bailedOut } = options;
  const { plan, points, tally } = block;
  if (bailedOut || (!plan && !isRoot) || plan?.count === 0) {
    return;
  }
  if (!plan) {
    addErrored({
      tally,
      count: 1,
      name: () => 'no plan',
      message: 'the TAP output has no plan (1..N): the run may be incomplete',
    });
  } else if (points < plan.count) {
    const missing = plan.count - points;
    addErrored({
      tally,
      count: missing,
      name: k =>
        `planned ${plan.count}, ran ${points} (missing ${k} of ${missing})`,
    });
  } else if (points > plan.count) {
    addErrored({
      tally,
      count: 1,
      name: () => `planned ${plan.count}, ran ${points}`,
      message: 'more tests ran than planned',
    });
  }
}
