import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addressesIn, defaultServer } from '../../simulator/src/pipeline/defaults';

describe('defaults from the message', () => {
  test('addressesIn: angle and bare addresses together, in order', () => {
    assert.deepEqual(addressesIn('Bob <bob@example.com>, carol@other.test'), ['bob@example.com', 'carol@other.test']);
    assert.deepEqual(addressesIn('carol@other.test, "Bob" <bob@example.com>'), ['carol@other.test', 'bob@example.com']);
  });

  test('addressesIn: quoted display names and comments with commas, "@" or "<" are not addresses', () => {
    assert.deepEqual(addressesIn('"Smith, John <boss@x.test>" <john@example.com>, dave@y.test (Dave, at home@z.test)'), ['john@example.com', 'dave@y.test']);
    assert.deepEqual(addressesIn('undisclosed-recipients:;'), []);
    assert.deepEqual(addressesIn(''), []);
  });

  test('defaultServer: one local domain per recipient domain, each recipient an account', () => {
    assert.deepEqual(defaultServer(['bob@example.com', 'Bob@Example.com', 'carol@other.test']), {
      domains: [
        { name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] },
        { name: 'other.test', accounts: [{ address: 'carol@other.test', password: 'secret' }] },
      ],
    });
  });
});
