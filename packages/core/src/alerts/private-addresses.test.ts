import { describe, expect, it } from 'vitest';
import { isPrivateAddress, namesPrivateHost } from './private-addresses';

describe('the addresses a webhook may not reach', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '[::1]',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:1.1.1.1'])(
    'lets %s through',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('reads the host of a URL: a private literal or localhost is refused as written', () => {
    expect(namesPrivateHost(new URL('http://localhost:8080/hook'))).toBe(true);
    expect(namesPrivateHost(new URL('http://api.localhost/hook'))).toBe(true);
    expect(namesPrivateHost(new URL('http://[::1]:9000/hook'))).toBe(true);
    expect(namesPrivateHost(new URL('http://0x7f000001/hook'))).toBe(true);
    expect(namesPrivateHost(new URL('https://hooks.example.org/lineage'))).toBe(false);
  });
});
