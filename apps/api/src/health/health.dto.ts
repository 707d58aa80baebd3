import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

export class LiveDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

interface Indicator {
  status: 'up' | 'down';
}

// Indicators may add a `message` when down, so each stays open.
const INDICATORS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
  example: { postgres: { status: 'up' }, redis: { status: 'up' } },
};

/** Terminus' answer: each indicator by name (`postgres`, `redis`). */
export class ReadyDto {
  @ApiProperty({ enum: ['ok'] })
  status!: string;

  @ApiProperty(INDICATORS)
  info!: Record<string, Indicator>;

  @ApiProperty(INDICATORS)
  error!: Record<string, Indicator>;

  @ApiProperty(INDICATORS)
  details!: Record<string, Indicator>;
}
