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

/**
 * Shows how long ago (or how far ahead) an ISO 8601 time is ("3 days ago",
 * "in 7 days"), with the full local time in the title; `withAbsolute` also
 * shows the local time beside it, for times that matter, such as an expiry.
 */
export const RelativeTime = (props: {
  value: string;
  withAbsolute?: boolean;
}) => {
  const { value, withAbsolute } = props;
  const time = DateTime.fromISO(value);
  if (!time.isValid) {
    return <span>{value}</span>;
  }
  const absolute = time.toLocal().toLocaleString(DateTime.DATETIME_FULL);
  // Luxon says "0 seconds ago" for the moment just past.
  const relative =
    Math.abs(time.diffNow().as('seconds')) < 45
      ? 'just now'
      : time.toRelative() ?? absolute;
  return (
    <time dateTime={value} title={absolute}>
      {withAbsolute
        ? `${relative} (${time
            .toLocal()
            .toLocaleString(DateTime.DATETIME_MED)})`
        : relative}
    </time>
  );
};
