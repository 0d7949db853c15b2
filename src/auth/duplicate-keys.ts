/**
 * The first key that an object of a JSON text holds twice, at any depth, or null. JSON.parse (and
 * so jose) keeps the last of two equal keys, so a token whose payload says `"role":"DISPLAY"` and
 * later `"role":"ADMIN"` would be read as ADMIN by this server and as DISPLAY by a reader that keeps
 * the first: one signed token, two meanings (RFC 7515 §5.2, RFC 7519 §4: such a JWT must be
 * rejected). Keys are compared unescaped (`"r\u006fle"` is `role`). Only for text JSON.parse
 * accepts (call it after parsing); iterative, so a deeply nested text cannot overflow the stack.
 */
export function duplicateJsonKey(text: string): string | null {
  const open: (Set<string> | null)[] = []; // one per open object (its keys so far) or array (null)
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const keys = open[open.length - 1]!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      open.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      open.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = open[open.length - 1] instanceof Set;
    }
  }
  return null;
}
