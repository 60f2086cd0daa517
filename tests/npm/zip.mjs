// ZIP archives for the tests that read files: one built from its parts (a hostile one, a Word
// file made for a test), and an archive's parts read back (to edit a real fixture).
import { deflateRawSync, inflateRawSync, crc32 } from 'node:zlib';

/** A ZIP archive of these parts (`[name, text or bytes]`, each deflated). */
export function zip(parts) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const packed = deflateRawSync(data);
    const n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    local.push(head, n, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc32(data), 16); c.writeUInt32LE(packed.length, 20); c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    central.push(c, n);
    offset += 30 + n.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/** The parts of a ZIP archive, `[name, bytes]` in the order of its central directory (stored or deflated entries). */
export function unzip(archive) {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  const parts = [];
  for (let i = 0, p = archive.readUInt32LE(end + 16); i < archive.readUInt16LE(end + 10); i++) {
    const name = archive.subarray(p + 46, p + 46 + archive.readUInt16LE(p + 28)).toString();
    const at = archive.readUInt32LE(p + 42);
    const start = at + 30 + archive.readUInt16LE(at + 26) + archive.readUInt16LE(at + 28);
    const stored = archive.subarray(start, start + archive.readUInt32LE(p + 20));
    parts.push([name, archive.readUInt16LE(p + 10) === 8 ? inflateRawSync(stored) : Buffer.from(stored)]);
    p += 46 + archive.readUInt16LE(p + 28) + archive.readUInt16LE(p + 30) + archive.readUInt16LE(p + 32);
  }
  return parts;
}
