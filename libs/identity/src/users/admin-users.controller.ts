import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems, PathIdPipe } from '@app/common';
import { Auth, CurrentUser } from '../access/auth.decorators';
import { clientIp, routeOf } from '../access/request-context';
import type { StaffPrincipal } from '../access/staff-principal';
import {
  CreateUserDto,
  ListUsersQueryDto,
  toUserView,
  UpdateUserDto,
  UserListView,
  UserView,
} from './user.dto';
import { ActorContext, UsersService } from './users.service';

@ApiTags('admin')
@Controller('admin/users')
@Auth('admin')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff account' })
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, [409, 'The email is taken'])
  async create(
    @Body() dto: CreateUserDto,
    @CurrentUser() actor: StaffPrincipal,
    @Req() req: Request,
  ): Promise<UserView> {
    return toUserView(await this.users.create(dto, context(actor, req)));
  }

  @Get()
  @ApiOperation({ summary: 'List staff accounts' })
  @ApiOkResponse({ type: UserListView })
  @ApiProblems(400)
  async list(@Query() query: ListUsersQueryDto): Promise<UserListView> {
    return { items: (await this.users.list(query)).map(toUserView) };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, role, region or password; `active: false` deactivates' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 404, 409)
  async update(
    @Param('id', new PathIdPipe('User')) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: StaffPrincipal,
    @Req() req: Request,
  ): Promise<UserView> {
    return toUserView(await this.users.update(id, dto, context(actor, req)));
  }
}

function context(actor: StaffPrincipal, req: Request): ActorContext {
  return { actor, route: routeOf(req), ip: clientIp(req) };
}
