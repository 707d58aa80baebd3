import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ServiceUnavailableProblem } from '@app/common';
import { DependencyChecks, DependencyMonitor } from './dependency-monitor';

class DependencyChecksDto {
  @ApiProperty({ enum: ['up', 'down'] })
  postgres!: 'up' | 'down';

  @ApiProperty({ enum: ['up', 'down'] })
  redis!: 'up' | 'down';
}

class LiveDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

class ReadyDto extends LiveDto {
  @ApiProperty({ type: DependencyChecksDto })
  checks!: DependencyChecks;
}

@ApiTags('ops')
@Controller('health')
export class HealthController {
  constructor(private readonly monitor: DependencyMonitor) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer' })
  @ApiOkResponse({ type: ReadyDto })
  @ApiProblems([
    503,
    'Problem details with `Retry-After` and `checks` (each dependency `up` or `down`)',
  ])
  async ready(): Promise<ReadyDto> {
    const checks = await this.monitor.check();
    const down = Object.entries(checks).filter(([, state]) => state === 'down');
    if (down.length > 0) {
      throw new ServiceUnavailableProblem(`${down.map(([name]) => name).join(' and ')} down`, {
        checks,
      });
    }
    return { status: 'ok', checks };
  }
}
