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

import { ReactNode, useMemo, useState } from 'react';
import {
  Content,
  ErrorPanel,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import { coreApis, IdentityApi, useApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  clearSignInChoice,
  DEMO_USER_HEADER,
  loadSignInChoice,
  readDemoUsers,
  saveSignInChoice,
  SignInChoice,
} from './signInChoice';

/**
 * Lets the local portal sign in as the guest or as one of the example users
 * in `app.demoUsers`, through the backend's `demo-users` auth provider.
 * Signing out forgets the choice, so the picker shows again.
 */
export function DemoUsersSignInPage(props: SignInPageProps) {
  const { onSignInSuccess } = props;
  const config = useApi(coreApis.config);
  const title = config.getString('app.title');
  const users = useMemo(() => readDemoUsers(config), [config]);
  const [choice, setChoice] = useState(loadSignInChoice);

  const choose = (next: SignInChoice) => {
    saveSignInChoice(next);
    setChoice(next);
  };

  const forget = () => {
    clearSignInChoice();
    setChoice(undefined);
  };

  if (choice) {
    return (
      <ProxiedSignInPage
        provider={choice.provider}
        headers={
          choice.provider === 'demo-users'
            ? { [DEMO_USER_HEADER]: choice.name }
            : undefined
        }
        onSignInSuccess={identity => onSignInSuccess(forgetOnSignOut(identity))}
        ErrorComponent={({ error }) => (
          <SignInFailed title={title} error={error} onBack={forget} />
        )}
      />
    );
  }

  return (
    <SignInFrame title={title}>
      <Grid container spacing={2} component="ul" style={{ padding: 0 }}>
        <ChoiceCard
          title="Guest"
          description="Sign in as the shared guest user."
          action="Enter"
          onClick={() => choose({ provider: 'guest' })}
        />
        {users.map(user => (
          <ChoiceCard
            key={user.name}
            title={user.title}
            description={user.description}
            action={`Sign in as ${user.title}`}
            demoUser={user.name}
            onClick={() => choose({ provider: 'demo-users', name: user.name })}
          />
        ))}
      </Grid>
    </SignInFrame>
  );
}

function SignInFrame(props: { title: string; children: ReactNode }) {
  return (
    <Page themeId="home">
      <Header title={props.title} />
      <Content>{props.children}</Content>
    </Page>
  );
}

function SignInFailed(props: { title: string; error?: Error; onBack(): void }) {
  return (
    <SignInFrame title={props.title}>
      <ErrorPanel error={serverCause(props.error)} />
      <Box mt={2}>
        <Button color="primary" variant="outlined" onClick={props.onBack}>
          Choose another user
        </Button>
      </Box>
    </SignInFrame>
  );
}

function ChoiceCard(props: {
  title: string;
  description?: string;
  action: string;
  demoUser?: string;
  onClick(): void;
}) {
  return (
    <Grid
      item
      component="li"
      xs={12}
      sm={6}
      md={4}
      style={{ listStyle: 'none' }}
    >
      <InfoCard
        variant="fullHeight"
        title={props.title}
        actions={
          <Button
            color="primary"
            variant="outlined"
            onClick={props.onClick}
            data-demo-user={props.demoUser}
          >
            {props.action}
          </Button>
        }
      >
        <Typography variant="body1">{props.description}</Typography>
      </InfoCard>
    </Grid>
  );
}

function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      clearSignInChoice();
      await identity.signOut();
    },
  };
}

/** The backend's own error, rather than the generic "Request failed". */
function serverCause(error: Error | undefined): Error {
  if (error?.cause instanceof Error) {
    return error.cause;
  }
  return error ?? new Error('Sign-in failed');
}
