// The API server's address as messages show it. A kubeconfig may carry basic-auth credentials in the server URL
// (https://user:pass@host); no error, log line or report may print them.

export function redactServer(server: string): string {
  return server.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1[REDACTED]@');
}

/** The user:password part of a server URL, for the Action to mask; undefined when there is none. */
export function serverUserInfo(server: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/@\s]*)@/i.exec(server)?.[1];
}
