import type { CstElement, CstNode, IToken } from 'chevrotain';

/**
 * Reading Chevrotain CST children defensively: recovered nodes may miss
 * children, and tokens invented by error recovery are treated as missing.
 */
export type Children = Record<string, CstElement[] | undefined>;

export function nodes(children: Children, name: string): CstNode[] {
  return (children[name] ?? []).filter((n): n is CstNode => 'children' in n && !(n as CstNode).recoveredNode);
}

export function tokens(children: Children, name: string): IToken[] {
  return (children[name] ?? []).filter((n): n is IToken => 'image' in n);
}

/** The child token, unless missing or invented by error recovery. */
export function token(children: Children, name: string): IToken | undefined {
  const found = tokens(children, name)[0];
  return found && !found.isInsertedInRecovery && Number.isFinite(found.startOffset) ? found : undefined;
}

export function firstToken(cst: CstNode): IToken | undefined {
  for (const list of Object.values(cst.children)) {
    const first = list?.[0];
    if (first && 'image' in first && !first.isInsertedInRecovery) return first;
  }
  return undefined;
}
