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
import type { LinkedEvidenceSummary } from '@real-app-forever/plugin-assurance-common';
import Typography from '@material-ui/core/Typography';
import { safeHttpUrl } from '../../utils/format';

/**
 * Evidence kept elsewhere: where it is, and what that means for the gates.
 */
export const LinkSummaryPanel = (props: { summary: LinkedEvidenceSummary }) => {
  const { url } = props.summary;
  const href = safeHttpUrl(url);
  return (
    <>
      <Typography variant="body2" gutterBottom>
        Kept at {href ? <Link to={href}>{url}</Link> : <code>{url}</code>}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Kept elsewhere; not read by the backend — gates will treat it as
        unknown.
      </Typography>
    </>
  );
};
