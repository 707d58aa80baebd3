import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

/** `POST /me/password`: the caller's own password, re-checked before it is replaced. */
export class ChangeOwnPasswordDto {
  @ApiProperty({ description: 'The password now in use; a wrong one counts as a failed sign-in' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description:
      'The rules of POST /admin/users (NIST SP 800-63B: 15-256 characters, not common or ' +
      'breached, not the email), and not the current password',
  })
  @IsString()
  @IsAcceptablePassword()
  newPassword!: string;
}
