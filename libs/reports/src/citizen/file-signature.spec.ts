import { sniffFileType } from './file-signature';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('sniffFileType', () => {
  it.each([
    [bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'image/png'],
    [bytes('GIF89a', [1, 0]), 'image/gif'],
    [bytes('GIF87a', [1, 0]), 'image/gif'],
    [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    [bytes('%PDF-1.7\n'), 'application/pdf'],
    [bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    [bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]), 'image/heif'],
  ])('recognises %#', (buf, mimeType) => {
    expect(sniffFileType(buf)?.mimeType).toBe(mimeType);
  });

  it.each([
    bytes('MZ', [0x90, 0]),
    bytes('<html><script>'),
    bytes('PK', [3, 4]),
    bytes('RIFF', [0, 0, 0, 0], 'WAVE'),
    bytes([0, 0, 0, 0x18], 'ftypmp42'),
    bytes([0xff, 0xd8]),
    Buffer.alloc(0),
  ])('refuses anything else %#', (buf) => {
    expect(sniffFileType(buf)).toBeNull();
  });
});
