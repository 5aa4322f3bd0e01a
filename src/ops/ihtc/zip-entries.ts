import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../core/errors.js';

/**
 * Reads the files of a ZIP archive held in memory (stored or deflated entries, via the central directory), so that the
 * benchmark reads the competition's instance archives in place. Directories and macOS metadata entries are skipped.
 */
export function zipEntries(archive: Buffer): Map<string, Buffer> {
  const eocd = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new AppError('VITALIS_BAD_REQUEST', 'Not a ZIP archive (no end-of-central-directory record)');
  const count = archive.readUInt16LE(eocd + 10);
  let offset = archive.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(offset) !== 0x02014b50)
      throw new AppError('VITALIS_BAD_REQUEST', 'Corrupt ZIP central directory');
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localOffset = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || name.split('/').pop()?.startsWith('._')) continue;
    const dataStart =
      localOffset + 30 + archive.readUInt16LE(localOffset + 26) + archive.readUInt16LE(localOffset + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) files.set(name, Buffer.from(data));
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new AppError('VITALIS_BAD_REQUEST', `ZIP entry ${name} uses unsupported compression method ${method}`);
  }
  return files;
}
