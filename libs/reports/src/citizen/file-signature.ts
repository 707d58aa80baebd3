/** What an uploaded file is, by its first bytes; the client's declared type is ignored. */
export interface SniffedType {
  mimeType: string;
  extension: string;
}

const HEIF_BRANDS: Record<string, SniffedType> = {
  heic: { mimeType: 'image/heic', extension: 'heic' },
  heix: { mimeType: 'image/heic', extension: 'heic' },
  hevc: { mimeType: 'image/heic-sequence', extension: 'heics' },
  hevx: { mimeType: 'image/heic-sequence', extension: 'heics' },
  mif1: { mimeType: 'image/heif', extension: 'heif' },
  msf1: { mimeType: 'image/heif-sequence', extension: 'heifs' },
};

function startsWith(buf: Buffer, bytes: readonly number[], offset = 0): boolean {
  if (buf.length < offset + bytes.length) return false;
  return bytes.every((byte, i) => buf[offset + i] === byte);
}

function ascii(buf: Buffer, start: number, end: number): string {
  return buf.length >= end ? buf.toString('latin1', start, end) : '';
}

/** JPEG, PNG, GIF, WebP, HEIC/HEIF and PDF; null for anything else. */
export function sniffFileType(buf: Buffer): SniffedType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mimeType: 'image/png', extension: 'png' };
  }
  const gif = ascii(buf, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return { mimeType: 'image/gif', extension: 'gif' };
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') {
    return { mimeType: 'image/webp', extension: 'webp' };
  }
  if (ascii(buf, 0, 5) === '%PDF-') return { mimeType: 'application/pdf', extension: 'pdf' };
  if (ascii(buf, 4, 8) === 'ftyp') return HEIF_BRANDS[ascii(buf, 8, 12)] ?? null;
  return null;
}
