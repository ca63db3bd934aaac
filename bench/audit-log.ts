// Reads the apiserver's audit log from a remembered position. The log rotates at 200 MB (the rotated file keeps its
// inode under a new name), so a position is (inode, offset) and a rotation in between is followed.
import fs from 'node:fs';
import path from 'node:path';
import { parseAuditLine, type AuditEvent } from './lib/audit.js';

export interface LogPosition {
  inode: number;
  offset: number;
}

export class AuditLog {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  available(): boolean {
    return fs.existsSync(this.file);
  }

  mark(): LogPosition {
    const st = fs.statSync(this.file);
    return { inode: st.ino, offset: st.size };
  }

  /** Every complete event written since `from`; waits a moment first so the apiserver has flushed. */
  async eventsSince(from: LogPosition, settleMs = 500): Promise<AuditEvent[]> {
    await new Promise((r) => setTimeout(r, settleMs));
    const current = fs.statSync(this.file);
    const texts: string[] = [];
    if (current.ino === from.inode) {
      texts.push(readFrom(this.file, from.offset));
    } else {
      const rotated = fs
        .readdirSync(path.dirname(this.file))
        .map((f) => path.join(path.dirname(this.file), f))
        .find((f) => fs.statSync(f).ino === from.inode);
      if (rotated) texts.push(readFrom(rotated, from.offset));
      texts.push(readFrom(this.file, 0));
    }
    const events: AuditEvent[] = [];
    for (const text of texts) {
      for (const line of text.split('\n')) {
        const e = parseAuditLine(line);
        if (e) events.push(e);
      }
    }
    return events;
  }
}

function readFrom(file: string, offset: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size <= offset) return '';
    const buf = Buffer.alloc(size - offset);
    fs.readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
