import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** Where uploads are written while they stream in: a folder of EVIDENCE_DIR (one filesystem). */
export const INCOMING_DIR = '.incoming';

/** Bytes kept from the start of the file: enough for every signature file-signature.ts reads. */
const HEAD_BYTES = 16;

/** A file as the streaming storage leaves it: on disk under .incoming, hashed, not yet a row. */
export interface ReceivedEvidence {
  /** As busboy decoded it (UTF-8); not yet sanitised. */
  originalname: string;
  size: number;
  sha256: string;
  /** The first bytes, for sniffing the type. */
  head: Buffer;
  /** Absolute path of the temporary file. */
  tempPath: string;
}

type StoredInfo = Pick<ReceivedEvidence, 'size' | 'sha256' | 'head' | 'tempPath'>;

/** Temporary paths the storage created for a request, so the interceptor can always remove them. */
const TEMP_PATHS = Symbol('evidence-temp-paths');
type TrackedRequest = Request & { [TEMP_PATHS]?: string[] };

export function tempPathsOf(req: Request): string[] {
  return (req as TrackedRequest)[TEMP_PATHS] ?? [];
}

function track(req: Request, path: string): void {
  const tracked = req as TrackedRequest;
  (tracked[TEMP_PATHS] ??= []).push(path);
}

export async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/**
 * multer storage that never holds a file in memory: the bytes stream to a temporary file
 * (0600, exclusive create) while SHA-256 and the size are computed and the first bytes kept.
 * busboy stops the stream at the size limit and multer then fails the request; the temporary
 * file is removed by `_removeFile` and, whatever happened, by the upload interceptor.
 */
export class StreamingEvidenceStorage implements StorageEngine {
  constructor(private readonly evidenceDir: string) {}

  get incomingDir(): string {
    return join(this.evidenceDir, INCOMING_DIR);
  }

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (error?: Error | null, info?: Partial<Express.Multer.File>) => void,
  ): void {
    this.receive(req, file.stream).then(
      (info) => callback(null, info as unknown as Partial<Express.Multer.File>),
      (error: Error) => callback(error),
    );
  }

  _removeFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error: Error | null) => void,
  ): void {
    const { tempPath } = file as unknown as Partial<StoredInfo>;
    if (!tempPath) return callback(null);
    void removeQuietly(tempPath).then(() => callback(null));
  }

  private async receive(req: Request, source: NodeJS.ReadableStream): Promise<StoredInfo> {
    await mkdir(this.incomingDir, { recursive: true, mode: 0o700 });
    const tempPath = join(this.incomingDir, randomUUID());
    track(req, tempPath);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < HEAD_BYTES) {
          head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, measure, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await removeQuietly(tempPath);
      throw error;
    }
    return { size, sha256: hash.digest('hex'), head, tempPath };
  }

  /**
   * A process killed mid-upload leaves its temporary file behind: at start, remove those older
   * than an hour (younger ones may belong to another replica's upload in progress).
   */
  async removeStale(now = Date.now()): Promise<number> {
    const names = await readdir(this.incomingDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const path = join(this.incomingDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > 60 * 60_000) {
        await removeQuietly(path);
        removed += 1;
      }
    }
    return removed;
  }
}
