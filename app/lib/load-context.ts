/** What the portal's server (server/index.ts) gives every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (for slowing down repeated failed sign-ins). */
    clientAddress: string;
    /** Nonce for the inline scripts Remix writes, allowed by the Content-Security-Policy. */
    cspNonce: string;
    /** True when the request came over https (cookies are then Secure). */
    isSecure: boolean;
    /** Sets a cookie on whatever response this request ends in, redirects included. */
    appendSetCookie: (cookie: string) => void;
  }
}

export {};
