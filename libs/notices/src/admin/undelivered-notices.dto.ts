import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NOTICE_CHANNELS, NOTICE_KINDS } from '@app/common';
import type { NoticeChannel, NoticeKind } from '@app/common';

export const UNDELIVERED_STATUSES = ['failed', 'sending'] as const;
export type UndeliveredStatus = (typeof UNDELIVERED_STATUSES)[number];

export class UndeliveredNoticesQuery {
  @ApiPropertyOptional({
    enum: UNDELIVERED_STATUSES,
    description: 'only `failed` (released, retried until NOTICE_MAX_ATTEMPTS) or `sending`',
  })
  @IsOptional()
  @IsIn(UNDELIVERED_STATUSES)
  status?: UndeliveredStatus;
}

/** A notice not (yet) delivered: no address, number or text, only what an admin acts on. */
export class UndeliveredNoticeView {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: 'FR-2026-000123' }) reference!: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: NoticeKind;
  @ApiProperty({ enum: NOTICE_CHANNELS }) channel!: NoticeChannel;
  @ApiProperty({
    enum: UNDELIVERED_STATUSES,
    description:
      '`failed`: not accepted, retried with backoff until NOTICE_MAX_ATTEMPTS sends; ' +
      '`sending`: claimed by a send whose outcome is unknown (a crash or timeout mid-send), ' +
      'never resent automatically',
  })
  status!: UndeliveredStatus;
  @ApiProperty({ description: 'sends started' }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'smtp 451',
    description: 'why the last send failed: a code or status, never an address or reply text',
  })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) claimedAt!: string | null;
}

export class UndeliveredNoticesView {
  @ApiProperty({ description: 'undelivered notices in all (the list holds the oldest 200)' })
  total!: number;
  @ApiProperty({ type: [UndeliveredNoticeView] }) notices!: UndeliveredNoticeView[];
}
