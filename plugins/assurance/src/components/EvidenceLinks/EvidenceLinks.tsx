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

import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/**
 * Links to evidence records on the entity's Evidence tab, which sits beside
 * the tab that shows them (`../evidence?id=`); "None" without any. With
 * `max`, links the first ones and counts the rest.
 */
export const EvidenceLinks = (props: { ids: string[]; max?: number }) => {
  const { ids, max = ids.length } = props;
  if (ids.length === 0) {
    return <Typography variant="body2">None</Typography>;
  }
  const rest = ids.slice(max);
  return (
    <>
      {ids.slice(0, max).map(id => (
        <div key={id}>
          <Link
            to={`../evidence?id=${encodeURIComponent(id)}`}
            relative="path"
            title={`Show evidence ${id}`}
          >
            {shortId(id)}
          </Link>
        </div>
      ))}
      {rest.length > 0 && (
        <Typography variant="caption" title={rest.join('\n')}>
          {`and ${rest.length} more`}
        </Typography>
      )}
    </>
  );
};

function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
