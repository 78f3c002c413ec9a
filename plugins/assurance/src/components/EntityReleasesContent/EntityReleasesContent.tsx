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

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  useDeploymentMeasures,
  useEnvironments,
  useReleaseActions,
  useReleaseFilter,
  useReleaseHistory,
} from '../../hooks';
import {
  DeploymentMeasuresCard,
  MEASURE_WEEKS,
} from './DeploymentMeasuresCard';
import { EnvironmentCards } from './EnvironmentCards';
import { ReleaseHistory } from './ReleaseHistory';

/** Wide tables scroll inside their card instead of widening the page. */
const ITEM = { maxWidth: '100%' } as const;

/**
 * The Releases tab of an entity: one card per environment, in promotion
 * order, with what is deployed there, what to roll back to, and the promote,
 * approve and roll back actions the user may take; below, the release
 * history across environments with filters kept in the URL, and the DORA
 * deployment frequency and change-failure rate. The backend records
 * releases (`assurance release record`) and decides every action.
 *
 * @public
 */
export const EntityReleasesContent = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const environments = useEnvironments({ entityRef });
  const { view, filtered, setView, clearView } = useReleaseFilter();
  const history = useReleaseHistory({ entityRef, view });
  const names = useMemo(
    () => (environments.value ?? []).map(environment => environment.name),
    [environments.value],
  );
  // The chart's environment is kept in the URL (`?measures=staging`) like
  // the history's filters; production, the last stage, by default.
  const [searchParams, setSearchParams] = useSearchParams();
  const chosenEnvironment = searchParams.get('measures') ?? undefined;
  const measuresEnvironment =
    chosenEnvironment && names.includes(chosenEnvironment)
      ? chosenEnvironment
      : names[names.length - 1];
  const setChosenEnvironment = useCallback(
    (name: string) =>
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          next.set('measures', name);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  const measures = useDeploymentMeasures({
    entityRef,
    environment: measuresEnvironment,
    weeks: MEASURE_WEEKS,
  });

  const { retry: retryEnvironments } = environments;
  const { retry: retryHistory } = history;
  const { retry: retryMeasures } = measures;
  const refresh = useCallback(() => {
    retryEnvironments();
    retryHistory();
    retryMeasures();
  }, [retryEnvironments, retryHistory, retryMeasures]);
  const actions = useReleaseActions({ entityRef, onChange: refresh });

  if (environments.loading && !environments.value) {
    return <Progress />;
  }
  if (environments.error) {
    return <ResponseErrorPanel error={environments.error} />;
  }
  // With no filter and no release at all, explain how releases get here;
  // the cards stay, so that a first artifact can be promoted.
  const noReleases = !filtered && history.value?.length === 0;
  return (
    <Grid container spacing={3} direction="column">
      {names.length > 0 && (
        <Grid item style={ITEM}>
          <EnvironmentCards
            entityRef={entityRef}
            environments={environments.value ?? []}
            actions={actions}
          />
        </Grid>
      )}
      {noReleases ? (
        <Grid item style={ITEM}>
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
        </Grid>
      ) : (
        <>
          <Grid item style={ITEM}>
            <ReleaseHistory
              history={history}
              environments={names}
              view={view}
              filtered={filtered}
              onChange={setView}
              onClear={clearView}
            />
          </Grid>
          {names.length > 0 && (
            <Grid item style={ITEM}>
              <DeploymentMeasuresCard
                environments={names}
                environment={measuresEnvironment}
                onEnvironmentChange={setChosenEnvironment}
                measures={measures}
              />
            </Grid>
          )}
        </>
      )}
    </Grid>
  );
};
