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

import { render, screen, within } from '@testing-library/react';
import { TestReportSummaryPanel } from './TestReportSummaryPanel';

describe('TestReportSummaryPanel', () => {
  it('names a suite once when the class name repeats it', () => {
    render(
      <TestReportSummaryPanel
        summary={{
          kind: 'tests',
          total: 3,
          passed: 0,
          failed: 2,
          errored: 1,
          skipped: 0,
          failures: [
            {
              name: 'same',
              suite: 'com.acme.EmailTest',
              classname: 'com.acme.EmailTest',
              type: 'error',
            },
            {
              name: 'different',
              suite: 'email',
              classname: 'com.acme.EmailTest',
              type: 'failure',
            },
            {
              name: 'only-class',
              classname: 'com.acme.Other',
              type: 'failure',
            },
          ],
        }}
      />,
    );

    const table = screen.getByRole('table', { name: 'Failing test cases' });
    const cells = (name: string) =>
      within(within(table).getByText(name).closest('tr')!).getAllByRole('cell');
    expect(cells('same')[1]).toHaveTextContent(/^com\.acme\.EmailTest$/);
    expect(cells('different')[1]).toHaveTextContent(
      'email / com.acme.EmailTest',
    );
    expect(cells('only-class')[1]).toHaveTextContent(/^com\.acme\.Other$/);
    expect(cells('same')[2]).toHaveTextContent('error');
    expect(cells('same')[2]).toHaveStyle({ whiteSpace: 'nowrap' });
  });
});
