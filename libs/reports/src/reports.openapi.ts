import type { ApiParamOptions } from '@nestjs/swagger';

/**
 * The `{reference}` of the citizen routes. Their guard reads it, not an `@Param`, so Nest
 * cannot see it and each route declares it with `@ApiParam(REFERENCE_PARAM)`.
 */
export const REFERENCE_PARAM: ApiParamOptions = {
  name: 'reference',
  description: 'The reference the report got when it was filed',
  example: 'FR-2026-000123',
  schema: { type: 'string', maxLength: 20 },
};

/** The example body of `POST /reports`: a phishing report with one card payment. */
export const CREATE_REPORT_EXAMPLES = {
  phishing: {
    summary: 'A phishing report with one payment',
    value: {
      reporter: {
        fullName: 'Aigerim Bekova',
        phone: '8 701 123 45 67',
        email: 'aigerim@example.kz',
        region: 'almaty_city',
        language: 'ru',
        ageGroup: 'adult',
      },
      incident: {
        fraudType: 'phishing',
        channel: 'sms',
        occurredAt: '2026-01-10T14:30:00+05:00',
        description: 'An SMS from "the bank" asked me to confirm a payment on a fake site.',
      },
      transactions: [
        {
          paidAt: '2026-01-10T14:40:00+05:00',
          amount: '150000.00',
          method: 'card',
          fromBank: 'Kaspi Bank',
          toAccount: 'KZ86125KZT5004100100',
        },
      ],
      suspects: [{ type: 'url', value: 'https://kaspi-secure.example.com/pay' }],
      consent: true,
    },
  },
};
