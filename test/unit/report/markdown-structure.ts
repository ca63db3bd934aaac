// A small reading of the rendered markdown the way CommonMark does: fenced code blocks (closed only by a fence
// of at least the opening length) and code spans are literal; everything else is where HTML and mentions live.
export function outsideCode(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    if (fence) {
      const m = /^ {0,3}(`{3,})\s*$/.exec(line);
      if (m && m[1].length >= fence.length) fence = null;
      continue;
    }
    const open = /^ {0,3}(`{3,})/.exec(line);
    if (open) {
      fence = open[1];
      continue;
    }
    out.push(withoutCodeSpans(line));
  }
  return out.join('\n');
}

function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    const run = /^`+/.exec(line.slice(i));
    if (run) {
      const close = line.indexOf(run[0], i + run[0].length);
      let j = close;
      // A closing run must be exactly as long as the opening one.
      while (j !== -1 && line[j + run[0].length] === '`') j = line.indexOf(run[0], j + run[0].length + 1);
      if (j !== -1) {
        out += '<code/>';
        i = j + run[0].length;
        continue;
      }
    }
    out += line[i];
    i += 1;
  }
  return out;
}
