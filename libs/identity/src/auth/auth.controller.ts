import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import type { Request, Response } from 'express';
import { Auth, CurrentUser } from '../access/auth.decorators';
import { clientIp, routeOf } from '../access/request-context';
import type { StaffPrincipal } from '../access/staff-principal';
import { toUserView, UserView } from '../users/user.dto';
import { ChangeOwnPasswordDto } from '../users/own-password.dto';
import { OwnPasswordService } from '../users/own-password.service';
import { UsersService } from '../users/users.service';
import { LoginDto, LoginResponse } from './auth.dto';
import { LoginLockedProblem, LoginService } from './login.service';

@ApiTags('staff auth')
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly users: UsersService,
    private readonly ownPassword: OwnPasswordService,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff sign-in: a short-lived bearer token' })
  @ApiBody({
    type: LoginDto,
    examples: {
      admin: { value: { email: 'admin@localhost', password: 'the-printed-password' } },
    },
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(
    400,
    [401, 'Wrong email or password, or a deactivated account'],
    [
      429,
      'Locked after repeated failures (this account from this address, this address, or a ' +
        'short pause of the account); the password was not checked. Retry-After: seconds',
    ],
  )
  async signIn(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    try {
      const result = await this.login.login(dto.email, dto.password, {
        ip: clientIp(req),
        route: routeOf(req),
      });
      return { ...result, user: toUserView(result.user) };
    } catch (err) {
      if (err instanceof LoginLockedProblem) res.setHeader('Retry-After', err.retryAfterSeconds);
      throw err;
    }
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The signed-in staff member' })
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: StaffPrincipal): Promise<UserView> {
    return toUserView(await this.users.get(user.id));
  }

  @Post('me/password')
  @HttpCode(204)
  @Auth()
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'The current password is required and counts like a sign-in attempt (same lockout). ' +
      'Every bearer token issued before the change stops working, and every other console ' +
      'session is signed out; the session the change was made from stays signed in.',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiProblems(
    [400, 'Invalid input; a wrong current password names `currentPassword` in `errors`'],
    [429, 'Locked after repeated failures; the password was not checked. Retry-After: seconds'],
  )
  async changePassword(
    @CurrentUser() user: StaffPrincipal,
    @Body() dto: ChangeOwnPasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    try {
      await this.ownPassword.change(user, dto.currentPassword, dto.newPassword, {
        ip: clientIp(req),
        route: routeOf(req),
      });
    } catch (err) {
      if (err instanceof LoginLockedProblem) res.setHeader('Retry-After', err.retryAfterSeconds);
      throw err;
    }
  }
}
