import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { UnauthorizedProblem } from '../access/access.problems';
import { clientIp, routeOf } from '../access/request-context';
import { LoginDto } from '../auth/auth.dto';
import { LoginLockedProblem, LoginService } from '../auth/login.service';
import { toUserView } from '../users/user.dto';
import { SessionView } from './session.dto';
import { IssuedSession, LiveSession, SessionService } from './session.service';
import {
  CSRF_HEADER,
  sessionClearCookie,
  sessionCookieOf,
  sessionSetCookie,
} from './session-secrets';

const CSRF_HEADER_DOC = {
  name: 'X-CSRF-Token',
  required: true,
  description: 'The csrfToken of the session',
} as const;

/**
 * The console's sign-in (docs/access.md, "Console sessions"): an httpOnly, SameSite=Strict
 * cookie instead of a token in the page, with a CSRF token for unsafe requests.
 */
@ApiTags('staff auth')
@Controller('auth/session')
export class SessionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly login: LoginService,
    private readonly sessions: SessionService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Console sign-in: a session cookie (fraud_session) and its CSRF token',
    description:
      'Same lockout and throttling as POST /auth/login (one counter for both). The cookie is ' +
      'HttpOnly, SameSite=Strict, Path=/api/v1 and Secure (unless COOKIE_SECURE=false); the ' +
      'body carries no token that signs a request in on its own.',
  })
  @ApiBody({ type: LoginDto })
  @ApiCreatedResponse({
    type: SessionView,
    headers: { 'Set-Cookie': { description: 'fraud_session=...', schema: { type: 'string' } } },
  })
  @ApiProblems(
    400,
    [401, 'Wrong email or password, or a deactivated account'],
    [429, 'Locked after repeated failures (as POST /auth/login); Retry-After: seconds'],
  )
  async signIn(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionView> {
    try {
      const user = await this.login.signIn(dto.email, dto.password, this.ctx(req));
      return this.issue(res, await this.sessions.open(user));
    } catch (err) {
      if (err instanceof LoginLockedProblem) res.setHeader('Retry-After', err.retryAfterSeconds);
      throw err;
    }
  }

  @Get()
  @ApiCookieAuth('session')
  @ApiOperation({ summary: 'The live session of the cookie (the console asks on load)' })
  @ApiOkResponse({ type: SessionView })
  @ApiProblems([401, 'No cookie, or its session has ended'])
  async current(@Req() req: Request): Promise<SessionView> {
    const live = await this.live(req);
    return this.view(live.session, live.user, this.sessions.csrfToken(live.secret));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiCookieAuth('session')
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOperation({
    summary: 'A new session id in the cookie and a new CSRF token; the idle timer restarts',
    description:
      'The old id stops working at once. Presenting it again revokes the whole session ' +
      '(theft detection), so refresh from one place at a time.',
  })
  @ApiOkResponse({
    type: SessionView,
    headers: { 'Set-Cookie': { description: 'fraud_session=...', schema: { type: 'string' } } },
  })
  @ApiProblems([401, 'No cookie, or its session has ended'], [403, 'X-CSRF-Token missing or wrong'])
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionView> {
    const live = await this.live(req);
    this.sessions.assertCsrf(live, req.headers[CSRF_HEADER]);
    const issued = await this.sessions.refresh(live, this.ctx(req));
    if (!issued) throw this.ended(res);
    return this.issue(res, issued);
  }

  @Delete()
  @HttpCode(204)
  @ApiCookieAuth('session')
  @ApiHeader(CSRF_HEADER_DOC)
  @ApiOperation({ summary: 'Sign-out: the session is revoked and the cookie cleared' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiProblems([401, 'No cookie, or its session has ended'], [403, 'X-CSRF-Token missing or wrong'])
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const live = await this.live(req);
    this.sessions.assertCsrf(live, req.headers[CSRF_HEADER]);
    await this.sessions.revoke(live, this.ctx(req));
    res.setHeader('Set-Cookie', sessionClearCookie(this.config.sessions.cookieSecure));
  }

  private async live(req: Request): Promise<LiveSession> {
    const secret = sessionCookieOf(req.headers.cookie);
    const live = secret ? await this.sessions.resolve(secret, this.ctx(req)) : null;
    if (!live) throw this.ended(req.res);
    return live;
  }

  /** 401 for a cookie that no longer signs anyone in; the browser is told to drop it. */
  private ended(res: Response | undefined): UnauthorizedProblem {
    if (res && !res.headersSent) {
      res.setHeader('Set-Cookie', sessionClearCookie(this.config.sessions.cookieSecure));
    }
    return new UnauthorizedProblem('No live session; sign in again');
  }

  private issue(res: Response, issued: IssuedSession): SessionView {
    res.setHeader(
      'Set-Cookie',
      sessionSetCookie(issued.secret, issued.session.expiresAt, this.config.sessions.cookieSecure),
    );
    return this.view(issued.session, issued.user, issued.csrfToken);
  }

  private view(
    session: IssuedSession['session'],
    user: IssuedSession['user'],
    csrfToken: string,
  ): SessionView {
    return {
      user: toUserView(user),
      expiresAt: session.expiresAt.toISOString(),
      idleExpiresAt: session.idleExpiresAt.toISOString(),
      csrfToken,
    };
  }

  private ctx(req: Request) {
    return { ip: clientIp(req), route: routeOf(req) };
  }
}
