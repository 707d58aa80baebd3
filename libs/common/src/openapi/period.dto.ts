import { ApiProperty } from '@nestjs/swagger';

/** A period `[from, to)` of calendar dates in the reporting time zone. */
export class PeriodDto {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'first day, inclusive' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-02-01', description: 'day after the last' })
  to!: string;
}
