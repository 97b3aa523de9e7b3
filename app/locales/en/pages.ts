import type { Messages } from "../sv";

export const pages: Messages["pages"] = {};
