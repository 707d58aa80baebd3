import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '../users/user.dto';

/** A console session as its holder sees it; the session id itself stays in the cookie. */
export class SessionView {
  @ApiProperty({ type: UserView })
  user!: UserView;

  @ApiProperty({
    format: 'date-time',
    description: 'The absolute end of the session (SESSION_MAX_HOURS after sign-in)',
  })
  expiresAt!: string;

  @ApiProperty({
    format: 'date-time',
    description:
      'When the session ends unless refreshed first (SESSION_IDLE_MINUTES after sign-in or ' +
      'the last refresh, never past expiresAt)',
  })
  idleExpiresAt!: string;

  @ApiProperty({
    description:
      'Send as X-CSRF-Token on every POST, PUT, PATCH and DELETE made with the cookie; a ' +
      'refresh brings a new one',
  })
  csrfToken!: string;
}
