import { maskCardNumbersInText } from '@app/common';

const MAX_NAME_CHARS = 255;

// C0/C1 controls and path separators would make the name a path or garble logs and listings;
// bidi and zero-width format characters let "photo‮gpj.exe" display as "photo‭exe.jpg".
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The citizen's file name as it is stored and shown: Unicode kept (Cyrillic, Kazakh letters
 * such as Қ, Ә, Ү), composed to NFC, card numbers masked, controls and separators replaced by
 * `_`, no leading dots (never hidden), at most 255 characters (never half a surrogate pair).
 */
export function safeOriginalName(name: string): string {
  const cleaned = maskCardNumbersInText(name.normalize('NFC'))
    .replace(UNSAFE, '_')
    .trim()
    .replace(/^\.+/, '');
  const limited = Array.from(cleaned).slice(0, MAX_NAME_CHARS).join('').trim();
  return limited === '' ? 'upload' : limited;
}
