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

import { DateTime } from 'luxon';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How far an instant is from `now`, rounded to the nearest unit ("in 14
 * days" for an expiry 13 days and 23 hours ahead), where luxon's
 * `toRelative` truncates ("in 13 days").
 */
export function formatRoundedRelative(
  time: DateTime,
  now: number = Date.now(),
): string {
  const diff = time.toMillis() - now;
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
  const abs = Math.abs(diff);
  if (abs >= DAY_MS) {
    return format.format(Math.round(diff / DAY_MS), 'day');
  }
  if (abs >= HOUR_MS) {
    return format.format(Math.round(diff / HOUR_MS), 'hour');
  }
  const minutes = Math.round(diff / 60_000);
  return minutes === 0 ? 'now' : format.format(minutes, 'minute');
}

/**
 * An expiry: the date first, then how far away it is, rounded ("Dec 17,
 * 2026, 4:37 PM (in 14 days)"), with the full local time in the title.
 */
export const ExpiryTime = (props: { value: string }) => {
  const { value } = props;
  const time = DateTime.fromISO(value);
  if (!time.isValid) {
    return <span>{value}</span>;
  }
  const local = time.toLocal();
  return (
    <time
      dateTime={value}
      title={local.toLocaleString(DateTime.DATETIME_FULL)}
      style={{ whiteSpace: 'nowrap' }}
    >
      {`${local.toLocaleString(DateTime.DATETIME_MED)} (${formatRoundedRelative(
        time,
      )})`}
    </time>
  );
};
