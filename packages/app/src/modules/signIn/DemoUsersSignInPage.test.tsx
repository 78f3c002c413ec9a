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

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { IdentityApi } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DemoUsersSignInPage } from './DemoUsersSignInPage';

const config = {
  app: {
    title: 'Test portal',
    demoUsers: [
      {
        name: 'amara.okafor',
        title: 'Amara Okafor',
        description: 'Team Payments, may request overrides',
      },
      { name: 'sofia.rossi', title: 'Sofia Rossi' },
    ],
  },
  backend: { baseUrl: 'http://localhost:7007' },
};

function session(userEntityRef: string) {
  const payload = btoa(JSON.stringify({ exp: Date.now() / 1000 + 3600 }));
  return {
    profile: {},
    backstageIdentity: {
      token: `header.${payload}.signature`,
      identity: {
        type: 'user',
        userEntityRef,
        ownershipEntityRefs: [userEntityRef],
      },
    },
  };
}

function jsonResponse(status: number, body: unknown) {
  return {
    ok: status < 400,
    status,
    statusText: String(status),
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => body,
    text: async () => JSON.stringify(body),
  };
}

describe('DemoUsersSignInPage', () => {
  const fetchMock = jest.fn();
  const originalFetch = global.fetch;

  beforeEach(() => {
    sessionStorage.clear();
    fetchMock.mockReset();
    global.fetch = fetchMock;
  });

  afterEach(() => {
    global.fetch = originalFetch;
  });

  function renderPage() {
    const onSignInSuccess = jest.fn<void, [IdentityApi]>();
    renderInTestApp(<DemoUsersSignInPage onSignInSuccess={onSignInSuccess} />, {
      config,
    });
    return onSignInSuccess;
  }

  it('offers the guest first, then every configured user', async () => {
    renderPage();

    const buttons = await screen.findAllByRole('button', {
      name: /^(Enter|Sign in as .*)$/,
    });
    expect(buttons.map(b => b.textContent)).toEqual([
      'Enter',
      'Sign in as Amara Okafor',
      'Sign in as Sofia Rossi',
    ]);
    expect(
      screen.getByText('Team Payments, may request overrides'),
    ).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in as the chosen user, and forgets the choice on sign-out', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, session('user:default/sofia.rossi')),
    );
    const onSignInSuccess = renderPage();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Sign in as Sofia Rossi' }),
    );

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://localhost:7007/api/auth/demo-users/refresh');
    expect(new Headers(init.headers).get('x-demo-user')).toBe('sofia.rossi');

    const identity = onSignInSuccess.mock.calls[0][0];
    await expect(identity.getBackstageIdentity()).resolves.toMatchObject({
      userEntityRef: 'user:default/sofia.rossi',
    });
    expect(sessionStorage.length).toBe(1);
    await identity.signOut();
    expect(sessionStorage.length).toBe(0);
  });

  it('enters as the guest without naming a user', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, session('user:default/guest')),
    );
    const onSignInSuccess = renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Enter' }));

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('http://localhost:7007/api/auth/guest/refresh');
    expect(new Headers(init.headers).has('x-demo-user')).toBe(false);
  });

  it('shows a failed sign-in and goes back to the picker', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(401, {
        error: {
          name: 'AuthenticationError',
          message: "No user named 'amara.okafor' in the catalog",
        },
        request: { method: 'GET', url: '/refresh' },
        response: { statusCode: 401 },
      }),
    );
    const onSignInSuccess = renderPage();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Sign in as Amara Okafor' }),
    );

    expect(
      await screen.findByText(
        "Error: No user named 'amara.okafor' in the catalog",
      ),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();

    fireEvent.click(
      screen.getByRole('button', { name: 'Choose another user' }),
    );
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });
});
