import { safeOriginalName } from './evidence-file-name';

describe('safeOriginalName', () => {
  it('keeps Cyrillic and Kazakh letters, composed', () => {
    expect(safeOriginalName('Скриншот перевода.png')).toBe('Скриншот перевода.png');
    expect(safeOriginalName('Қазақша.pdf')).toBe('Қазақша.pdf');
    expect(safeOriginalName('и\u0306.png')).toBe('й.png');
  });

  it('replaces path separators, controls and bidi/zero-width characters', () => {
    expect(safeOriginalName('../../etc/passwd.png')).toBe('_.._etc_passwd.png');
    expect(safeOriginalName('a\u0000b\u0007c\u0085d\r\n.png')).toBe('a_b_c_d__.png');
    expect(safeOriginalName('photo\u202egnp.exe')).toBe('photo_gnp.exe');
    expect(safeOriginalName('x\u200by\ufeff.pdf')).toBe('x_y_.pdf');
  });

  it('never leaves a hidden or empty name', () => {
    expect(safeOriginalName('.htaccess')).toBe('htaccess');
    expect(safeOriginalName('...')).toBe('upload');
    expect(safeOriginalName('  ')).toBe('upload');
  });

  it('masks card numbers and cuts at 255 characters without splitting a surrogate pair', () => {
    expect(safeOriginalName('4400 4301 2345 6789.jpg')).toBe('**** **** **** 6789.jpg');
    const long = safeOriginalName('😀'.repeat(300));
    expect(Array.from(long)).toHaveLength(255);
    expect(long).toBe('😀'.repeat(255));
  });
});
