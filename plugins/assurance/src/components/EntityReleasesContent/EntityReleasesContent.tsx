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

import { useMemo } from 'react';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useReleases } from '../../hooks';
import { EnvironmentCard } from './EnvironmentCard';
import { ReleaseHistoryTable } from './ReleaseHistoryTable';

/**
 * The Releases tab of an entity: one card per environment, in promotion
 * order, with what is deployed there and what to roll back to; below, the
 * release history across environments, newest first. Read-only: the
 * backend records releases (`assurance release record`) and decides.
 *
 * @public
 */
export const EntityReleasesContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useReleases({ entityRef });
  const environments = useMemo(
    () => [...(value?.environments ?? [])].sort((a, b) => a.order - b.order),
    [value],
  );

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.releases.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No releases recorded"
        description={
          <>
            Releases appear here once a pipeline records a deployment, for
            example with <code>assurance release record</code> after each
            deploy.
          </>
        }
      />
    );
  }
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <Grid container spacing={3}>
          {environments.map(environment => (
            <Grid item xs={12} md={4} key={environment.name}>
              <EnvironmentCard environment={environment} />
            </Grid>
          ))}
        </Grid>
      </Grid>
      <Grid item>
        <ReleaseHistoryTable releases={value.releases} />
      </Grid>
    </Grid>
  );
};
