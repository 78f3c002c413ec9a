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

import { render, screen } from '@testing-library/react';
import { DateTime } from 'luxon';
import { ExpiryTime, formatRoundedRelative } from './ExpiryTime';

describe('formatRoundedRelative', () => {
  const now = DateTime.fromISO('2026-12-03T16:00:00Z');

  it('rounds to the nearest day rather than truncating', () => {
    // A 14-day override seen a minute after it was requested.
    const expiry = now.plus({ days: 14 }).minus({ minutes: 1 });
    expect(formatRoundedRelative(expiry, now.toMillis())).toBe('in 14 days');
    expect(
      formatRoundedRelative(now.minus({ days: 2, hours: 13 }), now.toMillis()),
    ).toBe('3 days ago');
  });

  it('uses hours and minutes below a day', () => {
    expect(
      formatRoundedRelative(
        now.plus({ hours: 5, minutes: 40 }),
        now.toMillis(),
      ),
    ).toBe('in 6 hours');
    expect(
      formatRoundedRelative(now.plus({ minutes: 10 }), now.toMillis()),
    ).toBe('in 10 minutes');
  });
});

describe('ExpiryTime', () => {
  it('shows the date first, then the rounded distance', () => {
    const expiry = DateTime.now().plus({ days: 14 }).minus({ minutes: 1 });
    render(<ExpiryTime value={expiry.toUTC().toISO()!} />);
    expect(screen.getByRole('time')).toHaveTextContent(
      `${expiry.toLocaleString(DateTime.DATETIME_MED)} (in 14 days)`,
    );
  });
});
