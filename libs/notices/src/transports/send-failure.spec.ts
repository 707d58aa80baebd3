import { smtpFailure } from './send-failure';

describe('smtpFailure: what may be sent again', () => {
  const cases: Array<[string, object, string, boolean]> = [
    ['a 451 reply', { code: 'EMESSAGE', responseCode: 451, command: 'DATA' }, 'smtp 451', true],
    ['a 550 reply', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }, 'smtp 550', true],
    [
      'connection refused',
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' },
      'smtp ESOCKET/ECONNREFUSED',
      true,
    ],
    ['no DNS answer', { code: 'EDNS', command: 'CONN' }, 'smtp EDNS', true],
    [
      'no greeting',
      { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT', command: 'CONN' },
      'smtp greeting_timeout',
      true,
    ],
    ['refused by nodemailer', { code: 'EENVELOPE', command: 'API' }, 'smtp EENVELOPE', true],
    [
      'a socket timeout mid-message',
      { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT', command: 'CONN' },
      'smtp ETIMEDOUT',
      false,
    ],
    ['the connection dropped', { code: 'ECONNECTION', command: 'CONN' }, 'smtp ECONNECTION', false],
    ['anything else', new Error('boom'), 'smtp unknown', false],
  ];

  it.each(cases)('%s', (_name, err, reason, definite) => {
    const failure = smtpFailure(err);
    expect({ reason: failure.reason, definite: failure.definite }).toEqual({ reason, definite });
  });

  it('never keeps the reply text, which may echo an address', () => {
    const err = Object.assign(new Error('550 5.1.1 <victim@example.kz>: no such user'), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <victim@example.kz>: no such user',
    });
    expect(smtpFailure(err).message).toBe('smtp 550');
  });
});
