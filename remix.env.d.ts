/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Loader and action types follow single fetch (`future.v3_singleFetch` in remix.config.js).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
