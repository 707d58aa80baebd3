import { clientBlock } from './login-attempts.service';

describe('clientBlock', () => {
  it('counts IPv4 as is and IPv6 by its /64', () => {
    expect(clientBlock('203.0.113.7')).toBe('203.0.113.7');
    expect(clientBlock('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientBlock('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientBlock('::1')).toBe('0:0:0:0::/64');
    expect(clientBlock('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientBlock(null)).toBe('unknown');
  });
});
