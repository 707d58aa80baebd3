import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FraudMetrics } from '@app/common';

@ApiTags('ops')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: FraudMetrics) {}

  @Get()
  // The operation id of the former @willsoto/nestjs-prometheus controller, kept for clients.
  @ApiOperation({
    operationId: 'PrometheusController_index',
    summary: 'Prometheus metrics (text exposition format); docs/metrics.md lists them',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'process defaults, HTTP and fraud_* metrics (Prometheus text format 0.0.4)',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.setHeader('Content-Type', this.metrics.contentType);
    return this.metrics.render();
  }
}
