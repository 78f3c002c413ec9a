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

import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import crypto from 'crypto';
import { readTrustedKeys } from './readTrustedKeys';

const pair = crypto.generateKeyPairSync('ed25519');
const publicKey = pair.publicKey
  .export({ type: 'spki', format: 'pem' })
  .toString();
const privateKey = pair.privateKey
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();

function read(trustedKeys: JsonValue) {
  return readTrustedKeys(
    new ConfigReader({ assurance: { provenance: { trustedKeys } } }),
  );
}

describe('readTrustedKeys', () => {
  it('reads no keys when the config says nothing', () => {
    expect(readTrustedKeys(new ConfigReader({}))).toEqual([]);
  });

  it('reads keys with and without keyId and name', () => {
    expect(
      read([
        { keyId: 'ci-1', name: 'CI key', publicKey },
        { publicKey: `  ${publicKey}` },
      ]),
    ).toEqual([
      { keyId: 'ci-1', name: 'CI key', publicKeyPem: publicKey.trim() },
      { publicKeyPem: publicKey.trim() },
    ]);
  });

  it('refuses a value that is not a list', () => {
    expect(() => read({ publicKey })).toThrow(
      'Invalid assurance.provenance.trustedKeys in app-config: expected a list',
    );
  });

  it('names the entry that lacks a public key', () => {
    expect(() => read([{ publicKey }, { name: 'release' }])).toThrow(
      /^Invalid assurance\.provenance\.trustedKeys\[1\] \("release"\) in app-config: publicKey: /,
    );
  });

  it('refuses unknown fields, such as a misspelt publicKey', () => {
    expect(() => read([{ keyId: 'k', publicKeyPem: publicKey }])).toThrow(
      /trustedKeys\[0\] \(keyId "k"\) in app-config: .*publicKeyPem/,
    );
  });

  it('refuses an empty keyId', () => {
    expect(() => read([{ keyId: ' ', publicKey }])).toThrow(
      /trustedKeys\[0\] in app-config: keyId: /,
    );
  });

  it('names a key whose PEM is not a public key', () => {
    expect(() => read([{ keyId: 'ci-2', publicKey: 'garbage' }])).toThrow(
      /trustedKeys\[0\] \(keyId "ci-2"\) in app-config: publicKey is not a PEM public key or certificate/,
    );
  });

  it('refuses a private key, so that it is not left in config', () => {
    expect(() => read([{ name: 'oops', publicKey: privateKey }])).toThrow(
      /trustedKeys\[0\] \("oops"\) in app-config: publicKey is a private key; configure its public key instead/,
    );
  });
});
