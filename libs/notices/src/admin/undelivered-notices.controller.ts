import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@app/common';
import { Auth } from '@app/identity';
import { UndeliveredNoticesQuery, UndeliveredNoticesView } from './undelivered-notices.dto';
import { UndeliveredNoticesService } from './undelivered-notices.service';

/** Citizen notices that were not delivered, for admins (docs/notices.md, "Dead letters"). */
@ApiTags('admin')
@Controller('admin/notices')
@Auth('admin')
export class UndeliveredNoticesController {
  constructor(private readonly notices: UndeliveredNoticesService) {}

  @Get()
  @ApiOperation({
    summary: 'Citizen notices not delivered: failed, or left sending with an unknown outcome',
    description:
      'Admins only. The oldest 200 of the notices whose status is `failed` (not accepted; ' +
      'retried with backoff until NOTICE_MAX_ATTEMPTS sends, then left here) or `sending` ' +
      '(a send started but its outcome is unknown: never resent automatically). Reference, ' +
      'kind, channel, attempts and the last error code; never an address, number or text.',
  })
  @ApiOkResponse({ type: UndeliveredNoticesView })
  @ApiProblems([400, 'A bad status filter'])
  list(@Query() query: UndeliveredNoticesQuery): Promise<UndeliveredNoticesView> {
    return this.notices.list(query.status);
  }
}
