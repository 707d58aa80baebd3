import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../access/auth.decorators';
import { AccessDeniedProblem } from '../access/access.problems';
import { regionScope } from '../access/region-scope';
import type { StaffPrincipal } from '../access/staff-principal';
import { QueueDashboardView } from './queue-dashboard.dto';
import { QueueDashboardService } from './queue-dashboard.service';

/** Read-only queue dashboard for admins and national supervisors (docs/access.md). */
@ApiTags('admin')
@Controller('admin/queues')
@Auth('admin', 'supervisor')
export class QueueDashboardController {
  constructor(private readonly dashboard: QueueDashboardService) {}

  @Get()
  @ApiOperation({
    summary: 'Queue dashboard: BullMQ job counts and recent failures, outbox backlog, untriaged',
    description:
      'National staff only (admins, national supervisors); a regional supervisor gets 403. ' +
      'Per queue: job counts, paused flag and the 10 most recent failed jobs (id, name, reason ' +
      'cut to 200 characters, attempts, times; never job data). From PostgreSQL: unrelayed ' +
      'outbox rows and reports not yet linked to a case, with the oldest of each. While Redis ' +
      'is down the answer is still 200, with `redis.status: down`, a message and no queues.',
  })
  @ApiOkResponse({ type: QueueDashboardView })
  get(@CurrentUser() user: StaffPrincipal): Promise<QueueDashboardView> {
    if (regionScope(user) !== null) {
      throw new AccessDeniedProblem(
        'region',
        { type: 'queues' },
        'The queue dashboard is for national staff only',
      );
    }
    return this.dashboard.dashboard();
  }
}
